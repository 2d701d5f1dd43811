package dev.convlab.sweep;

import dev.convlab.backend.BackendSettings;
import dev.convlab.train.AtomicFiles;
import dev.convlab.train.Json;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one trial in its own JVM ({@link TrialMain}): DL4J's memory grows across many networks in one JVM (DL4J
 * issue #9131), a crashed trial must not take the sweep down, and a process is what a scheduler places. The child
 * gets this JVM's classpath and memory flags, its share of the cores, and writes its output to trial.log.
 */
final class TrialProcess {
    private TrialProcess() {
    }

    /** Writes the trial's folder (config.yaml, trial.json) unless it is already there. */
    static Path prepare(Path sweepDir, SweepPlan plan, SweepPlan.PlannedTrial trial) throws IOException {
        Path dir = sweepDir.resolve(SweepLedger.folder(trial));
        Files.createDirectories(dir);
        if (!Files.isRegularFile(dir.resolve(TrialFiles.CONFIG))) {
            AtomicFiles.write(dir.resolve(TrialFiles.CONFIG), trial.config().resolvedYaml());
        }
        if (!Files.isRegularFile(dir.resolve(TrialFiles.TRIAL))) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("index", trial.index());
            t.put("key", trial.key());
            t.put("params", trial.params());
            t.put("folds", plan.folds());
            t.put("metric", plan.metric());
            AtomicFiles.write(dir.resolve(TrialFiles.TRIAL), Json.write(t));
        }
        return dir;
    }

    /** Runs the trial to its end and reads its result; a result left by an earlier run is removed first. */
    static TrialOutcome run(Path dir, int threads) throws IOException, InterruptedException {
        Files.deleteIfExists(dir.resolve(TrialFiles.RESULT));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("-Xmx") || arg.startsWith("-Dorg.bytedeco.javacpp.max")) {
                cmd.add(arg);
            }
        }
        cmd.add("-D" + BackendSettings.THREADS_PROPERTY + "=" + threads);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), TrialMain.class.getName(),
                dir.toString(), Long.toString(ProcessHandle.current().pid())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(TrialFiles.LOG).toFile()));
        pb.environment().put("OMP_NUM_THREADS", Integer.toString(threads));
        long start = System.nanoTime();
        Process p = pb.start();
        int code;
        try {
            code = p.waitFor();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            throw e;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return read(dir, code, seconds);
    }

    @SuppressWarnings("unchecked")
    static TrialOutcome read(Path dir, int code, double seconds) throws IOException {
        Path result = dir.resolve(TrialFiles.RESULT);
        if (!Files.isRegularFile(result)) {
            return new TrialOutcome("failed", List.of(), seconds, "the trial process ended with exit code " + code
                    + " and no result (see " + dir.resolve(TrialFiles.LOG) + ")");
        }
        Map<String, Object> r = Json.read(Files.readString(result));
        List<Double> scores = new ArrayList<>();
        if (r.get("scores") instanceof List<?> l) {
            for (Object o : l) {
                scores.add(o == null ? Double.NaN : ((Number) o).doubleValue());
            }
        }
        String status = String.valueOf(r.get("status"));
        return new TrialOutcome(status, scores, seconds, status.equals("ok") ? null : String.valueOf(r.get("error")));
    }
}

package dev.convlab.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The must-show list of issue 3, each judged from this run's figures. */
final class Targets {
    static final double YAML_TOLERANCE = 0.03;
    static final double DATA_WAIT_LIMIT = 0.05;

    /** @param met "yes", "no", or "not measured" */
    record Target(String what, String measured, String met) {
    }

    private Targets() {
    }

    static List<Target> judge(Results r) {
        List<Target> out = new ArrayList<>();
        for (String network : new String[] {"mnist-cnn", "cats-dogs-cnn"}) {
            out.add(atLeast("convlab / PyTorch >= 1.2, training, " + network,
                    r.pairedRatio(network, "convlab", "pytorch", "train"), 1.2));
            out.add(atLeast("convlab / PyTorch >= 1.5, inference, " + network,
                    r.pairedRatio(network, "convlab", "pytorch", "infer"), 1.5));
        }
        for (String network : new String[] {"mnist-cnn", "cats-dogs-cnn"}) {
            Double ratio = r.pairedRatio(network, "convlab", "pytorch-malloc", "train");
            out.add(new Target("not an issue target: convlab / PyTorch run with convlab's malloc settings, training, "
                    + network, Fmt.ratio(ratio), ratio == null ? "not measured" : ratio >= 1.2 ? "(>= 1.2)"
                    : "(below 1.2)"));
        }
        out.add(atLeast("convlab / plain DL4J defaults >= 5, training, cats-dogs-cnn",
                r.pairedRatio("cats-dogs-cnn", "convlab", "dl4j-default", "train"), 5));
        out.add(yamlOverhead(r));
        out.add(dataWait(r));
        out.add(new Target("fast path and built-in path agree within stated tolerances; same accuracy either way",
                "tests in modules/convlab-backend (not this benchmark)", "not measured"));
        return out;
    }

    private static Target atLeast(String what, Double ratio, double limit) {
        return new Target(what, Fmt.ratio(ratio), ratio == null ? "not measured" : ratio >= limit ? "yes" : "no");
    }

    /**
     * Overhead is convlab being slower than the same thing by hand; faster by more than 3% is noise, not overhead.
     * Judged from the one-process comparisons (PairMain) where they ran, the median over their processes, else from
     * the rounds' paired ratios.
     */
    private static Target yamlOverhead(Results r) {
        StringBuilder measured = new StringBuilder();
        boolean all = true;
        boolean any = false;
        for (String network : ReportMain.NETWORKS) {
            for (String mode : new String[] {"train", "infer"}) {
                int processes = r.pairs(network, mode).size();
                Double ratio = processes > 0 ? r.pairRatio(network, mode)
                        : r.pairedRatio(network, "convlab", "dl4j-fast", mode);
                if (ratio == null) {
                    all = false;
                    continue;
                }
                any = true;
                all &= ratio >= 1 - YAML_TOLERANCE;
                measured.append(measured.length() == 0 ? "" : ", ").append(network).append(' ').append(mode)
                        .append(' ').append(Fmt.ratio(ratio)).append(processes == 0 ? " (rounds)"
                                : processes == 1 ? " (one process)" : " (median of " + processes + " processes)");
            }
        }
        return new Target("convlab from YAML within 3% of the same fast settings by hand (convlab / by hand >= 0.97)",
                any ? measured.toString() : Fmt.NONE, !any ? "not measured" : all ? "yes" : "no");
    }

    private static Target dataWait(Results r) {
        Optional<Map<String, Object>> line = r.ofKind("data_wait").stream().reduce((a, b) -> b);
        if (line.isEmpty()) {
            return new Target("data wait < 5% of the epoch with augmentation on", Fmt.NONE, "not measured");
        }
        Double share = DataWait.worstShare(line.get());
        String augmentation = Results.str(line.get(), "augmentation");
        boolean on = augmentation.startsWith("{");
        String measured = Fmt.percent(share) + (on ? " (augmentation on)" : " (augmentation " + augmentation + ")");
        String met = share == null ? "not measured" : share >= DATA_WAIT_LIMIT ? "no"
                : on ? "yes" : "not measured with augmentation (yes without)";
        return new Target("data wait < 5% of the epoch with augmentation on", measured, met);
    }
}

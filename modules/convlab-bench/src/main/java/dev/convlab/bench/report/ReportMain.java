package dev.convlab.bench.report;

import dev.convlab.bench.Args;
import dev.convlab.bench.Flops;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes docs/benchmarks.md from one run's results.jsonl and prints the tables and ratios.
 * <pre>
 *   --results FILE --out docs/benchmarks.md --mode full|quick --busy-start PERCENT --busy-end PERCENT
 *   --load-start "1.0 0.8 0.5" --load-end "..." --torch-package VERSION
 * </pre>
 */
public final class ReportMain {
    static final List<String> NETWORKS = List.of("mnist-cnn", "cats-dogs-cnn", "vgg16");
    static final List<String> IMPLS = List.of("convlab", "dl4j-fast", "dl4j-default", "pytorch", "pytorch-malloc");
    /** Background work above this share of the CPU makes the figures unreliable (a shell and sshd stay far below). */
    private static final int BUSY_LIMIT_PERCENT = 10;
    private static final Map<String, String> NETWORK_TITLES = Map.of(
            "mnist-cnn", "MNIST CNN: conv32-pool-conv64-pool-dense128-dense10, 28x28x1, Adam 1e-3",
            "cats-dogs-cnn", "cats-vs-dogs CNN of the Keras tutorial: 4 x (conv3x3 32/64/128/128 + pool), dropout 0.5,"
                    + " dense 512, sigmoid; 150x150x3, RMSprop 1e-4",
            "vgg16", "VGG16: 13 conv3x3 + 5 pool, dense 4096-4096-1000; 224x224x3, SGD momentum 0.9");
    private static final Map<String, String> IMPL_TITLES = Map.of(
            "convlab", "(a) convlab, from YAML",
            "dl4j-default", "(b) plain DL4J, defaults",
            "dl4j-fast", "(c) DL4J by hand, convlab's settings",
            "pytorch", "(d) PyTorch",
            "pytorch-malloc", "(e) PyTorch, convlab's malloc settings");

    private ReportMain() {
    }

    public static void main(String[] args) throws IOException {
        Args a = Args.parse(args);
        Results r = Results.read(Path.of(a.get("results")));
        boolean quick = a.get("mode", "full").equals("quick");
        double ceiling = r.ofKind("gemm").stream().map(l -> Results.num(l, "gflops_per_s")).filter(v -> v != null)
                .max(Double::compare).orElse(Double.NaN);

        String results = resultsTable(r, ceiling);
        String ratios = ratiosTable(r);
        String targets = targetsTable(r);
        StringBuilder doc = new StringBuilder();
        doc.append("# Benchmarks\n\n");
        doc.append("Written by `scripts/benchmark.sh").append(quick ? " --quick" : "").append("` on ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")))
                .append("; every figure below comes from that one run. Issue 3 asks for these measurements.\n\n");
        if (quick) {
            doc.append("> **Quick run**: a handful of steps per measurement, to check the benchmark end to end. "
                    + "The figures are not final; run `scripts/benchmark.sh` (without `--quick`) on a quiet "
                    + "machine.\n\n");
        }
        doc.append("## Machine\n\n").append(machineTable(r, a)).append('\n');
        doc.append("## Method\n\n").append(Method.text(quick)).append('\n');
        doc.append("## Throughput, GFLOP/s and peak memory\n\n").append(networks(r)).append('\n').append(results)
                .append('\n')
                .append("GFLOP/s counts ").append(flopsNote(r)).append(" \"% of gemm\" is against the best large "
                        + "matrix multiply measured on this machine (").append(Fmt.rate(ceiling))
                .append(" GFLOP/s, below). Peak RSS is the process's VmHWM, JVM or Python interpreter included.\n\n");
        doc.append("## Ratios\n\nconvlab's images/s divided by the other implementation's: above 1, convlab is "
                + "faster.\n\n").append(ratios).append('\n');
        doc.append("## YAML against by hand, in one process\n\n").append(pairTable(r)).append('\n');
        doc.append("## Distance to the hardware limit: large matrix multiply\n\n").append(gemmTable(r)).append('\n');
        doc.append("## Data wait\n\n").append(DataWait.section(r)).append('\n');
        doc.append("## convlab check's memory estimate against the measured peak\n\n").append(memoryTable(r))
                .append('\n');
        doc.append("## Must-show targets of issue 3\n\n").append(targets).append('\n');
        doc.append("## Warnings and failures\n\n").append(warnings(r, a));

        Path out = Path.of(a.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, doc.toString(), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(results);
        System.out.println(ratios);
        System.out.println(targets);
        System.out.println("written: " + out);
    }

    private static String machineTable(Results r, Args a) {
        Table t = new Table("", "");
        Machine.describe().forEach((k, v) -> t.row(k, v));
        t.row("DL4J / ND4J", r.first("dl4j_version").orElse("?") + ", native builds loaded: "
                + String.join(", ", distinct(r, "native_build", "dl4j-default", "convlab")));
        String debian = a.get("torch-package", "");
        t.row("PyTorch", r.first("torch_version").map(v -> v + (debian.isEmpty() ? "" : " (Debian python3-torch "
                + debian + ")")).orElse("not run"));
        t.row("threads", String.join(", ", distinct(r, "threads", null, null)) + " (every measurement; see Method)");
        String busy = a.get("busy-start", "").isEmpty() ? "CPU busy not sampled"
                : "CPU busy " + a.get("busy-start") + "% in the 3 s before the first measurement, "
                        + a.get("busy-end", "?") + "% after the last";
        t.row("other work", busy + "; load average at start " + a.get("load-start", "?") + ", at end "
                + a.get("load-end", "?"));
        return t.toString();
    }

    private static String networks(Results r) {
        StringBuilder s = new StringBuilder();
        for (String network : NETWORKS) {
            String params = r.ofKind("throughput").stream().filter(l -> network.equals(l.get("network")))
                    .map(l -> Fmt.rate(Results.num(l, "params")) + " parameters").findFirst().orElse("not run");
            s.append("- `").append(network).append("`: ").append(NETWORK_TITLES.get(network)).append("; ")
                    .append(params).append('\n');
        }
        return s.toString();
    }

    private static String resultsTable(Results r, double ceiling) {
        Table t = new Table("network (batch)", "implementation", "train img/s", "infer img/s", "train GFLOP/s",
                "infer GFLOP/s", "peak RSS train", "peak RSS infer", "steps train/infer (±var)",
                "native build; DL4J layer helpers");
        for (String network : NETWORKS) {
            for (String impl : IMPLS) {
                Optional<Map<String, Object>> train = r.throughput(network, impl, "train");
                Optional<Map<String, Object>> infer = r.throughput(network, impl, "infer");
                if (train.isEmpty() && infer.isEmpty()) {
                    continue;
                }
                Map<String, Object> any = train.orElseGet(infer::get);
                String build = Results.str(any, "native_build")
                        + (any.containsKey("helpers") ? "; " + Results.str(any, "helpers") : "");
                t.row(network + " (" + Results.str(any, "batch") + ")", IMPL_TITLES.get(impl),
                        rateCell(r, network, impl, "train"), rateCell(r, network, impl, "infer"),
                        gflops(train, ceiling), gflops(infer, ceiling),
                        Fmt.mib(train.map(l -> Results.num(l, "peak_rss_bytes")).orElse(null)),
                        Fmt.mib(infer.map(l -> Results.num(l, "peak_rss_bytes")).orElse(null)),
                        steps(train) + "/" + steps(infer), build);
            }
        }
        return t.toString();
    }

    /** The median images/s, with the range over the rounds when there were several. */
    private static String rateCell(Results r, String network, String impl, String mode) {
        List<Double> rates = r.rounds(network, impl, mode).stream().map(l -> Results.num(l, "images_per_s")).toList();
        if (rates.size() < 2) {
            return Fmt.rate(r.rate(network, impl, mode));
        }
        return Fmt.rate(r.rate(network, impl, mode)) + " (" + Fmt.rate(rates.stream().min(Double::compare).get())
                + "-" + Fmt.rate(rates.stream().max(Double::compare).get()) + ", " + rates.size() + " rounds)";
    }

    private static String gflops(Optional<Map<String, Object>> line, double ceiling) {
        Double g = line.map(l -> Results.num(l, "gflops_per_s")).orElse(null);
        if (g == null) {
            return Fmt.NONE;
        }
        return Fmt.rate(g) + (Double.isFinite(ceiling) ? " (" + Fmt.percent(g / ceiling) + ")" : "");
    }

    private static String steps(Optional<Map<String, Object>> line) {
        return line.map(l -> Results.str(l, "steps") + " (±" + Fmt.percent(Results.num(l, "step_variation")) + ")")
                .orElse(Fmt.NONE);
    }

    private static String flopsNote(Results r) {
        StringBuilder s = new StringBuilder("forward FLOPs per image (");
        for (String network : NETWORKS) {
            r.throughput(network, "convlab", "train").or(() -> r.throughput(network, "convlab", "infer"))
                    .map(l -> Results.num(l, "forward_flops_per_image"))
                    .ifPresent(f -> s.append(network).append(' ').append(Fmt.rate(f / 1e9)).append(" GFLOP, "));
        }
        return s.append("convolutions and dense layers only) x images/s, and ").append(Flops.TRAINING_FACTOR)
                .append("x that for a training step.").toString();
    }

    private static String ratiosTable(Results r) {
        Table t = new Table("network", "(a)/(d) PyTorch, train", "(a)/(d) PyTorch, infer",
                "(a)/(b) plain DL4J, train", "(a)/(b) plain DL4J, infer", "(a)/(c) by hand, train",
                "(a)/(c) by hand, infer", "(a)/(e) PyTorch + malloc, train", "(a)/(e) PyTorch + malloc, infer");
        for (String network : NETWORKS) {
            t.row(network, ratio(r, network, "pytorch", "train"), ratio(r, network, "pytorch", "infer"),
                    ratio(r, network, "dl4j-default", "train"), ratio(r, network, "dl4j-default", "infer"),
                    ratio(r, network, "dl4j-fast", "train"), ratio(r, network, "dl4j-fast", "infer"),
                    ratio(r, network, "pytorch-malloc", "train"), ratio(r, network, "pytorch-malloc", "infer"));
        }
        return t.toString();
    }

    private static String ratio(Results r, String network, String other, String mode) {
        return Fmt.ratio(r.pairedRatio(network, "convlab", other, mode));
    }

    private static String pairTable(Results r) {
        return pairRows(r, false) + "\n(a) and (c) built side by side in one JVM (`PairMain`), several copies of "
                + "each (built in turn: (a) first for the first copy, (c) first for the second, and so on), warmed up "
                + "in turn (at least a number of steps and seconds, until every copy's max-pooling kernel trials are "
                + "done) and timed in blocks: a block runs every copy for a few steps, in an order that rotates "
                + "from block to block, so that all of them see the same machine at the same minutes. Each copy's "
                + "median step time is taken, then each side's median over its copies; a process's ratio is (c)'s "
                + "over (a)'s, and the figure that counts is the median over the processes (img/s are medians over "
                + "the processes too). Medians, because the machine's hiccups (another tenant, a GC pause) hit "
                + "single steps and whole blocks (one process's block ratios spread from about 0.5 to 2); copies, "
                + "because two copies of one network do not run at the same speed for the life of a process (three "
                + "MNIST control processes of 4 + 4 copies on 2026-11-22: in each, one copy in eight took 18.2-19.9 "
                + "ms a training step where the others took 14.3-17.6 ms; cats-vs-dogs: one copy at 565 ms against "
                + "386-396 ms); "
                + "processes, because a process is one sample (MNIST inference with one copy each gave 0.905 in one "
                + "process and 0.99-1.08 in four others). The slow copies turned out to be those whose max-pooling "
                + "layers had picked the slower kernel at start-up, timed once while the JIT compiler took a core "
                + "(15 of 132 copies in the run of 2026-11-22 13:25; each pair line lists every copy's picks); "
                + "since then each layer times its kernels twice, the second time 10 s later (`KernelTrial`). "
                + "The two configurations differ only in the weight initialiser (Keras's "
                + "glorot_uniform against DL4J's XAVIER), the loss's clipping epsilon, the layer names and, for "
                + "cats-vs-dogs, where the flatten preprocessor sits (before the dropout layer or after it).\n\n"
                + "### Control: (c) against a second copy of (c)\n\n" + pairRows(r, true)
                + "\nThe same program with (a)'s copies replaced by copies of the by-hand network (`PairMain --control "
                + "true`): nothing differs, so how far this is from 1.00 is how far the method itself can be off.\n";
    }

    private static String pairRows(Results r, boolean control) {
        Table t = new Table("network", "mode", control ? "(c) in (a)'s place, img/s" : "(a) from YAML, img/s",
                "(c) by hand, img/s", "ratio, median over processes", "each process",
                "copies x blocks x steps");
        for (String network : NETWORKS) {
            for (String mode : new String[] {"train", "infer"}) {
                List<Map<String, Object>> lines = control ? r.controls(network, mode) : r.pairs(network, mode);
                if (lines.isEmpty()) {
                    continue;
                }
                StringBuilder each = new StringBuilder();
                for (Map<String, Object> l : lines) {
                    each.append(each.length() == 0 ? "" : ", ").append(Fmt.ratio(Results.num(l, "ratio")));
                }
                Map<String, Object> last = lines.get(lines.size() - 1);
                t.row(network, mode, Fmt.rate(median(lines, "yaml_images_per_s")),
                        Fmt.rate(median(lines, "hand_images_per_s")),
                        Fmt.ratio(median(lines, "ratio")) + " (" + lines.size() + ")", each.toString(),
                        Results.str(last, "copies") + " x "
                                + Results.str(last, "blocks") + " x " + Results.str(last, "block_steps"));
            }
        }
        return t.isEmpty() ? "Not measured in this run.\n" : t.toString();
    }

    private static Double median(List<Map<String, Object>> lines, String key) {
        return Results.median(lines.stream().map(l -> Results.num(l, key)).filter(v -> v != null).toList());
    }

    private static String gemmTable(Results r) {
        Table t = new Table("library", "n", "GFLOP/s", "threads", "products timed");
        for (Map<String, Object> l : r.ofKind("gemm")) {
            String impl = Results.str(l, "impl");
            String what = switch (impl) {
                case "nd4j-gemm" -> "ND4J gemm (" + Results.str(l, "blas_vendor") + ")";
                case "nd4j-matmul" -> "ND4J matmul op (" + Results.str(l, "native_build") + ")";
                default -> "torch.mm (" + Results.str(l, "native_build") + ")";
            };
            t.row(what, Results.str(l, "n"), Fmt.rate(Results.num(l, "gflops_per_s")), Results.str(l, "threads"),
                    Results.str(l, "reps"));
        }
        return (t.isEmpty() ? "Not measured in this run.\n" : t.toString())
                + "\nSquare float32 matrices, 2·n³ FLOPs per product, after 2 untimed products, in the same thread "
                + "count as the networks. `Nd4j.gemm` calls ND4J's BLAS (OpenBLAS 0.3.19 in the nd4j-native jars); "
                + "ND4J's matmul op runs on oneDNN in the oneDNN builds; torch.mm calls Debian's OpenBLAS. The best "
                + "of these is the practical ceiling for the GFLOP/s column above.\n";
    }

    private static String memoryTable(Results r) {
        Table t = new Table("network", "estimate (training step)", "measured peak RSS, convlab train",
                "estimate / measured");
        for (String network : NETWORKS) {
            r.throughput(network, "convlab", "train").ifPresent(l -> t.row(network,
                    Fmt.mib(Results.num(l, "estimate_bytes")), Fmt.mib(Results.num(l, "peak_rss_bytes")),
                    Fmt.ratio(Results.ratio(Results.num(l, "estimate_bytes"), Results.num(l, "peak_rss_bytes")))));
        }
        return t + "\nFor issue 3 item 5 (estimate within 25% of the measured peak): the estimate is what "
                + "`convlab check` prints for the config's batch size; the peak is the whole training process's "
                + "resident high-water mark (JVM, native libraries, Java heap and ND4J's arrays), with the JVM's "
                + "committed heap pre-touched (-XX:+AlwaysPreTouch) as a long run ends up touching it; docs/memory.md "
                + "has the method.\n";
    }

    private static String targetsTable(Results r) {
        Table t = new Table("target", "measured", "met");
        for (Targets.Target target : Targets.judge(r)) {
            t.row(target.what(), target.measured(), target.met());
        }
        return t.toString();
    }

    private static String warnings(Results r, Args a) {
        List<String> out = new ArrayList<>();
        for (Map<String, Object> f : r.ofKind("failed")) {
            out.add("**failed**: " + Results.str(f, "what") + ": " + Results.str(f, "error") + " (log: "
                    + Results.str(f, "log") + ")");
        }
        Set<String> threads = new TreeSet<>(distinct(r, "threads", null, null));
        if (threads.size() > 1) {
            out.add("measurements ran with different thread counts: " + threads);
        }
        for (String network : NETWORKS) {
            Set<String> params = new TreeSet<>();
            r.ofKind("throughput").stream().filter(l -> network.equals(l.get("network")))
                    .forEach(l -> params.add(Results.str(l, "params")));
            if (params.size() > 1) {
                out.add(network + ": the implementations have different parameter counts " + params
                        + " - they are not the same network");
            }
            r.throughput(network, "convlab", "train").filter(l -> "none".equals(l.get("helpers")))
                    .ifPresent(l -> out.add(network + ": convlab ran without oneDNN helpers - the fast path was off"));
        }
        String load = a.get("load-start", "");
        if (a.get("busy-start", "").isEmpty() && !load.isEmpty() && Double.parseDouble(load.split("\\s+")[0]) > 1) {
            // older runs have no busy sample; the load average is the next best sign of other work
            out.add("the machine was not quiet at the start of the run (1-minute load average " + load.split("\\s+")[0]
                    + "): the figures are low and noisy; run again on a quiet machine");
        }
        for (String when : new String[] {"start", "end"}) {
            String busy = a.get("busy-" + when, "");
            if (!busy.isEmpty() && Integer.parseInt(busy) > BUSY_LIMIT_PERCENT) {
                out.add("the machine was not quiet at the " + when + " of the run (CPU " + busy + "% busy with "
                        + "other work): the figures are low and noisy; run again on a quiet machine");
            }
        }
        if (out.isEmpty()) {
            return "None.\n";
        }
        StringBuilder s = new StringBuilder();
        out.forEach(w -> s.append("- ").append(w).append('\n'));
        return s.toString();
    }

    /** Distinct values of a key over throughput lines, optionally of two implementations only. */
    private static List<String> distinct(Results r, String key, String implA, String implB) {
        Set<String> values = new TreeSet<>();
        for (Map<String, Object> l : r.ofKind("throughput")) {
            Object impl = l.get("impl");
            if (implA == null || implA.equals(impl) || implB.equals(impl)) {
                Object v = l.get(key);
                if (v != null) {
                    values.add(implA == null ? v.toString() : impl + ": " + v);
                }
            }
        }
        return new ArrayList<>(values);
    }
}

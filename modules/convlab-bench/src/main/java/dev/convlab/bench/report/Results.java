package dev.convlab.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines of one benchmark run. Kinds: throughput, gemm, data_wait (written by the measuring processes) and
 * failed (written by scripts/benchmark.sh when a process exits non-zero or times out).
 */
public final class Results {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final List<Map<String, Object>> lines;

    private Results(List<Map<String, Object>> lines) {
        this.lines = lines;
    }

    @SuppressWarnings("unchecked")
    static Results read(Path file) throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(MAPPER.readValue(line, Map.class));
            } catch (JsonProcessingException e) {
                lines.add(Map.of("kind", "failed", "what", "unreadable result line", "error", line));
            }
        }
        return new Results(lines);
    }

    List<Map<String, Object>> ofKind(String kind) {
        return lines.stream().filter(l -> kind.equals(l.get("kind"))).toList();
    }

    /**
     * The one-process YAML-against-hand comparisons of a network and mode (PairMain), one line per process, in the
     * order they ran; lines without a ratio (an older PairMain) are left out.
     */
    List<Map<String, Object>> pairs(String network, String mode) {
        return pairLines(network, mode, false);
    }

    /** The control runs of PairMain (--control true: two copies of (c), no YAML), one line per process. */
    List<Map<String, Object>> controls(String network, String mode) {
        return pairLines(network, mode, true);
    }

    private List<Map<String, Object>> pairLines(String network, String mode, boolean control) {
        return ofKind("pair").stream().filter(l -> network.equals(l.get("network")) && mode.equals(l.get("mode"))
                && num(l, "ratio") != null && control == Boolean.TRUE.equals(l.get("control")))
                .toList();
    }

    /**
     * (a)/(c) of a network and mode: each process's ratio (PairMain's: of the median copy's median step), and the
     * median of those over the processes,
     * or null when no pair ran. One process is one sample: the same code gave 0.905 for MNIST inference in one
     * process and 0.99-1.08 in four others.
     */
    Double pairRatio(String network, String mode) {
        return median(pairs(network, mode).stream().map(l -> num(l, "ratio")).toList());
    }

    /** Every round's measurement of one case, in the order they ran. */
    List<Map<String, Object>> rounds(String network, String impl, String mode) {
        return ofKind("throughput").stream().filter(l -> network.equals(l.get("network"))
                && impl.equals(l.get("impl")) && mode.equals(l.get("mode")) && num(l, "images_per_s") != null)
                .toList();
    }

    /** The measurement with the median images/s over the rounds (the lower middle one of an even count). */
    Optional<Map<String, Object>> throughput(String network, String impl, String mode) {
        List<Map<String, Object>> sorted = rounds(network, impl, mode).stream()
                .sorted(Comparator.comparingDouble(l -> num(l, "images_per_s"))).toList();
        return sorted.isEmpty() ? Optional.empty() : Optional.of(sorted.get((sorted.size() - 1) / 2));
    }

    /** Median images per second over the rounds, if any ran. */
    Double rate(String network, String impl, String mode) {
        return median(rounds(network, impl, mode).stream().map(l -> num(l, "images_per_s")).toList());
    }

    /**
     * a's images/s over b's, taken round by round (the two ran minutes apart at most, so a slow spell of a shared
     * machine hits both) and the median of those ratios; the ratio of the medians when no round has both.
     */
    Double pairedRatio(String network, String a, String b, String mode) {
        Map<Object, Double> bByRound = new HashMap<>();
        rounds(network, b, mode).forEach(l -> bByRound.put(l.get("round"), num(l, "images_per_s")));
        List<Double> ratios = new ArrayList<>();
        for (Map<String, Object> l : rounds(network, a, mode)) {
            Double other = l.get("round") == null ? null : bByRound.get(l.get("round"));
            if (other != null && other > 0) {
                ratios.add(num(l, "images_per_s") / other);
            }
        }
        return ratios.isEmpty() ? ratio(rate(network, a, mode), rate(network, b, mode)) : median(ratios);
    }

    /** The median, or null for no values. */
    public static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The first value of a key over all lines that have it (versions, which every line of a kind repeats). */
    Optional<String> first(String key) {
        return lines.stream().map(l -> l.get(key)).filter(v -> v != null).map(Object::toString).findFirst();
    }

    static Double num(Map<String, Object> line, String key) {
        Object v = line.get(key);
        return v instanceof Number n ? n.doubleValue() : null;
    }

    static String str(Map<String, Object> line, String key) {
        Object v = line.get(key);
        return v == null ? Fmt.NONE : v.toString();
    }

    /** a / b, or null when either is missing. */
    static Double ratio(Double a, Double b) {
        return a == null || b == null || b == 0 ? null : a / b;
    }
}

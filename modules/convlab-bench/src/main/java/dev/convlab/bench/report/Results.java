package dev.convlab.bench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lines of one benchmark run. Kinds: throughput, gemm, data_wait (written by the measuring processes) and
 * failed (written by scripts/benchmark.sh when a process exits non-zero or times out).
 */
final class Results {
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

    Optional<Map<String, Object>> throughput(String network, String impl, String mode) {
        return ofKind("throughput").stream().filter(l -> network.equals(l.get("network"))
                && impl.equals(l.get("impl")) && mode.equals(l.get("mode"))).reduce((first, second) -> second);
    }

    /** Images per second of one measurement, if it ran. */
    Double rate(String network, String impl, String mode) {
        return throughput(network, impl, mode).map(l -> num(l, "images_per_s")).orElse(null);
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

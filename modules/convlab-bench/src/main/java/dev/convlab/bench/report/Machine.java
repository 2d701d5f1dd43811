package dev.convlab.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The machine the benchmark ran on, from /proc and /etc (Linux), for the top of docs/benchmarks.md. */
final class Machine {
    /** The flags that decide which kernels run: SIMD width, FMA, and the AVX-512 / AMX extensions DL work uses. */
    private static final List<String> FLAGS_OF_INTEREST = List.of("sse4_2", "avx", "avx2", "fma", "avx512f",
            "avx512dq", "avx512cd", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile",
            "amx_bf16", "hypervisor");

    private Machine() {
    }

    static Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> cpuinfo = lines("/proc/cpuinfo");
        // virtual machines often show a bare "AMD EPYC"; family and model tell the generation
        m.put("CPU", value(cpuinfo, "model name").orElse("unknown") + " (family " + value(cpuinfo, "cpu family")
                .orElse("?") + ", model " + value(cpuinfo, "model\t").orElse("?") + ", "
                + value(cpuinfo, "cpu MHz").map(v -> v.replaceAll("\\..*", "")).orElse("?") + " MHz)");
        Set<String> cores = new LinkedHashSet<>();
        String physical = "0";
        for (String line : cpuinfo) {
            if (line.startsWith("physical id")) {
                physical = after(line);
            } else if (line.startsWith("core id")) {
                cores.add(physical + "/" + after(line));
            }
        }
        int logical = Runtime.getRuntime().availableProcessors();
        m.put("cores", (cores.isEmpty() ? "?" : cores.size()) + " physical, " + logical
                + " logical (available to the JVM)");
        Set<String> flags = Set.of(value(cpuinfo, "flags").orElse("").split(" "));
        List<String> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String f : FLAGS_OF_INTEREST) {
            (flags.contains(f) ? present : absent).add(f);
        }
        m.put("CPU flags", String.join(" ", present)
                + (absent.isEmpty() ? "" : " (not: " + String.join(" ", absent) + ")"));
        m.put("RAM", value(lines("/proc/meminfo"), "MemTotal")
                .map(v -> String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(v.split("\\s+")[0]) / 1048576.0))
                .orElse("unknown"));
        String os = lines("/etc/os-release").stream().filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).findFirst().orElse("unknown");
        String kernel = lines("/proc/sys/kernel/osrelease").stream().findFirst().orElse("?");
        m.put("OS", os + ", Linux " + kernel);
        m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return m;
    }

    private static java.util.Optional<String> value(List<String> lines, String key) {
        return lines.stream().filter(l -> l.startsWith(key)).map(Machine::after).findFirst();
    }

    private static String after(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? "" : line.substring(colon + 1).trim();
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}

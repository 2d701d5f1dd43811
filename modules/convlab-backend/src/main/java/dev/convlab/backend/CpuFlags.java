package dev.convlab.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The instruction-set flags of this CPU, as the kernel reports them. {@code known} is false where they could not
 * be read (any OS but Linux): the native variant choice then falls back to builds that need nothing special.
 */
public record CpuFlags(Set<String> flags, boolean known, String source) {

    /** The flags that decide a native variant or explain its speed; the summary lists only these. */
    private static final List<String> NOTEWORTHY = List.of("sse4_2", "avx", "avx2", "fma", "f16c",
            "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl", "avx512_vnni", "avx512_bf16",
            "amx_tile", "amx_bf16", "amx_int8", "asimd", "sve");

    public CpuFlags {
        flags = Set.copyOf(flags);
    }

    public static CpuFlags unknown(String why) {
        return new CpuFlags(Set.of(), false, why);
    }

    /** Flags of the first processor in a {@code /proc/cpuinfo} text (x86 "flags", ARM "Features"). */
    public static CpuFlags parseCpuinfo(String cpuinfo, String source) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim();
            if (key.equals("flags") || key.equals("Features")) {
                Set<String> flags = Arrays.stream(line.substring(colon + 1).trim().split("\\s+"))
                        .filter(f -> !f.isEmpty())
                        .map(f -> f.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
                return new CpuFlags(flags, true, source);
            }
        }
        return unknown(source + " has no flags line");
    }

    /** This machine's flags: /proc/cpuinfo on Linux, unknown elsewhere. */
    public static CpuFlags ofThisMachine() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            return unknown("not read on " + System.getProperty("os.name"));
        }
        try {
            return parseCpuinfo(Files.readString(cpuinfo), cpuinfo.toString());
        } catch (IOException | RuntimeException e) {
            return unknown(cpuinfo + " unreadable: " + e.getMessage());
        }
    }

    public boolean hasAll(Set<String> wanted) {
        return known && flags.containsAll(wanted);
    }

    /** For doctor and manifests: the noteworthy flags present, or why none are known. */
    public String summary() {
        if (!known) {
            return "unknown (" + source + ")";
        }
        List<String> present = NOTEWORTHY.stream().filter(flags::contains).toList();
        return present.isEmpty() ? "no SIMD extensions beyond the x86-64 baseline" : String.join(" ", present);
    }
}

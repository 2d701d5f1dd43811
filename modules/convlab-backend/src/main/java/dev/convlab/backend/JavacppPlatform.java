package dev.convlab.backend;

import java.util.Locale;

/**
 * The JavaCPP platform name ({@code linux-x86_64}, {@code macosx-arm64}, …) that names the native folders inside
 * the nd4j-native jars. Worked out here rather than by {@code Loader.getPlatform()} because touching JavaCPP's
 * Loader before the variant is chosen would freeze its properties too early.
 */
final class JavacppPlatform {
    private JavacppPlatform() {
    }

    static String current() {
        String forced = System.getProperty("org.bytedeco.javacpp.platform");
        if (forced != null && !forced.isBlank()) {
            return forced;
        }
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** Same mapping as JavaCPP 1.5.7's Loader for the platforms DL4J ships. */
    static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String osPart = os.startsWith("mac os x") || os.startsWith("darwin") ? "macosx"
                : os.startsWith("windows") ? "windows"
                : os.startsWith("linux") ? "linux"
                : os.replaceAll("\\W", "");
        String archPart = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64", "armv8" -> "arm64";
            case "i386", "i486", "i586", "i686", "x86" -> "x86";
            case "ppc64le" -> "ppc64le";
            default -> arch.startsWith("arm") ? "armhf" : arch;
        };
        return osPart + "-" + archPart;
    }
}

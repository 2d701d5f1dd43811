package dev.convlab.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavacppPlatformTest {

    @ParameterizedTest
    @CsvSource({
        "Linux, amd64, linux-x86_64",
        "Linux, aarch64, linux-arm64",
        "Mac OS X, x86_64, macosx-x86_64",
        "Mac OS X, aarch64, macosx-arm64",
        "Windows 11, amd64, windows-x86_64",
        "Linux, ppc64le, linux-ppc64le",
    })
    void matchesJavacppNames(String os, String arch, String expected) {
        assertEquals(expected, JavacppPlatform.of(os, arch));
    }
}

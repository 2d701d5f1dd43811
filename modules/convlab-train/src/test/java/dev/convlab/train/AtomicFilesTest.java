package dev.convlab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesWholeAndLeavesNoTemporaryFiles() throws IOException {
        Path target = dir.resolve("history.csv");
        AtomicFiles.write(target, "old");
        AtomicFiles.write(target, "new content");
        assertEquals("new content", Files.readString(target));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aFailedWriteKeepsThePreviousFileByteIdentical() throws IOException {
        Assumptions.assumeFalse("root".equals(System.getProperty("user.name")) && !canBeReadOnly(),
                "root ignores folder permissions here");
        Path target = dir.resolve("manifest.json");
        byte[] before = "{\"status\": \"running\"}".getBytes();
        AtomicFiles.write(target, before);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThrows(IOException.class, () -> AtomicFiles.write(target, "{\"status\": \"done\"}"));
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        assertArrayEquals(before, Files.readAllBytes(target));
    }

    private boolean canBeReadOnly() {
        try {
            Path probe = Files.createTempDirectory(dir, "probe");
            Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("r-xr-xr-x"));
            try {
                Files.createFile(probe.resolve("x"));
                return false;
            } catch (IOException e) {
                return true;
            } finally {
                Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A run's checkpoints.json as a test sees it from outside (read with Jackson, not convlab's reader), and checks of
 * the files made independently of convlab's code: SHA-256 and size against the list, zips opened and read whole.
 */
record Ledger(List<Ledger.Entry> entries) {
    static final String FILE = "checkpoints.json";

    record Entry(String file, String kind, String sha256, long bytes, int epoch, long iteration, boolean resumable) {
    }

    /** The list as it is on disk now; empty when the run has not written it yet. */
    static Ledger read(Path runDir) throws IOException {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return new Ledger(List.of());
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : root.get("checkpoints")) {
            entries.add(new Entry(e.get("file").asText(), e.get("kind").asText(), e.get("sha256").asText(),
                    e.get("bytes").asLong(), e.get("epoch").asInt(), e.get("iteration").asLong(),
                    e.get("resumable").asBoolean()));
        }
        return new Ledger(List.copyOf(entries));
    }

    /** For polling a running process: the list, or an empty one if it cannot be read at this moment. */
    static Ledger readNow(Path runDir) {
        try {
            return read(runDir);
        } catch (IOException | RuntimeException e) {
            return new Ledger(List.of());
        }
    }

    Optional<Entry> find(String file) {
        return entries.stream().filter(e -> e.file().equals(file)).findFirst();
    }

    List<Entry> resumable() {
        return entries.stream().filter(Entry::resumable).toList();
    }

    /** The resumable entries with the highest iteration: the ones --resume must continue from. */
    List<Entry> newestResumable() {
        long max = resumable().stream().mapToLong(Entry::iteration).max().orElse(-1);
        return resumable().stream().filter(e -> e.iteration() == max).toList();
    }

    /** Fails unless every listed file is there with the listed size and SHA-256, and is a complete checkpoint. */
    void assertIntact(Path runDir) throws IOException {
        for (Entry e : entries) {
            Path file = runDir.resolve(e.file());
            assertTrue(Files.isRegularFile(file), e.file() + " is listed in " + FILE + " but missing");
            assertEquals(e.bytes(), Files.size(file), e.file() + ": size differs from " + FILE);
            assertEquals(e.sha256(), sha256(file), e.file() + ": SHA-256 differs from " + FILE);
            assertCompleteCheckpoint(file);
        }
    }

    /** Every zip at a final (not dot-prefixed temporary) name in {@code folder} must be complete. */
    static List<String> assertFinalZipsComplete(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".zip") && !name.startsWith(".")) {
                    assertCompleteCheckpoint(f);
                    checked.add(name);
                }
            }
        }
        return checked;
    }

    /** Opens the zip with java.util.zip, reads every entry to its end, and looks for DL4J's two model entries. */
    static void assertCompleteCheckpoint(Path zip) {
        Set<String> names = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> all = z.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                try (InputStream in = z.getInputStream(e)) {
                    in.transferTo(OutputStream.nullOutputStream()); // checks each entry's CRC too
                }
                names.add(e.getName());
            }
        } catch (IOException e) {
            fail(zip + " is not a complete zip: " + e, e);
        }
        assertTrue(names.contains("configuration.json") && names.contains("coefficients.bin"),
                zip + " lacks DL4J's model entries: " + names);
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Files in {@code folder} whose names are neither final zips nor convlab's dot-prefixed temporaries. */
    static List<String> strays(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.endsWith(".zip")).sorted().toList();
        }
    }

    /** Temporary files left in {@code folder} (dot-prefixed, with .tmp- in the name). */
    static List<String> temporaries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(".") && n.contains(".tmp-")).sorted().toList();
        }
    }
}

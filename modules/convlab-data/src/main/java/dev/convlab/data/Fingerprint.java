package dev.convlab.data;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * SHA-256 helpers for the data fingerprint a run records: the same string means the same data files, so a result
 * can be traced back to them. Files read in full anyway (idx, JSON) are hashed by content; image folders, which
 * may hold gigabytes, by their listing (relative path and size of every file).
 */
final class Fingerprint {
    private Fingerprint() {
    }

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** The fingerprint of a dataset made of parts (file hashes, listing lines), in a fixed order. */
    static String of(List<String> parts) {
        MessageDigest digest = digest();
        for (String part : parts) {
            digest.update(part.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

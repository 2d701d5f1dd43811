package dev.convlab.data;

import dev.convlab.config.BadInput;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One idx file (the format of MNIST and Fashion-MNIST), gzipped or not: a 4-byte magic number {@code 0 0 type
 * rank}, {@code rank} big-endian sizes, then the values. Only unsigned bytes (type 0x08) are accepted, which is
 * all these datasets use. Anything else, or a file cut short, is a {@link BadInput} naming the file: a truncated
 * download is the common case and the user needs to know which file to delete.
 *
 * @param sha256 of the file's bytes as stored (compressed or not), for the data fingerprint
 */
record IdxFile(Path file, int[] dims, byte[] data, String sha256) {
    private static final int UNSIGNED_BYTE = 0x08;

    /** Reads {@code file}, which must hold an array of rank {@code rank}. */
    static IdxFile read(Path file, int rank) {
        byte[] stored;
        try {
            stored = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot be read: " + e.getMessage(), "check the file's permissions", e);
        }
        boolean gzipped = stored.length >= 2 && (stored[0] & 0xFF) == 0x1F && (stored[1] & 0xFF) == 0x8B;
        try (InputStream raw = new ByteArrayInputStream(stored);
             DataInputStream in = new DataInputStream(gzipped ? new GZIPInputStream(raw, 1 << 16) : raw)) {
            return parse(file, in, rank, Fingerprint.sha256(stored));
        } catch (EOFException e) {
            throw corrupt(file, "is cut short: " + (gzipped ? "the gzip stream" : "the file")
                    + " ends before the header and the values it declares are complete");
        } catch (ZipException e) {
            throw corrupt(file, "is not a valid gzip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw corrupt(file, "cannot be read: " + e.getMessage());
        }
    }

    private static IdxFile parse(Path file, DataInputStream in, int rank, String sha256) throws IOException {
        int magic = in.readInt();
        int zeros = magic >>> 16;
        int type = (magic >>> 8) & 0xFF;
        int fileRank = magic & 0xFF;
        if (zeros != 0 || type != UNSIGNED_BYTE || fileRank != rank) {
            throw corrupt(file, String.format("is not an idx file of rank %d: magic number 0x%08X (expected 0x%08X)",
                    rank, magic, (UNSIGNED_BYTE << 8) | rank));
        }
        int[] dims = new int[rank];
        long size = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] <= 0) {
                throw corrupt(file, "has an invalid size " + dims[i] + " in dimension " + i);
            }
            size *= dims[i];
            if (size > Integer.MAX_VALUE - 16) {
                throw corrupt(file, "declares sizes " + Arrays.toString(Arrays.copyOf(dims, i + 1)) + ", too large to be an image set");
            }
        }
        byte[] data = new byte[(int) size];
        int read = in.readNBytes(data, 0, data.length);
        if (read < data.length) {
            throw corrupt(file, String.format("is truncated: its header declares %s = %,d values but only %,d follow",
                    Arrays.toString(dims), size, read));
        }
        if (in.read() != -1) {
            throw corrupt(file, String.format("has bytes after the %,d values its header %s declares", size, Arrays.toString(dims)));
        }
        return new IdxFile(file, dims, data, sha256);
    }

    static BadInput corrupt(Path file, String why) {
        return new BadInput(file.toString(), why,
                "delete or replace this file with a good copy (re-download it, or reinstall the package it came from)");
    }
}

package dev.convlab.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes idx files byte by byte from the format's description, independently of the reader under test. */
final class IdxWriter {
    private IdxWriter() {
    }

    static byte[] idx(int[] dims, byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(0x08);
        out.writeByte(dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(data);
        out.flush();
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(plain);
        }
        return bytes.toByteArray();
    }

    /**
     * Writes a tiny dataset (the four .gz files) into {@code folder}: image i of a set is filled with the byte i,
     * its label is i % 10.
     */
    static void writeDataset(Path folder, int trainCount, int testCount) throws IOException {
        Files.createDirectories(folder);
        writeSet(folder, "train", trainCount);
        writeSet(folder, "t10k", testCount);
    }

    private static void writeSet(Path folder, String prefix, int count) throws IOException {
        byte[] pixels = new byte[count * 784];
        byte[] labels = new byte[count];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * 784, (i + 1) * 784, (byte) i);
            labels[i] = (byte) (i % 10);
        }
        Files.write(folder.resolve(prefix + "-images-idx3-ubyte.gz"), gzip(idx(new int[] {count, 28, 28}, pixels)));
        Files.write(folder.resolve(prefix + "-labels-idx1-ubyte.gz"), gzip(idx(new int[] {count}, labels)));
    }
}

package dev.convlab.train;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Writes a model.zip-format file (DL4J's ModelSerializer entries plus convlab's own) so that a crash leaves the
 * old file or the new one, never a part: everything goes to a temporary file in the same folder, which is
 * checksummed, fsynced and renamed over the target, and then the folder is fsynced.
 *
 * <p>Test hook: the system property {@code convlab.test.slowWriteMillis} sleeps that long after every 64 KiB
 * written, so a test can kill the process in the middle of a write.
 */
final class BundleWriter {
    static final String SLOW_WRITE = "convlab.test.slowWriteMillis";

    private BundleWriter() {
    }

    /** What was written: the file's SHA-256 (hex) and size. */
    record Written(Path file, String sha256, long bytes) {
    }

    static Written write(Path target, MultiLayerNetwork network, boolean saveUpdater, Map<String, byte[]> entries)
            throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = AtomicFiles.temporarySibling(target);
        try {
            // one pass, every stream closed whatever fails: a full disk is an IOException here, never a partial zip
            // under the final name, and the temporary file's space is freed by the delete below
            try (OutputStream file = Files.newOutputStream(tmp);
                 ZipOutputStream zip = new ZipOutputStream(throttled(new BufferedOutputStream(file, 1 << 16)))) {
                writeNetwork(zip, network, saveUpdater);
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
            String sha = sha256(tmp);
            long bytes = Files.size(tmp);
            AtomicFiles.commit(tmp, target);
            return new Written(target, sha, bytes);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The entries DL4J's ModelSerializer.writeModel writes for a MultiLayerNetwork (1.0.0-M2.1): configuration.json,
     * coefficients.bin and, with the optimizer, updaterState.bin; ModelSerializer.restoreMultiLayerNetwork reads them.
     */
    private static void writeNetwork(ZipOutputStream zip, MultiLayerNetwork network, boolean saveUpdater)
            throws IOException {
        zip.putNextEntry(new ZipEntry("configuration.json"));
        zip.write(network.getLayerWiseConfigurations().toJson().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(new ZipEntry("coefficients.bin"));
        DataOutputStream data = new DataOutputStream(zip);
        Nd4j.write(network.params(), data);
        data.flush();
        zip.closeEntry();
        if (saveUpdater && network.getUpdater() != null) {
            INDArray state = network.getUpdater().getStateViewArray();
            if (state != null && state.length() > 0) {
                zip.putNextEntry(new ZipEntry("updaterState.bin"));
                Nd4j.write(state, data);
                data.flush();
                zip.closeEntry();
            }
        }
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

    private static OutputStream throttled(OutputStream out) {
        long millis = Long.getLong(SLOW_WRITE, 0L);
        if (millis <= 0) {
            return out;
        }
        return new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
                tick(1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
                tick(len);
            }

            private void tick(int n) throws IOException {
                long before = written / 65536;
                written += n;
                if (written / 65536 != before) {
                    out.flush();
                    try {
                        Thread.sleep(millis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                }
            }
        };
    }
}

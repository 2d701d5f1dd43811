package dev.convlab.train;

import dev.convlab.config.BadInput;
import dev.convlab.data.augment.FeatureStats;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * model.zip: DL4J's ModelSerializer format (configuration, parameters, updater state), plus convlab's own entries
 * (the resolved config, the manifest with provenance, the class names), so a model file alone says how it was made
 * and how to feed it.
 */
public record ModelBundle(MultiLayerNetwork network, String configYaml, Map<String, Object> manifest,
                          List<String> labels) {
    // flat names: DL4J's reader refuses any directory entry in the zip
    static final String CONFIG = "convlab-config.yaml";
    static final String MANIFEST = "convlab-manifest.json";
    static final String LABELS = "convlab-labels.txt";

    /** Writes the bundle atomically: a crash leaves the previous file or none, never a partial one. */
    public static void save(Path target, MultiLayerNetwork network, String configYaml, Map<String, Object> manifest,
                            List<String> labels) throws IOException {
        BundleWriter.write(target, network, true, entries(configYaml, manifest, labels));
    }

    /** convlab's own entries of a bundle, in a stable order. */
    static Map<String, byte[]> entries(String configYaml, Map<String, Object> manifest, List<String> labels) {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        entries.put(CONFIG, configYaml.getBytes(StandardCharsets.UTF_8));
        entries.put(MANIFEST, Json.write(manifest).getBytes(StandardCharsets.UTF_8));
        entries.put(LABELS, (String.join("\n", labels) + "\n").getBytes(StandardCharsets.UTF_8));
        return entries;
    }

    /**
     * The training set's featurewise statistics the model was trained with (data.augmentation's
     * featurewise_center/std_normalization), or null when it was trained without them.
     */
    public FeatureStats featurewise() {
        if (manifest.get("data") instanceof Map<?, ?> data
                && data.get(RunManifest.FEATUREWISE) instanceof Map<?, ?> stats) {
            return FeatureStats.fromMap(stats);
        }
        return null;
    }

    /** A bundle's config and class names, read without restoring its network. */
    public record Described(String configYaml, List<String> labels) {
    }

    /** The config and class names of a model file, without restoring the network (no ND4J). */
    public static Described describe(Path file) {
        String[] text = entries(file, CONFIG, LABELS);
        return new Described(text[0], lines(text[1]));
    }

    public static ModelBundle load(Path file) {
        String[] text = entries(file, CONFIG, MANIFEST, LABELS);
        MultiLayerNetwork network;
        try {
            network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        } catch (Exception e) {
            throw new BadInput(file.toString(), "the network inside cannot be restored: " + e.getMessage(),
                    "the file may be damaged; use another checkpoint or retrain", e);
        }
        return new ModelBundle(network, text[0], Json.read(text[1]), lines(text[2]));
    }

    private static List<String> lines(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    /** convlab's entries of a model file, as text, in the order asked; bad input when any is missing. */
    private static String[] entries(Path file, String... names) {
        if (!Files.isRegularFile(file)) {
            throw new BadInput(file.toString(), Files.exists(file) ? "is not a file" : "no such model file",
                    "give the model.zip of a run (runs/<name>-<time>/model.zip)");
        }
        String[] texts = new String[names.length];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (int i = 0; i < names.length; i++) {
                texts[i] = entry(zip, names[i], file);
            }
        } catch (java.util.zip.ZipException e) {
            throw new BadInput(file.toString(), "is not a zip file (" + e.getMessage() + ")",
                    "give a model.zip written by convlab");
        } catch (NoSuchFileException e) {
            throw new BadInput(file.toString(), "no such model file", "check the path");
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot read: " + e.getMessage(), "check the file");
        }
        return texts;
    }

    /** The bytes of one entry of a bundle, or null when it has none; a file that cannot be read is bad input. */
    static byte[] entryBytes(Path file, String name) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot be read: " + e.getMessage(), "check the run directory");
        }
    }

    private static String entry(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new BadInput(file.toString(), "has no " + name + ": it was not written by convlab",
                    "give a model.zip from a convlab run");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

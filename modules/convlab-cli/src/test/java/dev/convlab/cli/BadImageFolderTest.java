package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The folder through {@code convlab train}: a zero-byte file, a truncated JPEG, a text file named .png, an
 * RGBA PNG, a 16-bit PNG, a hidden folder and an empty class.
 */
class BadImageFolderTest {
    @TempDir
    Path dir;

    private Path folder() throws IOException {
        Path root = dir.resolve("pets");
        for (int i = 0; i < 3; i++) {
            image(root.resolve("cat/good" + i + ".png"), BufferedImage.TYPE_INT_RGB, new Color(220, 30, 30));
            image(root.resolve("dog/good" + i + ".png"), BufferedImage.TYPE_INT_RGB, new Color(30, 30, 220));
        }
        image(root.resolve("cat/rgba.png"), BufferedImage.TYPE_INT_ARGB, new Color(220, 30, 30, 100));
        BufferedImage deep = new BufferedImage(10, 10, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                deep.getRaster().setSample(x, y, 0, 50_000);
            }
        }
        ImageIO.write(deep, "png", root.resolve("dog/deep16.png").toFile());
        Files.write(root.resolve("cat/zero.png"), new byte[0]);
        image(root.resolve("dog/cut.jpg"), BufferedImage.TYPE_INT_RGB, new Color(30, 30, 220));
        byte[] jpeg = Files.readAllBytes(root.resolve("dog/cut.jpg"));
        Files.write(root.resolve("dog/cut.jpg"), Arrays.copyOf(jpeg, jpeg.length * 2 / 3));
        Files.writeString(root.resolve("cat/notes.png"), "remember to feed the cat");
        image(root.resolve(".thumbnails/t.png"), BufferedImage.TYPE_INT_RGB, Color.GREEN);
        Files.createDirectories(root.resolve("zebra"));
        return root;
    }

    private Path config(Path root, String onBadImage) throws IOException {
        return Files.writeString(dir.resolve(onBadImage + ".yaml"), """
                name: pets
                data:
                  dataset: image-folder
                  path: %s
                  image: {height: 8, width: 8, channels: 3}
                  validation_split: 0.5
                  batch_size: 4
                  on_bad_image: %s
                model:
                  layers:
                    - flatten: {}
                    - dense: {units: 3, activation: softmax}
                training: {epochs: 1}
                """.formatted(root, onBadImage));
    }

    @Test
    void failNamesEveryBadFileAndExits2() throws IOException {
        Path root = folder();
        Cli cli = Cli.run("train", config(root, "fail").toString(), "--set", "output_dir=" + dir.resolve("runs"));
        assertEquals(2, cli.exit(), cli.toString());
        String err = cli.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: " + dir.resolve("fail.yaml") + ":4:9 data.path: 3 of 11 image files cannot be read: "), err);
        assertTrue(err.contains(root.resolve("cat/zero.png") + " (empty (0 bytes))"), err);
        assertTrue(err.contains(root.resolve("cat/notes.png") + " (not an image: it holds text"), err);
        assertTrue(err.contains(root.resolve("dog/cut.jpg") + " (truncated: the JPEG data stops after"), err);
        assertTrue(err.contains("class folder " + root.resolve("zebra") + " is empty"), err);
        assertFalse(err.contains("rgba.png") || err.contains("deep16.png") || err.contains(".thumbnails"), err);
        assertFalse(Files.exists(dir.resolve("runs")), "nothing was trained");
    }

    @Test
    void skipTrainsOnTheGoodFilesAndTheManifestListsTheRest() throws IOException {
        Path root = folder();
        Cli cli = Cli.run("train", config(root, "skip").toString(), "--set", "output_dir=" + dir.resolve("runs"));
        assertEquals(0, cli.exit(), cli.toString());
        assertTrue(cli.out().contains("(on_bad_image: skip)"), cli.out());
        Path run;
        try (Stream<Path> runs = Files.list(dir.resolve("runs"))) {
            run = runs.findFirst().orElseThrow();
        }
        JsonNode data = new ObjectMapper().readTree(run.resolve("manifest.json").toFile()).get("data");
        // the empty class stays a class with no examples (as Keras keeps it), so the outputs do not change
        assertEquals("[\"cat\",\"dog\",\"zebra\"]", data.get("classes").toString(),
                "the hidden folder is never a class");
        assertEquals(4, data.get("train_examples").asInt());
        assertEquals(8, data.get("train_examples").asInt() + data.get("validation_examples").asInt(),
                "3 + rgba cats, 3 + 16-bit dogs");
        List<String> skipped = new ArrayList<>();
        for (JsonNode file : data.get("skipped_files")) {
            skipped.add(Path.of(file.get("path").asText()).getFileName() + ": " + file.get("reason").asText());
        }
        assertEquals(4, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).startsWith("notes.png: not an image"), skipped.toString());
        assertEquals("zero.png: empty (0 bytes)", skipped.get(1));
        assertTrue(skipped.get(2).startsWith("cut.jpg: truncated: the JPEG data stops after"), skipped.toString());
        assertEquals("zebra: class 'zebra' has no readable image: kept as a class with no examples", skipped.get(3));
    }

    private static void image(Path file, int type, Color colour) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(10, 10, type);
        for (int y = 0; y < 10; y++) {
            for (int x = 0; x < 10; x++) {
                image.setRGB(x, y, colour.getRGB());
            }
        }
        ImageIO.write(image, file.toString().endsWith(".jpg") ? "jpg" : "png", file.toFile());
    }
}

package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convlab augment apply} against Keras's apply_transform on the same PNG and parameters, pixel by pixel,
 * for every fill mode, on a grey and a colour image; {@code convlab augment --preview} on grey and colour image
 * folders; bad image paths. The PNG holds Keras's float result rounded to whole levels, so the tolerance is half a
 * level (plus 1e-3 for float32); brightness, whole levels in both, must match exactly.
 */
class AugmentCommandTest {
    static final String[] MODES = {"constant", "nearest", "reflect", "wrap"};

    @TempDir
    Path dir;

    @Test
    void applyMatchesKerasOnAGreyImageForEveryFillMode() throws Exception {
        compareWithKeras(writePng("grey.png", 21, 17, 1), 1, 21, 17);
    }

    @Test
    void applyMatchesKerasOnAColourImageForEveryFillMode() throws Exception {
        compareWithKeras(writePng("colour.png", 16, 23, 3), 3, 16, 23);
    }

    private void compareWithKeras(Path png, int channels, int height, int width) throws Exception {
        KerasReference.assumeInstalled();
        // {theta, tx, ty, shear, zx, zy}, then flips, channel shift and brightness; none puts a source point on
        // the image edge exactly, where a last-bit difference could pick the pixel or the fill
        String[][] transforms = {
                {"--theta", "27.5", "--tx", "2.3", "--ty", "-4.1", "--shear", "6", "--zx", "0.85", "--zy", "1.15"},
                {"--theta", "-61", "--tx", "-9.7", "--ty", "12.2", "--zx", "1.4", "--zy", "0.7", "--flip-horizontal"},
                {"--theta", "13", "--shear", "-21", "--flip-vertical", "--channel-shift", "-25.5"},
                {"--theta", "8.5", "--tx", "1.7", "--brightness", "1.35"},
        };
        List<String> cases = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (String mode : MODES) {
            for (String[] t : transforms) {
                Path out = dir.resolve(mode + "-" + outputs.size() + ".png");
                List<String> args = new ArrayList<>(List.of("augment", "apply", png.toString()));
                args.addAll(List.of(t));
                args.addAll(List.of("--fill-mode", mode, "--cval", "33", "-o", out.toString()));
                Cli run = Cli.run(args.toArray(String[]::new));
                assertEquals(0, run.exit(), run.toString());
                assertTrue(run.out().contains("wrote " + out), run.out());
                outputs.add(out);
                cases.add(json(t, mode));
            }
        }
        List<float[]> keras = KerasReference.apply(png, cases, height * width * channels, dir);
        double worst = 0;
        for (int k = 0; k < outputs.size(); k++) {
            float[] ours = readHwc(outputs.get(k), channels);
            boolean brightness = cases.get(k).contains("\"brightness\": 1");
            for (int i = 0; i < ours.length; i++) {
                double d = Math.abs(ours[i] - keras.get(k)[i]);
                worst = Math.max(worst, d);
                if (brightness) {
                    assertEquals(keras.get(k)[i], ours[i], "brightness, value " + i + " of " + cases.get(k));
                } else {
                    assertTrue(d <= 0.5 + 1e-3, "value " + i + " differs by " + d + " for " + cases.get(k));
                }
            }
        }
        System.out.printf(Locale.ROOT, "augment apply vs Keras: %d PNGs of %dx%dx%d, largest difference %.4f%n",
                outputs.size(), height, width, channels, worst);
    }

    @Test
    void previewWritesAGridOfOriginalsAndAugmentedCopiesForGreyAndColourFolders() throws IOException {
        for (int channels : new int[] {1, 3}) {
            Path folder = dir.resolve("images" + channels);
            for (String cls : List.of("a", "b")) {
                for (int i = 0; i < 4; i++) {
                    Files.createDirectories(folder.resolve(cls));
                    writePng(cls + "/" + i + ".png", 14, 12, channels, folder);
                }
            }
            Path config = dir.resolve("aug" + channels + ".yaml");
            Files.writeString(config, """
                    name: preview
                    data:
                      dataset: image-folder
                      path: %s
                      image: {height: 12, width: 10, channels: %d}
                      validation_split: 0.25
                      augmentation: {rotation_range: 40, width_shift_range: 0.2, zoom_range: 0.3,
                                     horizontal_flip: true, fill_mode: constant, cval: 255}
                    model:
                      layers:
                        - conv2d: {filters: 4, kernel_size: 3}
                        - flatten: {}
                        - dense: {units: 2, activation: softmax}
                    """.formatted(folder, channels));
            Path out = dir.resolve("preview" + channels + ".png");
            Cli run = Cli.run("augment", config.toString(), "--preview", out.toString(), "--samples", "3",
                    "--versions", "4");
            assertEquals(0, run.exit(), run.toString());
            BufferedImage grid = ImageIO.read(out.toFile());
            // tiles of 12x10 enlarged 8 times to 96x80; 3 rows and 1 + 4 columns with 2-pixel gaps (and 4 more
            // after the original)
            assertEquals(3 * 96 + 4 * 2, grid.getHeight());
            assertEquals(5 * 80 + 6 * 2 + 4, grid.getWidth());
            assertEquals(channels == 1 ? 1 : 3, grid.getRaster().getNumBands(), "grey stays grey, colour is RGB");
            int[] original = tile(grid, 0, 0);
            int[] copy = tile(grid, 0, 1);
            assertFalse(java.util.Arrays.equals(original, copy), "an augmented copy differs from its original");
            assertTrue(run.out().contains("3 training images of 12x10x" + channels), run.out());
        }
    }

    @Test
    void badImagePathsAreBadInput() throws IOException {
        Path out = dir.resolve("out.png");
        Cli missing = Cli.run("augment", "apply", dir.resolve("nope.png").toString(), "--theta", "10", "-o",
                out.toString());
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("nope.png: no such image file"), missing.err());
        Path text = dir.resolve("text.png");
        Files.writeString(text, "not an image");
        Cli notImage = Cli.run("augment", "apply", text.toString(), "-o", out.toString());
        assertEquals(2, notImage.exit(), notImage.toString());
        assertTrue(notImage.err().contains("cannot be decoded as an image"), notImage.err());
        Cli nothing = Cli.run("augment");
        assertEquals(2, nothing.exit(), nothing.toString());
        Cli noFolder = Cli.run("augment", "apply", writePng("ok.png", 5, 5, 1).toString(), "-o",
                dir.resolve("missing/out.png").toString());
        assertEquals(2, noFolder.exit(), noFolder.toString());
    }

    /** The tile at (row, column) of the grid, as packed RGB. */
    private static int[] tile(BufferedImage grid, int row, int column) {
        int left = 2 + column * (80 + 2) + (column > 0 ? 4 : 0);
        int top = 2 + row * (96 + 2);
        return grid.getRGB(left, top, 80, 96, null, 0, 80);
    }

    private static String json(String[] t, String mode) {
        double theta = value(t, "--theta", 0);
        String channelShift = has(t, "--channel-shift") ? Double.toString(value(t, "--channel-shift", 0)) : "null";
        String brightness = has(t, "--brightness") ? Double.toString(value(t, "--brightness", 0)) : "null";
        return String.format(Locale.ROOT, "{\"theta\": %s, \"tx\": %s, \"ty\": %s, \"shear\": %s, \"zx\": %s,"
                        + " \"zy\": %s, \"flip_horizontal\": %s, \"flip_vertical\": %s, \"channel_shift_intensity\": %s,"
                        + " \"brightness\": %s, \"fill_mode\": \"%s\", \"cval\": 33.0}", theta, value(t, "--tx", 0),
                value(t, "--ty", 0), value(t, "--shear", 0), value(t, "--zx", 1), value(t, "--zy", 1),
                has(t, "--flip-horizontal"), has(t, "--flip-vertical"), channelShift, brightness, mode);
    }

    private static boolean has(String[] args, String name) {
        return List.of(args).contains(name);
    }

    private static double value(String[] args, String name, double otherwise) {
        int i = List.of(args).indexOf(name);
        return i < 0 ? otherwise : Double.parseDouble(args[i + 1]);
    }

    /** The PNG's values in HWC order, as Keras holds them. */
    private static float[] readHwc(Path png, int channels) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        float[] out = new float[image.getHeight() * image.getWidth() * channels];
        int i = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                for (int c = 0; c < channels; c++) {
                    out[i++] = image.getRaster().getSample(x, y, c);
                }
            }
        }
        return out;
    }

    private Path writePng(String name, int height, int width, int channels) throws IOException {
        return writePng(name, height, width, channels, dir);
    }

    /** Smooth gradients plus noise: whole 0..255 values with structure in every direction. */
    private static Path writePng(String name, int height, int width, int channels, Path folder) throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                channels == 1 ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Random random = new Random(name.hashCode());
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < channels; c++) {
                    int v = Math.min(255, 20 + 8 * y + 5 * x + 40 * c + random.nextInt(40));
                    image.getRaster().setSample(x, y, c, v);
                }
            }
        }
        Path file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }
}

package dev.convlab.data;

import dev.convlab.config.BadInput;
import dev.convlab.config.DatasetKind;
import dev.convlab.config.ImageShape;
import dev.convlab.config.schema.Names;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * {@code convlab data export}: writes a built-in dataset as an image folder in Keras's layout, {@code train/<class>/}
 * and {@code test/<class>/} of lossless 8-bit PNGs, so that the image-folder path (DataVec's ImageRecordReader) can
 * be run on real images and compared with the in-memory path.
 *
 * <p>Class folders are named by {@link FolderNames} ("T-shirt/top" is {@code T-shirt_top}); {@code classes.csv}
 * beside them maps each dataset label to its class name and folder. Training from the folder numbers the classes
 * by sorted folder name, as Keras does, which is not the dataset's label order. Files are named by their index in
 * the dataset's own file ({@code 00042.png}), zero-padded so that sorting by name keeps the dataset's order.
 *
 * <p>With {@code maxTrainSamples}/{@code maxTestSamples} only the images a config with the same
 * {@code max_train_samples}, {@code max_test_samples} and seed would use are written (the same stratified samples),
 * so training from the folder and from the dataset sees the same images.
 */
public final class DatasetExport {

    /**
     * @param dataset         mnist, mnist-10k or fashion-mnist
     * @param path            where the dataset files are (as data.path), or null for the default places
     * @param to              the folder to write train/, test/ and classes.csv into
     * @param maxTrainSamples as data.max_train_samples, or null for all
     * @param maxTestSamples  as data.max_test_samples, or null for all
     * @param seed            the seed of the max_train_samples sample
     */
    public record Request(DatasetKind dataset, String path, Path to, Integer maxTrainSamples, Integer maxTestSamples,
                          long seed) {
    }

    /** What was written: counts, the class names and their folder names (in the dataset's label order). */
    public record Result(Path train, Path test, int trainCount, int testCount, List<String> classNames,
                         List<String> folderNames, ImageShape shape, String source) {
    }

    private DatasetExport() {
    }

    public static Result export(Request request) {
        return export(request, DataPlaces.fromEnvironment());
    }

    public static Result export(Request request, DataPlaces places) {
        InMemorySplits.Source source = switch (request.dataset()) {
            case MNIST, FASHION_MNIST -> IdxData.source(IdxDataset.of(request.dataset()), request.path(), places);
            case MNIST_10K -> Mnist10kData.source(request.path(), places);
            case IMAGE_FOLDER -> throw new BadInput(Names.of(request.dataset()), "is already a folder of images",
                    "export one of mnist, mnist-10k, fashion-mnist");
        };
        List<String> folders = FolderNames.of(source.classes());
        Path to = request.to().toAbsolutePath().normalize();
        Path train = to.resolve("train");
        Path test = to.resolve("test");
        for (Path target : List.of(train, test)) {
            if (Files.exists(target)) {
                throw new BadInput(target.toString(), "already exists", "export into a new or empty folder, or delete it");
            }
        }
        int[] trainIndices = Holdout.split(source.trainPool().labelIndices(), request.maxTrainSamples(), 0.0,
                request.seed()).train();
        int[] testIndices = Holdout.testSubset(source.testPool().labelIndices(), request.maxTestSamples());

        Path staging = null;
        try {
            Files.createDirectories(to);
            // hidden, so that an interrupted export is never read as a class
            staging = Files.createTempDirectory(to, ".convlab-export-");
            write(source.trainPool(), trainIndices, folders, staging.resolve("train"));
            write(source.testPool(), testIndices, folders, staging.resolve("test"));
            Files.writeString(staging.resolve("classes.csv"), classesCsv(source.classes(), folders));
            Files.move(staging.resolve("train"), train, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging.resolve("test"), test, StandardCopyOption.ATOMIC_MOVE);
            Files.move(staging.resolve("classes.csv"), to.resolve("classes.csv"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            Files.delete(staging);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("exporting to " + to + " failed: " + Downloader.reason(io), io);
            }
            throw (RuntimeException) e;
        }
        return new Result(train, test, trainIndices.length, testIndices.length, source.classes(), folders,
                source.trainPool().shape(), source.origin());
    }

    private static void write(ByteImages images, int[] indices, List<String> folders, Path into) throws IOException {
        for (String folder : folders) {
            Files.createDirectories(into.resolve(folder));
        }
        int digits = Math.max(5, String.valueOf(images.count() - 1).length());
        try {
            IntStream.range(0, indices.length).parallel().forEach(i -> {
                int index = indices[i];
                Path file = into.resolve(folders.get(images.label(index)))
                        .resolve(String.format(Locale.ROOT, "%0" + digits + "d.png", index));
                try {
                    Files.write(file, png(images, index));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** One image as PNG bytes: grey as is, colour from convlab's RGB planes to OpenCV's interleaved BGR. */
    static byte[] png(ByteImages images, int index) {
        ImageShape shape = images.shape();
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        byte[] pixels = images.pixels();
        int offset = index * images.pixelsPerImage();
        byte[] interleaved = new byte[images.pixelsPerImage()];
        if (shape.channels() == 1) {
            System.arraycopy(pixels, offset, interleaved, 0, plane);
        } else {
            for (int p = 0; p < plane; p++) {
                for (int c = 0; c < 3; c++) {
                    interleaved[p * 3 + (2 - c)] = pixels[offset + c * plane + p];
                }
            }
        }
        try (BytePointer data = new BytePointer(interleaved);
             Mat mat = new Mat(h, w, shape.channels() == 1 ? CV_8UC1 : CV_8UC3, data);
             BytePointer encoded = new BytePointer()) {
            if (!imencode(".png", mat, encoded)) {
                throw new IllegalStateException("OpenCV could not encode a PNG");
            }
            byte[] bytes = new byte[(int) encoded.limit()];
            encoded.get(bytes);
            return bytes;
        }
    }

    private static String classesCsv(List<String> classes, List<String> folders) {
        StringBuilder csv = new StringBuilder("label,class,folder\n");
        for (int i = 0; i < classes.size(); i++) {
            csv.append(i).append(',').append(csvField(classes.get(i))).append(',').append(folders.get(i)).append('\n');
        }
        return csv.toString();
    }

    private static String csvField(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** Deletes a partly written export; what cannot be deleted stays, in a hidden folder. */
    private static void deleteQuietly(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            List<Path> all = new ArrayList<>(walk.toList());
            all.sort(Comparator.reverseOrder());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // the error being reported matters more
        }
    }
}

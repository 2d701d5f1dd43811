package dev.convlab.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Image files with the class index of each, in a fixed order (class by class, then by path). */
record LabeledFiles(List<Path> files, int[] labels) {

    LabeledFiles {
        files = List.copyOf(files);
        if (labels.length != files.size()) {
            throw new IllegalArgumentException(files.size() + " files but " + labels.length + " labels");
        }
    }

    int size() {
        return files.size();
    }

    /** The files at {@code indices}, in that order. */
    LabeledFiles subset(int[] indices) {
        List<Path> chosen = new ArrayList<>(indices.length);
        int[] chosenLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            chosen.add(files.get(indices[i]));
            chosenLabels[i] = labels[indices[i]];
        }
        return new LabeledFiles(chosen, chosenLabels);
    }
}

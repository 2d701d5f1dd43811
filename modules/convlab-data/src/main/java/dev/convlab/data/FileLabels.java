package dev.convlab.data;

import org.datavec.api.io.labels.PathLabelGenerator;
import org.datavec.api.writable.IntWritable;
import org.datavec.api.writable.Writable;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * Gives ImageRecordReader each file's class index directly. DataVec's ParentPathLabelGenerator would infer the
 * class list from the files it is given and sort it with String.compareTo: a validation subset missing a class
 * would then number the classes differently from the training set, and images below a class's subfolders would be
 * labelled with the subfolder's name.
 */
final class FileLabels implements PathLabelGenerator {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, Integer> labels = new HashMap<>();

    FileLabels(LabeledFiles files) {
        for (int i = 0; i < files.size(); i++) {
            labels.put(key(files.files().get(i)), files.labels()[i]);
        }
    }

    @Override
    public Writable getLabelForPath(String path) {
        return label(Path.of(path));
    }

    @Override
    public Writable getLabelForPath(URI uri) {
        return label(Path.of(uri));
    }

    /** False: the writable is already the class index, so DataVec must not build its own class list. */
    @Override
    public boolean inferLabelClasses() {
        return false;
    }

    private Writable label(Path file) {
        Integer label = labels.get(key(file));
        if (label == null) {
            throw new IllegalStateException(file + " is not one of the files this reader was given");
        }
        return new IntWritable(label);
    }

    private static String key(Path file) {
        return file.toAbsolutePath().normalize().toString();
    }
}

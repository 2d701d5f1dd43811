package dev.convlab.data;

import dev.convlab.config.ConfigProblem;
import org.datavec.image.loader.NativeImageLoader;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A folder in Keras's directory layout: one subfolder per class, class names sorted by code point (as Python's
 * {@code sorted()}), images found at any depth below a class folder. Names starting with '.' are never classes or
 * images: they are .DS_Store, .ipynb_checkpoints and the like, and Keras skips them too.
 *
 * <p>Unlike Keras, a class folder without images is an error (see {@link PreScan}): its output unit could never be
 * trained, and it is most often a copy that went wrong.
 *
 * @param root         the folder (for a labels CSV, the folder holding the CSV)
 * @param yamlPath     the config key that named the folder, for errors
 * @param emptyClasses classes without any image file
 * @param rejected     files a labels CSV names that are missing or not of an image type; none for a folder
 */
record ImageFolder(Path root, String yamlPath, List<String> classes, LabeledFiles files, List<String> emptyClasses,
                   List<BadImage> rejected) {

    ImageFolder {
        classes = List.copyOf(classes);
        emptyClasses = List.copyOf(emptyClasses);
        rejected = List.copyOf(rejected);
    }

    /** The extensions NativeImageLoader decodes, lower case. */
    static final Set<String> FORMATS = Stream.of(NativeImageLoader.ALLOWED_FORMATS)
            .map(f -> f.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));

    static ImageFolder scan(String yamlPath, String configured) {
        Path root = Path.of(configured).toAbsolutePath().normalize();
        String fix = "set " + yamlPath + " to a folder with one subfolder of images per class, e.g. " + root + "/cats/1.jpg";
        if (!Files.exists(root)) {
            throw new ConfigProblem(yamlPath, root + " does not exist", fix);
        }
        if (!Files.isDirectory(root)) {
            throw new ConfigProblem(yamlPath, root + " is a file, not a folder", fix);
        }
        List<Path> classDirs = new ArrayList<>();
        List<String> looseFiles = new ArrayList<>();
        for (Path child : children(yamlPath, root)) {
            if (hidden(child)) {
                continue;
            }
            if (Files.isDirectory(child)) {
                classDirs.add(child);
            } else {
                looseFiles.add(child.getFileName().toString());
            }
        }
        if (classDirs.isEmpty()) {
            throw new ConfigProblem(yamlPath, root + " has no class subfolders" + (looseFiles.isEmpty() ? " (it is empty)"
                    : " (it holds " + looseFiles.size() + " files, e.g. " + examples(looseFiles) + ")"), fix);
        }
        classDirs.sort(Comparator.comparing(p -> p.getFileName().toString(), CodePointOrder.INSTANCE));

        List<String> classes = new ArrayList<>();
        List<String> emptyClasses = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> otherFiles = new ArrayList<>();
        for (Path dir : classDirs) {
            String name = dir.getFileName().toString();
            List<Path> images = imagesBelow(yamlPath, dir, otherFiles);
            if (images.isEmpty()) {
                emptyClasses.add(name);
            }
            for (Path image : images) {
                files.add(image);
                labels.add(classes.size());
            }
            classes.add(name);
        }
        if (files.isEmpty()) {
            throw new ConfigProblem(yamlPath, root + " has class folders (" + examples(classes) + ") but no images in them"
                    + (otherFiles.isEmpty() ? "" : "; other files found: " + examples(otherFiles)),
                    "add images of a type convlab reads (" + String.join(", ", FORMATS) + ")");
        }
        return new ImageFolder(root, yamlPath, classes,
                new LabeledFiles(files, labels.stream().mapToInt(Integer::intValue).toArray()), emptyClasses, List.of());
    }

    /** The same folder with only the files at {@code indices} (the readable ones). */
    ImageFolder keep(int[] indices) {
        return new ImageFolder(root, yamlPath, classes, files.subset(indices), emptyClasses, rejected);
    }

    /** Fails when a class has no image files at all; what {@code convlab check} can tell without decoding. */
    ImageFolder requireNoEmptyClasses() {
        if (emptyClasses.isEmpty()) {
            return this;
        }
        List<String> why = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (emptyClasses.contains(classes.get(c))) {
                why.add(describeEmpty(c));
            }
        }
        throw new ConfigProblem(yamlPath, String.join("; ", why),
                "give every class at least one image, or remove the empty class");
    }

    /** Why class {@code c} has nothing to train on: no image files, or none that could be read. */
    String describeEmpty(int c) {
        String name = classes.get(c);
        if (emptyClasses.contains(name)) {
            return "class folder " + root.resolve(name) + " is empty (no image files)";
        }
        return "class '" + name + "' has no readable image";
    }

    /** Fails unless this folder (a validation or test folder) has exactly the training folder's classes. */
    ImageFolder requireSameClasses(ImageFolder training) {
        if (classes.equals(training.classes)) {
            return this;
        }
        List<String> missing = new ArrayList<>(training.classes);
        missing.removeAll(classes);
        List<String> extra = new ArrayList<>(classes);
        extra.removeAll(training.classes);
        StringBuilder why = new StringBuilder(root + " has classes " + classes + " but " + training.yamlPath + " has "
                + training.classes);
        if (!missing.isEmpty()) {
            why.append("; missing here: ").append(String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            why.append("; not in ").append(training.yamlPath).append(": ").append(String.join(", ", extra));
        }
        throw new ConfigProblem(yamlPath, why.toString(),
                "give both folders the same class subfolders");
    }

    /** "3 classes (bird, cat, dog), 30 images". */
    String summary() {
        return classes.size() + " classes (" + String.join(", ", classes) + "), " + Description.count(files.size()) + " images";
    }

    private static List<Path> imagesBelow(String yamlPath, Path classDir, List<String> otherFiles) {
        List<Path> images = new ArrayList<>();
        try {
            Files.walkFileTree(classDir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return dir.equals(classDir) || !hidden(dir) ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && !hidden(file)) {
                        if (isImage(file)) {
                            images.add(file);
                        } else {
                            otherFiles.add(classDir.getFileName() + "/" + classDir.relativize(file));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new ConfigProblem(yamlPath, classDir + " cannot be read: " + e.getMessage(), "check its permissions");
        }
        images.sort(Comparator.comparing(p -> classDir.relativize(p).toString(), CodePointOrder.INSTANCE));
        return images;
    }

    static boolean isImage(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && FORMATS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hidden(Path path) {
        return path.getFileName().toString().startsWith(".");
    }

    private static List<Path> children(String yamlPath, Path dir) {
        try (Stream<Path> list = Files.list(dir)) {
            return list.toList();
        } catch (IOException e) {
            throw new ConfigProblem(yamlPath, dir + " cannot be listed: " + e.getMessage(), "check its permissions");
        }
    }

    private static String examples(List<String> names) {
        List<String> sorted = names.stream().sorted(CodePointOrder.INSTANCE).toList();
        return sorted.size() <= 5 ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, 5)) + " and " + (sorted.size() - 5) + " more";
    }
}

package dev.convlab.data;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.OnBadImage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Before training reads a batch: decodes every file of the image folders once (in parallel) and applies
 * {@code on_bad_image}. Under {@code fail} one error names every bad file and every empty class. Under
 * {@code skip} the bad files are left out and listed, and a class left with no readable image stays a class with no
 * examples (as Keras keeps an empty class folder), listed with the skipped files: dropping it would silently change
 * the network's outputs.
 */
final class PreScan {

    /** The folders with only the readable files, and the files left out (in folder order). */
    record Result(List<ImageFolder> folders, List<BadImage> skipped) {
    }

    private PreScan() {
    }

    static Result run(List<ImageFolder> folders, OnBadImage policy) {
        List<Path> files = new ArrayList<>();
        int listed = 0;
        for (ImageFolder folder : folders) {
            files.addAll(folder.files().files());
            listed += folder.files().size() + folder.rejected().size();
        }
        Map<Path, String> problems = check(files);

        List<BadImage> bad = new ArrayList<>();
        List<String> emptyClasses = new ArrayList<>();
        List<ImageFolder> screened = new ArrayList<>();
        String yamlPath = null;
        for (ImageFolder folder : folders) {
            List<BadImage> badHere = new ArrayList<>(folder.rejected());
            LabeledFiles all = folder.files();
            List<Integer> keep = new ArrayList<>();
            int[] readable = new int[folder.classes().size()];
            for (int i = 0; i < all.size(); i++) {
                String problem = problems.get(all.files().get(i));
                if (problem == null) {
                    keep.add(i);
                    readable[all.labels()[i]]++;
                } else {
                    badHere.add(new BadImage(all.files().get(i), problem));
                }
            }
            List<String> emptyHere = new ArrayList<>();
            for (int c = 0; c < readable.length; c++) {
                if (readable[c] == 0) {
                    emptyHere.add(folder.describeEmpty(c));
                    if (policy == OnBadImage.SKIP) {
                        badHere.add(new BadImage(folder.root().resolve(folder.classes().get(c)),
                                "class '" + folder.classes().get(c) + "' has no readable image: kept as a class with"
                                        + " no examples"));
                    }
                }
            }
            if (yamlPath == null && !(badHere.isEmpty() && emptyHere.isEmpty())) {
                yamlPath = folder.yamlPath();
            }
            bad.addAll(badHere);
            emptyClasses.addAll(emptyHere);
            screened.add(folder.keep(keep.stream().mapToInt(Integer::intValue).toArray()));
        }
        if (policy == OnBadImage.FAIL && !(bad.isEmpty() && emptyClasses.isEmpty())) {
            throw new ConfigProblem(yamlPath, failure(bad, listed, emptyClasses), fix(bad, emptyClasses));
        }
        return new Result(List.copyOf(screened), List.copyOf(bad));
    }

    private static String failure(List<BadImage> bad, int total, List<String> emptyClasses) {
        StringBuilder why = new StringBuilder();
        if (!bad.isEmpty()) {
            why.append(bad.size()).append(" of ").append(total).append(" image files cannot be read: ").append(list(bad));
        }
        if (!emptyClasses.isEmpty()) {
            why.append(bad.isEmpty() ? "" : "; ").append(String.join("; ", emptyClasses));
        }
        return why.toString();
    }

    private static String fix(List<BadImage> bad, List<String> emptyClasses) {
        List<String> fixes = new ArrayList<>();
        if (!bad.isEmpty()) {
            fixes.add("delete or replace the bad files, or set data.on_bad_image: skip to train without them");
        }
        if (!emptyClasses.isEmpty()) {
            fixes.add("give every class at least one image, or remove the empty class");
        }
        return String.join("; ", fixes);
    }

    private static String list(List<BadImage> bad) {
        List<String> items = new ArrayList<>(bad.size());
        for (BadImage b : bad) {
            items.add(b.toString());
        }
        return String.join(", ", items);
    }

    /** The problem of every bad file; files that decode are absent. In parallel: decoding is most of the work. */
    static Map<Path, String> check(List<Path> files) {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), files.size()));
        if (threads <= 1) {
            Map<Path, String> problems = new LinkedHashMap<>();
            for (Path file : files) {
                String problem = ImageFileCheck.problem(file);
                if (problem != null) {
                    problems.put(file, problem);
                }
            }
            return problems;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "convlab-prescan");
            thread.setDaemon(true);
            return thread;
        });
        try {
            int chunk = Math.max(1, (files.size() + threads * 8 - 1) / (threads * 8));
            List<Future<Map<Path, String>>> parts = new ArrayList<>();
            for (int from = 0; from < files.size(); from += chunk) {
                List<Path> slice = files.subList(from, Math.min(files.size(), from + chunk));
                parts.add(pool.submit(() -> {
                    Map<Path, String> found = new LinkedHashMap<>();
                    for (Path file : slice) {
                        String problem = ImageFileCheck.problem(file);
                        if (problem != null) {
                            found.put(file, problem);
                        }
                    }
                    return found;
                }));
            }
            Map<Path, String> problems = new LinkedHashMap<>();
            for (Future<Map<Path, String>> part : parts) {
                problems.putAll(part.get());
            }
            return problems;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the images", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("checking the images failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

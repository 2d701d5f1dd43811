package dev.convlab.data;

import dev.convlab.config.ConfigProblem;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the idx files of MNIST or Fashion-MNIST: data.path if set, else $CONVLAB_DATA/NAME, the cache
 * ($CONVLAB_HOME/datasets/NAME), /usr/share/datasets/NAME (Fashion-MNIST's Debian package), and last a download
 * into the cache. An explicit data.path is never skipped silently: if it does not hold the files, that is the error,
 * because training on some other copy than the one the user named would be a surprise.
 */
final class IdxLocator {

    /** The folder holding all four files and how it was found, for the run's description. */
    record Located(IdxFolder folder, String origin) {
    }

    private IdxLocator() {
    }

    static Located locate(IdxDataset dataset, String configuredPath, DataPlaces places) {
        if (configuredPath != null) {
            return fromConfiguredPath(dataset, Path.of(configuredPath));
        }
        SearchLog log = new SearchLog();
        log.add("data.path", "not set");
        if (places.convlabData() != null) {
            Located found = look(places.convlabData().resolve(dataset.folder), "$CONVLAB_DATA", log);
            if (found != null) {
                return found;
            }
        } else {
            log.add("$CONVLAB_DATA/" + dataset.folder, "CONVLAB_DATA is not set");
        }
        Path cached = places.cache().resolve(dataset.folder);
        Located found = look(cached, "convlab's cache", log);
        if (found != null) {
            return found;
        }
        if (dataset.debianPackage != null) {
            found = look(places.systemDatasets().resolve(dataset.folder), "Debian package " + dataset.debianPackage, log);
            if (found != null) {
                return found;
            }
        }
        return download(dataset, cached, places, log);
    }

    private static Located fromConfiguredPath(IdxDataset dataset, Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ConfigProblem("data.path",
                    folder + (Files.exists(folder) ? " is a file, not a folder" : " does not exist"),
                    "set data.path to the folder holding the " + dataset.displayName + " idx files ("
                            + fileList() + "), or remove it to use the default places");
        }
        IdxFolder idx = IdxFolder.look(folder);
        if (!idx.complete()) {
            throw new ConfigProblem("data.path", folder + " " + idx.problem(),
                    "put " + fileList() + " there, or remove data.path to use the default places");
        }
        return new Located(idx, "data.path");
    }

    private static Located look(Path folder, String what, SearchLog log) {
        if (!Files.isDirectory(folder)) {
            log.add(folder.toString(), "no such folder");
            return null;
        }
        IdxFolder idx = IdxFolder.look(folder);
        if (idx.complete()) {
            return new Located(idx, what);
        }
        log.add(folder.toString(), idx.problem());
        return null;
    }

    /** Fetches the missing files into the cache; files already there (an earlier partial download) are kept. */
    private static Located download(IdxDataset dataset, Path cached, DataPlaces places, SearchLog log) {
        String text = dataset.downloadBase(places).toString();
        URI base = URI.create(text.endsWith("/") ? text : text + "/");
        Downloader downloader = new Downloader(places.downloadTimeout());
        for (String name : IdxDataset.FILES) {
            Path target = cached.resolve(name + ".gz");
            if (Files.isRegularFile(target)) {
                continue;
            }
            URI url = base.resolve(name + ".gz");
            try {
                downloader.fetch(url, target);
            } catch (IOException | RuntimeException e) {
                log.add("download " + url + " into " + cached, "failed: " + Downloader.reason(e));
                throw notFound(dataset, cached, log);
            }
        }
        return new Located(IdxFolder.look(cached), "downloaded from " + base);
    }

    private static ConfigProblem notFound(IdxDataset dataset, Path cached, SearchLog log) {
        StringBuilder fix = new StringBuilder();
        if (dataset.debianPackage != null) {
            fix.append("install it with `apt-get install ").append(dataset.debianPackage)
                    .append("` or scripts/setup-data.sh; or ");
        }
        fix.append("put ").append(fileList()).append(" in ").append(cached)
                .append(" or in a folder named by data.path");
        if (dataset.alternative != null) {
            fix.append("; ").append(dataset.alternative);
        }
        return new ConfigProblem("data.dataset", dataset.folder + ": the " + dataset.displayName
                + " idx files were not found and could not be downloaded. Searched: " + log.summary(), fix.toString());
    }

    private static String fileList() {
        return String.join(", ", IdxDataset.FILES.stream().map(f -> f + ".gz").toList());
    }
}

package dev.convlab.backend;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A view of the class path in which ND4J's ServiceLoader finds one Nd4jBackend only. Installed with
 * {@code ND4JClassLoading.setNd4jClassloader} (the loader Nd4jBackend.load() asks), it makes "cpu" mean the CPU even
 * when nd4j-cuda is present and a GPU answers, and makes a failing CUDA start an error instead of ND4J's silent
 * fallback. It defines no classes: everything else is the parent's, so classes stay identical.
 */
final class OneBackendClassLoader extends ClassLoader {

    static final String SERVICE = "META-INF/services/org.nd4j.linalg.factory.Nd4jBackend";

    static {
        registerAsParallelCapable();
    }

    private final String keep;

    OneBackendClassLoader(ClassLoader parent, String keepBackendClass) {
        super("convlab-one-nd4j-backend", parent);
        this.keep = keepBackendClass;
    }

    String kept() {
        return keep;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        Enumeration<URL> all = super.getResources(name);
        if (!SERVICE.equals(name)) {
            return all;
        }
        List<URL> kept = new ArrayList<>();
        for (URL url : Collections.list(all)) {
            if (providers(url).contains(keep)) {
                kept.add(url);
            }
        }
        return Collections.enumeration(kept);
    }

    /** The class names a service file lists, in the java.util.ServiceLoader format (# comments, blank lines). */
    static Set<String> providers(URL serviceFile) throws IOException {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(serviceFile.openStream(), StandardCharsets.UTF_8))) {
            return in.lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toSet());
        }
    }
}

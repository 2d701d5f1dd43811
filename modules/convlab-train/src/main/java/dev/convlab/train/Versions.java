package dev.convlab.train;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of convlab, DL4J and the JVM, for provenance. */
public final class Versions {
    private Versions() {
    }

    public static Map<String, String> all() {
        Properties p = new Properties();
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // provenance is best effort; the run itself does not depend on it
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("convlab", p.getProperty("convlab", "unknown"));
        out.put("deeplearning4j", p.getProperty("dl4j", "unknown"));
        out.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        return out;
    }
}

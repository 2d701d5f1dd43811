package dev.convlab.config.yaml;

import dev.convlab.config.ConfigProblem;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * YAML path → where its value was written. Filled by the binder, so later stages (the model's shape inference, the
 * data checks) can report a problem at the line the user wrote.
 */
public final class SourceMap {
    private final String source;
    private final Map<String, Location> locations = new LinkedHashMap<>();

    public SourceMap(String source) {
        this.source = source;
    }

    void put(String path, Location location) {
        locations.putIfAbsent(path, location);
    }

    /** The location of a path, or of its nearest written ancestor (a default has no line of its own). */
    public Location locate(String path) {
        String p = path;
        while (p != null && !p.isEmpty()) {
            Location location = locations.get(p);
            if (location != null) {
                return location;
            }
            p = parent(p);
        }
        Location root = locations.get("");
        return root != null ? root : new Location(source, 0, 0);
    }

    /** Turns a problem found after loading into an error located at the YAML the user wrote. */
    public ConfigError locate(ConfigProblem problem) {
        return new ConfigError(locate(problem.yamlPath()), problem.yamlPath(), problem.why(), problem.fix());
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }
}

package dev.convlab.config.yaml;

import dev.convlab.config.BadInput;

/**
 * A located config error: {@code configs/x.yaml:14:7 model.layers[2].conv2d.kernel_size: 31 is larger than its
 * 28x28 input (use a kernel of at most 28)}.
 */
public final class ConfigError extends BadInput {
    private static final long serialVersionUID = 1L;
    private final Location location;
    private final String yamlPath;

    public ConfigError(Location location, String yamlPath, String why, String fix) {
        super(where(location, yamlPath), why, fix);
        this.location = location;
        this.yamlPath = yamlPath;
    }

    private static String where(Location location, String yamlPath) {
        String path = yamlPath == null || yamlPath.isEmpty() ? "" : yamlPath;
        if (location == null) {
            return path;
        }
        return path.isEmpty() ? location.toString() : location + " " + path;
    }

    public Location location() {
        return location;
    }

    public String yamlPath() {
        return yamlPath;
    }
}

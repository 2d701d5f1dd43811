package dev.convlab.sweep;

import dev.convlab.config.yaml.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a sweep file was written, so a trial whose config fails points at the value in the sweep
 * file that made it fail.
 */
public final class SweepSources {
    private final Location file;
    private final Map<String, Location> locations = new HashMap<>();

    SweepSources(Location file) {
        this.file = file;
    }

    void key(String key, Location location) {
        locations.put("key " + key, location);
    }

    void path(String section, String path, Location location) {
        locations.put("path " + section + " " + path, location);
    }

    void value(String section, String path, Location location) {
        locations.put("value " + section + " " + path, location);
    }

    void item(String path, int index, Location location) {
        locations.put("grid " + path + " " + index, location);
    }

    /** The value of a top-level key ({@code cv}, {@code metric}, {@code halving}), else the file's start. */
    public Location key(String key) {
        return locations.getOrDefault("key " + key, file);
    }

    /** Where a path of {@code set}, {@code grid} or {@code params} is written (its key), else its section. */
    public Location path(String section, String path) {
        Location at = locations.get("path " + section + " " + path);
        return at != null ? at : key(section);
    }

    /** The value of a path of {@code set}, {@code grid} (the list) or {@code params} (the distribution). */
    public Location value(String section, String path) {
        Location at = locations.get("value " + section + " " + path);
        return at != null ? at : path(section, path);
    }

    /** The index-th value of a grid path, else the path's list. */
    public Location item(String path, int index) {
        Location at = locations.get("grid " + path + " " + index);
        return at != null ? at : value("grid", path);
    }
}

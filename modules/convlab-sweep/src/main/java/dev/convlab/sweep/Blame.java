package dev.convlab.sweep;

import dev.convlab.config.BadInput;
import dev.convlab.config.yaml.ConfigError;
import dev.convlab.config.yaml.Location;
import java.util.List;
import java.util.Map;

/**
 * Points a trial's config error at the sweep file's value that caused it. The config loader locates a value that
 * came from an override at {@code --set path=value}, and a key an override created at the base file with no line;
 * both stood in the sweep file, at a grid value, a params distribution, a set value or holdout.
 */
final class Blame {
    private static final String SET = "--set ";

    private Blame() {
    }

    static BadInput locate(LoadedSweep sweep, Map<String, Object> params, BadInput error) {
        if (!(error instanceof ConfigError e) || e.location() == null) {
            return error;
        }
        Location at = e.location().source().startsWith(SET)
                ? byAssignment(sweep, params, e.location().source().substring(SET.length()))
                : e.location().line() == 0 ? byPath(sweep, params, e.yamlPath()) : null;
        return at == null ? error : new ConfigError(at, e.yamlPath(), e.why(), e.fix());
    }

    private static Location byAssignment(LoadedSweep sweep, Map<String, Object> params, String assignment) {
        SweepSpec spec = sweep.spec();
        SweepSources sources = sweep.sources();
        for (Map.Entry<String, Object> param : params.entrySet()) {
            if (PlainValues.assignment(param.getKey(), param.getValue()).equals(assignment)) {
                List<Object> values = spec.grid().get(param.getKey());
                return values != null ? sources.item(param.getKey(), values.indexOf(param.getValue()))
                        : sources.value("params", param.getKey());
            }
        }
        for (Map.Entry<String, Object> set : spec.set().entrySet()) {
            if (PlainValues.assignment(set.getKey(), set.getValue()).equals(assignment)) {
                return sources.value("set", set.getKey());
            }
        }
        return assignment.startsWith(ConfigPath.VALIDATION_SPLIT + "=") ? sources.key("holdout") : null;
    }

    private static Location byPath(LoadedSweep sweep, Map<String, Object> params, String yamlPath) {
        if (yamlPath == null) {
            return null;
        }
        String section = sweep.spec().search() == Search.GRID ? "grid" : "params";
        for (String path : params.keySet()) {
            if (within(yamlPath, path)) {
                return sweep.sources().path(section, path);
            }
        }
        for (String path : sweep.spec().set().keySet()) {
            if (within(yamlPath, path)) {
                return sweep.sources().path("set", path);
            }
        }
        return null;
    }

    private static boolean within(String yamlPath, String path) {
        return yamlPath.equals(path) || yamlPath.startsWith(path + ".") || yamlPath.startsWith(path + "[");
    }
}

package dev.convlab.cli;

import dev.convlab.config.BackendKind;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** Options that change a config on the command line, shared by the verbs that read one. */
final class ConfigOptions {
    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "override a config value, e.g. --set data.batch_size=64 (YAML value; repeatable)")
    List<String> sets = new ArrayList<>();

    @Option(names = "--backend", paramLabel = "KIND", description = "auto, cpu or cuda (overrides the config)")
    BackendKind backend;

    List<String> overrides() {
        List<String> all = new ArrayList<>(sets);
        if (backend != null) {
            all.add("backend=" + backend.name().toLowerCase(Locale.ROOT));
        }
        return all;
    }

    LoadedConfig load(Path file) {
        return ConfigLoader.load(file, overrides());
    }

    LoadedConfig load(String text, String source) {
        return ConfigLoader.load(text, source, overrides());
    }
}

package dev.convlab.cli;

import dev.convlab.backend.Backends;
import dev.convlab.backend.FastPathNetwork;
import dev.convlab.config.BackendKind;
import dev.convlab.config.yaml.LoadedConfig;
import dev.convlab.train.ModelBundle;
import java.nio.file.Path;

/** A model.zip opened for evaluate and predict: the network, and the config it was trained with. */
record ModelFile(ModelBundle bundle, LoadedConfig config) {

    static ModelFile open(Path file, ConfigOptions options) {
        // the backend must be chosen before DL4J restores the network
        Backends.init(options.backend != null ? options.backend : BackendKind.AUTO);
        ModelBundle bundle = ModelBundle.load(file);
        FastPathNetwork.apply(bundle.network()); // oneDNN's slow max pooling avoided; no number changes
        LoadedConfig config = options.load(bundle.configYaml(), file + "!convlab-config.yaml");
        return new ModelFile(bundle, config);
    }
}

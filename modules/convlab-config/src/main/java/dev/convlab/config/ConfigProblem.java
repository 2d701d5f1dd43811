package dev.convlab.config;

/**
 * A rule broken by a value of the config, found after the records were made (a kernel larger than its input, a
 * data folder that does not exist). It names the YAML path ({@code model.layers[2].conv2d.kernel_size}); the
 * loader's {@link dev.convlab.config.yaml.SourceMap} turns that into {@code file:line:col}.
 */
public class ConfigProblem extends BadInput {
    private static final long serialVersionUID = 1L;
    private final String yamlPath;

    public ConfigProblem(String yamlPath, String why, String fix) {
        super(yamlPath, why, fix);
        this.yamlPath = yamlPath;
    }

    public String yamlPath() {
        return yamlPath;
    }
}

package dev.convlab.config.yaml;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.RunConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A config as loaded: the records, where each value was written, and the resolved YAML text. */
public record LoadedConfig(RunConfig config, SourceMap sources, String source) {

    /** The config with every default filled in, as YAML. */
    public String resolvedYaml() {
        return ConfigWriter.toYaml(config);
    }

    /** SHA-256 of the resolved YAML: two configs that mean the same thing have the same hash. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resolvedYaml().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A problem found after loading, located at the line that wrote the value. */
    public ConfigError locate(ConfigProblem problem) {
        return sources.locate(problem);
    }
}

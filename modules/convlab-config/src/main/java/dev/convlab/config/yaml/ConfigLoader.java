package dev.convlab.config.yaml;

import dev.convlab.config.BadInput;
import dev.convlab.config.RunConfig;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads a config file, applies {@code --set} overrides and binds it to a {@link RunConfig}. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static LoadedConfig load(Path file, List<String> overrides) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new BadInput(file.toString(), "no such config file", "check the path");
        } catch (CharacterCodingException e) {
            throw new BadInput(file.toString(), "not a UTF-8 text file", "a config is a YAML text file");
        } catch (IOException e) {
            throw new BadInput(file.toString(), "cannot read: " + e.getMessage(), "check the file's permissions");
        }
        if (Files.isDirectory(file)) {
            throw new BadInput(file.toString(), "is a folder, not a config file", "name a .yaml file");
        }
        return load(text, file.toString(), overrides);
    }

    public static LoadedConfig load(String text, String source, List<String> overrides) {
        Node root = StrictYaml.parse(text, source);
        Overrides.apply(root, overrides);
        SourceMap sources = new SourceMap(source);
        RunConfig config = new Binder(source, sources).bind(root, RunConfig.class);
        return new LoadedConfig(config, sources, source);
    }
}

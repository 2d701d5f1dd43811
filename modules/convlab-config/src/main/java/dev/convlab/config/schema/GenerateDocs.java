package dev.convlab.config.schema;

import dev.convlab.config.RunConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes docs/convlab.schema.json and docs/config-reference.md from the records. GeneratedDocsTest fails when the
 * committed files differ from what this writes, so the docs cannot drift from the code.
 */
public final class GenerateDocs {
    public static final String SCHEMA = "convlab.schema.json";
    public static final String REFERENCE = "config-reference.md";
    /** Run from the repository root; exec:java runs in Maven's own JVM, whose working folder is that root. */
    public static final String COMMAND = "mvn -q -pl modules/convlab-config compile org.codehaus.mojo:exec-maven-plugin:3.6.4:java"
            + " -Dexec.mainClass=dev.convlab.config.schema.GenerateDocs -Dexec.args=docs";

    private GenerateDocs() {
    }

    /** File name to content, both generated from {@link RunConfig}. */
    public static Map<String, String> render() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SCHEMA, SchemaGenerator.json(RunConfig.class));
        files.put(REFERENCE, ReferenceGenerator.markdown(RunConfig.class, COMMAND));
        return files;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: GenerateDocs OUTPUT_FOLDER   (the repository's docs folder)");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        Files.createDirectories(folder);
        for (Map.Entry<String, String> file : render().entrySet()) {
            Path path = folder.resolve(file.getKey());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + path.toAbsolutePath().normalize());
        }
    }
}

package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets exit code 2 and ONE line naming file:line:col, the YAML path and the fix, with no stack trace
 * (unless --verbose).
 */
class BadInputTest {
    @TempDir
    Path dir;

    static final String GOOD = """
            name: bad
            data:
              dataset: mnist-10k
            model:
              layers:
                - conv2d: {filters: 8, kernel_size: 3}
                - max_pooling2d: {pool_size: 2}
                - dense: {units: 10, activation: softmax}
            """;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String refused(String verb, String yaml, String... extra) throws IOException {
        Path file = write(yaml);
        String[] args = new String[2 + extra.length];
        args[0] = verb;
        args[1] = file.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        Cli cli = Cli.run(args);
        assertEquals(2, cli.exit(), cli.toString());
        String[] lines = cli.err().strip().split("\n");
        assertEquals(1, lines.length, "one line only:\n" + cli.err());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("\tat "), cli.err());
        assertTrue(lines[0].startsWith("error: " + file + ":"), lines[0]);
        return lines[0].substring(("error: " + file + ":").length());
    }

    @Test
    void unknownKey() throws IOException {
        String line = refused("check", GOOD.replace("kernel_size: 3", "kernel_sise: 3"));
        assertEquals("6:28 model.layers[0].conv2d.kernel_sise: unknown key 'kernel_sise' in model.layers[0].conv2d "
                + "(did you mean 'kernel_size'?)", line);
    }

    @Test
    void wrongType() throws IOException {
        String line = refused("check", GOOD.replace("filters: 8", "filters: many"));
        assertEquals("6:25 model.layers[0].conv2d.filters: expected a whole number, found text 'many' "
                + "(write e.g. 3)", line);
    }

    @Test
    void kernelLargerThanItsInput() throws IOException {
        String line = refused("check", GOOD.replace("kernel_size: 3", "kernel_size: 31"));
        assertTrue(line.startsWith("6:41 model.layers[0].conv2d.kernel_size: 31x31 is larger than its 28x28x1 input"),
                line);
    }

    @Test
    void missingDataFolder() throws IOException {
        String yaml = GOOD.replace("dataset: mnist-10k", "dataset: image-folder\n  path: " + dir.resolve("nowhere")
                + "\n  image: {height: 28, width: 28, channels: 1}");
        String line = refused("train", yaml);
        assertTrue(line.startsWith("4:9 data.path: " + dir.resolve("nowhere") + " does not exist"), line);
    }

    @Test
    void yamlGlobalTag() throws IOException {
        String line = refused("check", GOOD.replace("name: bad", "name: !!java.lang.Runtime bad"));
        assertTrue(line.startsWith("1:7: the tag 'tag:yaml.org,2002:java.lang.Runtime' is not allowed"), line);
    }

    @Test
    void badSetOverride() throws IOException {
        Path file = write(GOOD);
        Cli cli = Cli.run("check", file.toString(), "--set", "data.batch_size=zero");
        assertEquals(2, cli.exit(), cli.toString());
        assertEquals("error: --set data.batch_size=zero data.batch_size: expected a whole number, found text 'zero' "
                + "(write e.g. 3)", cli.err().strip());
    }

    @Test
    void missingConfigFileAndUnknownVerb() {
        Cli missing = Cli.run("check", dir.resolve("no.yaml").toString());
        assertEquals(2, missing.exit());
        assertEquals("error: " + dir.resolve("no.yaml") + ": no such config file (check the path)", missing.err().strip());
        Cli verb = Cli.run("trian");
        assertEquals(2, verb.exit());
        assertTrue(verb.err().contains("train"), verb.err());
    }

    @Test
    void verboseShowsTheStackTrace() throws IOException {
        Path file = write(GOOD.replace("filters: 8", "filters: many"));
        Cli cli = Cli.run("check", file.toString(), "--verbose");
        assertEquals(2, cli.exit());
        assertTrue(cli.err().contains("\tat dev.convlab"), cli.err());
    }

    @Test
    void cudaWithoutTheCudaBuildIsOneClearError() throws IOException {
        Cli cli = Cli.run("doctor", "--backend", "cuda");
        assertEquals(2, cli.exit(), cli.toString());
        assertTrue(cli.err().contains("-Pcuda"), cli.err());
        assertEquals(1, cli.err().strip().split("\n").length, cli.err());
    }
}

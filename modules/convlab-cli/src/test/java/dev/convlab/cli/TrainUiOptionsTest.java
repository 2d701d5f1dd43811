package dev.convlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --ui, --ui-port, --ui-host and --stats given wrongly: one line, exit 2, before any training starts. */
class TrainUiOptionsTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void writeConfig() throws IOException {
        config = dir.resolve("c.yaml");
        Files.writeString(config, """
                name: c
                data: {dataset: mnist-10k}
                model:
                  layers:
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                """);
    }

    @Test
    void aPortInUseIsRefusedBeforeTraining() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Cli cli = train("--ui", "--ui-port", Integer.toString(taken.getLocalPort()));
            assertEquals(ExitCode.BAD_INPUT, cli.exit(), cli.toString());
            assertTrue(cli.err().startsWith("error: --ui: DL4J's training UI cannot listen on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use"), cli.err());
        }
        assertFalse(Files.exists(dir.resolve("runs")), "no run was started");
    }

    @Test
    void aPortOutOfRangeIsBadInput() {
        Cli cli = train("--ui", "--ui-port", "70000");
        assertEquals(ExitCode.BAD_INPUT, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: --ui-port: 70000 is not a TCP port"), cli.err());
    }

    @Test
    void uiPortOrHostWithoutUiIsBadInput() {
        for (String[] option : new String[][] {{"--ui-port", "9001"}, {"--ui-host", "0.0.0.0"}}) {
            Cli cli = train(option);
            assertEquals(ExitCode.BAD_INPUT, cli.exit(), cli.toString());
            assertTrue(cli.err().startsWith("error: " + option[0] + ": only means something with --ui"), cli.err());
        }
    }

    @Test
    void anAddressOfAnotherMachineIsBadInput() throws IOException {
        InetAddress elsewhere = InetAddress.getByName("203.0.113.7"); // TEST-NET-3 (RFC 5737), for documentation
        assumeTrue(NetworkInterface.getByInetAddress(elsewhere) == null, "203.0.113.7 is an address of this machine");
        Cli cli = train("--ui", "--ui-host", "203.0.113.7", "--ui-port", "0");
        assertEquals(ExitCode.BAD_INPUT, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: --ui: DL4J's training UI cannot listen on 203.0.113.7:0: "),
                cli.err());
    }

    @Test
    void aStatsFileThatIsAFolderIsBadInput() {
        Cli cli = train("--stats", dir.toString());
        assertEquals(ExitCode.BAD_INPUT, cli.exit(), cli.toString());
        assertTrue(cli.err().startsWith("error: --stats: " + dir + " is a folder"), cli.err());
    }

    private Cli train(String... extra) {
        String[] args = new String[4 + extra.length];
        args[0] = "train";
        args[1] = config.toString();
        args[2] = "--set";
        args[3] = "output_dir=" + dir.resolve("runs");
        System.arraycopy(extra, 0, args, 4, extra.length);
        return Cli.run(args);
    }
}

package dev.convlab.config.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed docs are generated output; this fails when a record changed and they were not regenerated. */
class GeneratedDocsTest {

    @Test
    void committedDocsEqualFreshOutput() throws IOException {
        Path docs = repositoryRoot().resolve("docs");
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, String> file : GenerateDocs.render().entrySet()) {
            Path committed = docs.resolve(file.getKey());
            String text = Files.exists(committed)
                    ? Files.readString(committed, StandardCharsets.UTF_8).replace("\r\n", "\n") : null;
            if (!file.getValue().equals(text)) {
                stale.add("docs/" + file.getKey() + (text == null ? " is missing" : " differs " + firstDifference(text, file.getValue())));
            }
        }
        assertTrue(stale.isEmpty(), () -> String.join("\n", stale)
                + "\nThese files are generated from the config records; regenerate them from the repository root with\n  "
                + GenerateDocs.COMMAND + "\nand commit them.");
    }

    @Test
    void mainWritesWhatRenderGives(@TempDir Path out) throws IOException {
        GenerateDocs.main(new String[] {out.resolve("docs").toString()});
        for (Map.Entry<String, String> file : GenerateDocs.render().entrySet()) {
            assertEquals(file.getValue(), Files.readString(out.resolve("docs").resolve(file.getKey())));
        }
    }

    /** Surefire runs in the module folder, modules/convlab-config. */
    static Path repositoryRoot() {
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        assertTrue(Files.isDirectory(root.resolve("modules/convlab-config")), () -> root + " is not the repository root");
        return root;
    }

    private static String firstDifference(String committed, String fresh) {
        String[] a = committed.split("\n", -1);
        String[] b = fresh.split("\n", -1);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "<end of file>";
            String y = i < b.length ? b[i] : "<end of file>";
            if (!x.equals(y)) {
                return "at line " + (i + 1) + ":\n    committed: " + x + "\n    generated: " + y;
            }
        }
        return "";
    }
}

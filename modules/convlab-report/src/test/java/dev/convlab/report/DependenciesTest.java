package dev.convlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The report module uses the JDK only: no class of it names DL4J, ND4J, DataVec or another convlab package, so the
 * training code can hand it plain values and anything can depend on it.
 */
class DependenciesTest {
    private static final List<String> FORBIDDEN = List.of("org/deeplearning4j/", "org/nd4j/", "org/datavec/",
            "org/bytedeco/", "dev/convlab/config/", "dev/convlab/backend/", "dev/convlab/model/",
            "dev/convlab/data/", "dev/convlab/train/", "dev/convlab/cli/");

    @Test
    void theMainClassesReferToNothingButTheJdkAndThisPackage() throws Exception {
        Path classes = Path.of(CurvesChart.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> offences = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                checked++;
                // class names in a constant pool are plain ASCII, so a byte-wise search finds every reference
                String pool = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                FORBIDDEN.stream().filter(pool::contains)
                        .forEach(name -> offences.add(f.getFileName() + " -> " + name));
            }
        }
        assertTrue(checked >= 10, "found " + checked + " classes in " + classes);
        assertEquals(List.of(), offences);
    }
}

package dev.convlab.data;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.DatasetKind;
import dev.convlab.config.OnBadImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.dataset.DataSet;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** data.labels_csv: path,label rows instead of class folders. */
class LabelsCsvTest {
    private static final Map<String, Color> COLOURS = Map.of("cat", Color.RED, "dog", Color.BLUE, "bird", Color.GREEN);

    @TempDir
    Path dir;

    private Path csv() throws IOException {
        Path images = dir.resolve("data/imgs");
        TestImages.solid(images.resolve("a1.png"), 5, 5, BufferedImage.TYPE_INT_RGB, COLOURS.get("cat"));
        TestImages.solid(images.resolve("b,1.png"), 5, 5, BufferedImage.TYPE_INT_RGB, COLOURS.get("dog"));
        TestImages.solid(images.resolve("c1.png"), 5, 5, BufferedImage.TYPE_INT_RGB, COLOURS.get("bird"));
        TestImages.solid(images.resolve("c2.png"), 5, 5, BufferedImage.TYPE_INT_RGB, COLOURS.get("bird"));
        Files.writeString(images.resolve("notes.txt"), "text");
        return Files.writeString(dir.resolve("data/labels.csv"), """
                path,label
                imgs/a1.png,cat
                "imgs/b,1.png",dog

                imgs/c1.png, bird
                imgs/missing.png,dog
                imgs/notes.txt,cat
                imgs/c2.png,bird
                """);
    }

    private static TestConfigs config(Path csv, OnBadImage policy) {
        return TestConfigs.of(DatasetKind.IMAGE_FOLDER).labelsCsv(csv).image(3, 3, 3).split(0).rescale(1).batch(10)
                .onBadImage(policy);
    }

    @Test
    void rowsBecomeSortedClassesAndBadRowsAreListed() throws IOException {
        Path csv = csv();
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> Datasets.open(config(csv, OnBadImage.FAIL).build(), 1));
        assertEquals("data.labels_csv", problem.yamlPath());
        assertTrue(problem.why().startsWith("2 of 6 image files cannot be read: "), problem.why());
        assertTrue(problem.why().contains(dir.resolve("data/imgs/missing.png")
                + " (missing: named on line 6 of labels.csv, but there is no such file)"), problem.why());
        assertTrue(problem.why().contains(dir.resolve("data/imgs/notes.txt") + " (not an image type convlab reads"), problem.why());

        DataSplits splits = Datasets.open(config(csv, OnBadImage.SKIP).build(), 1);
        assertEquals(List.of("bird", "cat", "dog"), splits.classNames());
        assertEquals(4, splits.trainCount());
        assertEquals(2, splits.skipped().size());
        assertTrue(splits.description().startsWith("labels CSV " + csv), splits.description());
        DataSet batch = splits.train().next();
        for (int i = 0; i < batch.numExamples(); i++) {
            Color colour = COLOURS.get(splits.classNames().get(batch.getLabels().getRow(i).argMax().getInt(0)));
            assertEquals(colour.getRed(), batch.getFeatures().getFloat(i, 0, 1, 1), 0.0);
            assertEquals(colour.getBlue(), batch.getFeatures().getFloat(i, 2, 1, 1), 0.0);
        }
        assertEquals(List.of("bird", "cat", "dog"), Datasets.classNames(config(csv, OnBadImage.SKIP).build()));
    }

    @Test
    void malformedCsvsAreConfigProblems() throws IOException {
        Path csv = csv();
        ConfigProblem both = assertThrows(ConfigProblem.class, () -> Datasets.open(config(csv, OnBadImage.SKIP)
                .path(dir).build(), 1));
        assertTrue(both.why().contains("both data.path and data.labels_csv"), both.why());

        Path twice = Files.writeString(dir.resolve("data/twice.csv"), "imgs/a1.png,cat\nimgs/c1.png,bird\n./imgs/a1.png,dog\n");
        ConfigProblem duplicate = assertThrows(ConfigProblem.class, () -> Datasets.open(config(twice, OnBadImage.SKIP).build(), 1));
        assertTrue(duplicate.why().endsWith("lines 1 and 3 both name " + dir.resolve("data/imgs/a1.png")), duplicate.why());

        Path short_ = Files.writeString(dir.resolve("data/short.csv"), "imgs/a1.png,cat\nimgs/c1.png\n");
        ConfigProblem row = assertThrows(ConfigProblem.class, () -> Datasets.open(config(short_, OnBadImage.SKIP).build(), 1));
        assertTrue(row.why().endsWith("line 2: expected path,label but found 'imgs/c1.png'"), row.why());
    }
}

package dev.convlab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.model.PlannedLayer;
import dev.convlab.model.TensorShape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feature-map grids have the shapes the model summary gives the layers: one tile per channel (up to --per-layer),
 * each tile the layer's height x width before it is scaled up.
 */
class FeatureMapsTest {
    @TempDir
    static Path out;
    static Visualizer viz;
    static InputImage digit;

    @BeforeAll
    static void setUp() throws IOException {
        viz = Models.trained().visualizer(out);
        Path png = out.resolve("digit.png");
        ImageIO.write(Digits.seven(), "png", png.toFile());
        digit = viz.read(png);
    }

    @Test
    void tilesHaveTheSummarysOutputShapes() {
        List<PlannedLayer> convs = viz.layers().plan().layers().stream()
                .filter(l -> l.kerasType().equals("Conv2D")).toList();
        assertEquals(2, convs.size());
        List<FeatureMaps.LayerMaps> maps = FeatureMaps.of(Models.trained().bundle().network(),
                viz.space().batch(digit.input()), viz.layers().convolutions());
        String summary = viz.layers().plan().summary("viz-digits");
        for (int i = 0; i < convs.size(); i++) {
            TensorShape.Maps shape = (TensorShape.Maps) convs.get(i).output();
            assertTrue(summary.contains(shape.keras()), summary);
            FeatureMaps.LayerMaps m = maps.get(i);
            assertEquals(convs.get(i).name(), m.layer().name());
            TileGrid all = Visualizer.featureMapGrid(m, 1000, "digit.png");
            assertEquals(shape.channels(), all.tiles().size());
            for (Tile t : all.tiles()) {
                assertEquals(shape.height(), t.height());
                assertEquals(shape.width(), t.width());
                assertEquals(1, t.channels());
            }
            TileGrid four = Visualizer.featureMapGrid(m, 4, "digit.png");
            assertEquals(4, four.tiles().size());
            BufferedImage drawn = four.draw();
            assertTrue(drawn.getWidth() >= 4 * shape.width() * four.scale());
            assertTrue(shape.height() * four.scale() >= TileGrid.MIN_SIDE, "small maps are scaled up");
        }
        assertEquals(new TensorShape.Maps(26, 26, 8), convs.get(0).output());
        assertEquals(new TensorShape.Maps(11, 11, 16), convs.get(1).output());
    }

    @Test
    void mapsAreTheLayersActivationsStretchedTo0To255() {
        FeatureMaps.LayerMaps m = FeatureMaps.of(Models.trained().bundle().network(), viz.space().batch(digit.input()),
                viz.layers().convolutions()).get(0);
        float[] shown = FeatureMaps.display(m.maps().get(m.strongest()));
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : shown) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertEquals(0, min, 1e-4);
        assertEquals(255, max, 1e-4);
    }

    @Test
    void writesAGridPerLayerAndTheOverview() throws IOException {
        List<Visualizer.Written> written = viz.featureMaps(digit, viz.layers().convolutions(), 8);
        assertEquals(List.of("feature-maps-conv2d.png", "feature-maps-conv2d_1.png", "feature-maps.png"),
                written.stream().map(w -> w.file().getFileName().toString()).toList());
        for (Visualizer.Written w : written) {
            BufferedImage image = ImageIO.read(w.file().toFile());
            assertTrue(image.getWidth() > 100 && image.getHeight() > 60, w.toString());
            assertTrue(Files.size(w.file()) < 100_000, w.toString());
        }
    }
}

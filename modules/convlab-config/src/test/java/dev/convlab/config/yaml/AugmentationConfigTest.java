package dev.convlab.config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.AugmentationConfig;
import dev.convlab.config.FillMode;
import dev.convlab.config.RunConfig;
import dev.convlab.config.ShiftRange;
import dev.convlab.config.ZoomRange;
import dev.convlab.config.augment.Crop;
import dev.convlab.config.augment.EqualizeHistogram;
import dev.convlab.config.augment.OpProbabilities;
import dev.convlab.config.augment.Resize;
import java.util.List;
import org.junit.jupiter.api.Test;

/** data.augmentation as Keras's ImageDataGenerator reads its arguments, and back to YAML unchanged in meaning. */
class AugmentationConfigTest {
    static AugmentationConfig augmentation(String mapping) {
        RunConfig c = ConfigLoaderTest.load(ConfigLoaderTest.BASE.replace("dataset: fashion-mnist",
                "dataset: fashion-mnist\n  augmentation: " + mapping));
        return c.data().augmentation();
    }

    static ConfigError refused(String mapping) {
        return ConfigLoaderTest.fail(ConfigLoaderTest.BASE.replace("dataset: fashion-mnist",
                "dataset: fashion-mnist\n  augmentation: " + mapping));
    }

    @Test
    void absentMeansNoneAndEmptyMeansKerasDefaults() {
        assertNull(ConfigLoaderTest.load(ConfigLoaderTest.BASE).data().augmentation());
        AugmentationConfig a = augmentation("{}");
        assertEquals(AugmentationConfig.none(), a);
        assertEquals(FillMode.NEAREST, a.fillMode());
        assertEquals(OpProbabilities.KERAS, a.probability());
        assertTrue(!a.isRandom() && !a.normalises());
    }

    @Test
    void theShiftRangeMeansWhatItsYamlTypeSays() {
        AugmentationConfig a = augmentation("{width_shift_range: 0.1, height_shift_range: 4}");
        assertEquals(ShiftRange.uniform(0.1), a.widthShiftRange());
        assertEquals(ShiftRange.whole(4), a.heightShiftRange());
        assertTrue(a.widthShiftRange().isFraction());
        assertEquals(ShiftRange.uniform(1.0), augmentation("{width_shift_range: 1.0}").widthShiftRange());
        assertEquals(ShiftRange.choice(List.of(2.0, 4.0, 8.0)),
                augmentation("{width_shift_range: [2, 4, 8]}").widthShiftRange());
        assertTrue(augmentation("{width_shift_range: [0.1, 0.2]}").widthShiftRange().isFraction());
    }

    @Test
    void zoomIsANumberOrAPairAndTheRestAreKerasNames() {
        AugmentationConfig a = augmentation("""
                {rotation_range: 40, shear_range: 0.2, zoom_range: 0.2, horizontal_flip: true, fill_mode: wrap,
                     brightness_range: [0.5, 1.5], channel_shift_range: 20, cval: 3, featurewise_center: true,
                     samplewise_std_normalization: true, probability: {rotation: 0.5},
                     datavec: [{crop: {top: 4}}, equalize_histogram, {resize: {height: 8, width: 9}}]}""");
        assertEquals(new ZoomRange(0.8, 1.2), a.zoomRange());
        assertEquals(new ZoomRange(0.5, 2.0), augmentation("{zoom_range: [0.5, 2]}").zoomRange());
        assertEquals(40, a.rotationRange());
        assertEquals(FillMode.WRAP, a.fillMode());
        assertEquals(List.of(0.5, 1.5), a.brightnessRange());
        assertEquals(0.5, a.probability().rotation());
        assertEquals(0.5, a.probability().horizontalFlip());
        assertEquals(List.of(new Crop(4, 0, 0, 0, 1), new EqualizeHistogram(1), new Resize(8, 9, 1)),
                a.datavec());
        assertTrue(a.isRandom() && a.normalises() && a.featurewise());
    }

    @Test
    void theResolvedYamlLoadsToTheSameAugmentation() {
        String mapping = "{width_shift_range: 3, height_shift_range: [0.1, 0.3], zoom_range: 0.25, "
                + "rotation_range: 10, datavec: [{resize: {height: 10, width: 12}}]}";
        RunConfig c = ConfigLoaderTest.load(ConfigLoaderTest.BASE.replace("dataset: fashion-mnist",
                "dataset: fashion-mnist\n  augmentation: " + mapping));
        String yaml = ConfigWriter.toYaml(c);
        assertTrue(yaml.contains("width_shift_range: 3\n"), yaml);
        assertEquals(c, ConfigLoader.load(yaml, "resolved.yaml", List.of()).config());
    }

    @Test
    void badValuesAreRefusedWhereTheyWereWritten() {
        assertEquals("t.yaml:4:49 data.augmentation.zoom_range: 1.5: would allow zoom factors down to -0.5"
                + " (use a number in [0, 1), or a list [lower, upper])", refused("{rotation_range: 5, zoom_range: 1.5}")
                .oneLine());
        assertTrue(refused("{width_shift_range: -0.1}").oneLine().contains("must not be negative"));
        assertTrue(refused("{width_shift_range: wide}").oneLine()
                .contains("expected a number, a whole number or a list of numbers"));
        assertTrue(refused("{brightness_range: [0.5, 1, 2]}").oneLine()
                .contains("data.augmentation.brightness_range: [0.5, 1, 2]: [0.5, 1.0, 2.0] is not a brightness interval"));
        assertTrue(refused("{zoom_range: [1.2, 0.8]}").oneLine().contains("is not a zoom interval"));
        assertTrue(refused("{fill_mode: mirror}").oneLine().contains("(valid: constant, nearest, reflect, wrap)"));
        assertTrue(refused("{rotation_rnage: 10}").oneLine().contains("did you mean 'rotation_range'?"));
        assertTrue(refused("{probability: {rotation: 1.5}}").oneLine().contains("1.5 is not a probability"));
        assertTrue(refused("{datavec: [{color_conversion: {to: hsv}}]}").oneLine()
                .contains("color_conversion needs colour images"));
        assertTrue(refused("{datavec: [sharpen]}").oneLine().contains("unknown data vec transform 'sharpen'"),
                refused("{datavec: [sharpen]}").oneLine());
    }
}

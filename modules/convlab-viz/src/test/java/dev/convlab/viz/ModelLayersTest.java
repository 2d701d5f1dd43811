package dev.convlab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BadInput;
import dev.convlab.config.RunConfig;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Layers are found by the names the model summary prints; a wrong name lists the convolution layers. */
class ModelLayersTest {
    static final String VGG = """
            name: tiny-vgg
            data: {dataset: image-folder, path: no-images, image: {height: 16, width: 16, channels: 3}}
            model:
              vgg:
                blocks: [{filters: 4, convs: 2}, {filters: 8, convs: 2}]
                batch_normalization: true
                dense: [16]
            """;
    static ModelLayers plain;
    static ModelLayers vgg;

    @BeforeAll
    static void build() {
        Models.backend();
        RunConfig config = Models.config(InferenceCopyTest.DROPOUT);
        plain = ModelLayers.of(config, 4, Models.fixed(config, 4, 1));
        RunConfig vggConfig = Models.config(VGG);
        vgg = ModelLayers.of(vggConfig, 5, Models.fixed(vggConfig, 5, 1));
    }

    @Test
    void convolutionsHaveTheSummarysNamesShapesAndDl4jIndices() {
        assertEquals(List.of(new ConvLayer("conv2d", 0, 10, 10, 6), new ConvLayer("conv2d_1", 3, 3, 3, 8)),
                plain.convolutions());
        assertEquals(plain.convolutions(), plain.defaults());
        String summary = plain.plan().summary("copy");
        assertTrue(summary.contains("conv2d_1 (Conv2D)"), summary);
        assertTrue(summary.contains("(None, 3, 3, 8)"), summary);
    }

    @Test
    void vggDefaultsToTheFirstConvolutionOfEachBlock() {
        assertEquals(List.of("block1_conv1", "block1_conv2", "block2_conv1", "block2_conv2"),
                vgg.convolutions().stream().map(ConvLayer::name).toList());
        assertEquals(List.of("block1_conv1", "block2_conv1"), vgg.defaults().stream().map(ConvLayer::name).toList());
        // each convolution is followed by its batch normalisation: block1_conv2 is DL4J layer 2
        assertEquals(new ConvLayer("block1_conv2", 2, 16, 16, 4), vgg.select(List.of("block1_conv2")).get(0));
    }

    @Test
    void anUnknownNameListsTheConvolutionLayers() {
        BadInput unknown = assertThrows(BadInput.class, () -> plain.select(List.of("conv2d", "conv3d")));
        assertEquals("--layers: no layer is named 'conv3d' (the convolution layers are conv2d, conv2d_1)",
                unknown.oneLine());
        BadInput pooling = assertThrows(BadInput.class, () -> plain.select(List.of("max_pooling2d")));
        assertTrue(pooling.oneLine().contains("'max_pooling2d' is a MaxPooling2D layer, not a convolution"),
                pooling.oneLine());
        BadInput flatten = assertThrows(BadInput.class, () -> vgg.select(List.of("flatten")));
        assertTrue(flatten.oneLine().contains("block1_conv1, block1_conv2, block2_conv1, block2_conv2"),
                flatten.oneLine());
    }

    @Test
    void namesAreTakenInTheOrderGivenOnce() {
        assertEquals(List.of("conv2d_1", "conv2d"), plain.select(List.of("conv2d_1", "conv2d", "conv2d_1")).stream()
                .map(ConvLayer::name).toList());
    }
}

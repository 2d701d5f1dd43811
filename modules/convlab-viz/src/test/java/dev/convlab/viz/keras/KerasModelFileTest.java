package dev.convlab.viz.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import dev.convlab.config.BadInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VGG16 JSON convlab ships, against keras_applications' vgg16.py and Keras's published parameter count; and the
 * errors for files that cannot be imported, each naming the file and why.
 */
class KerasModelFileTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void backend() {
        Backends.init(BackendKind.AUTO);
    }

    @Test
    void theShippedVgg16HasKerassLayersAndParameterCount() {
        KerasSummary s = KerasModelFile.summary(KerasModelFile.vgg16Json(), "vgg16.json");
        // Keras's documentation (keras.io/api/applications) gives VGG16 138,357,544 parameters
        assertEquals(138_357_544L, s.totalParams(), s.text());
        assertTrue(s.text().contains("\nTotal params: 138,357,544\n"), s.text());
        // the layers of keras_applications/vgg16.py, in order
        List<String> expected = new ArrayList<>(List.of("input_1"));
        int[] convs = {2, 2, 3, 3, 3};
        for (int b = 1; b <= 5; b++) {
            for (int c = 1; c <= convs[b - 1]; c++) {
                expected.add("block" + b + "_conv" + c);
            }
            expected.add("block" + b + "_pool");
        }
        expected.addAll(List.of("flatten", "fc1", "fc2", "predictions"));
        assertEquals(expected, s.rows().stream().map(KerasSummary.Row::layer).toList());
        // a few rows worked by hand: 3x3x3x64 + 64; 7x7x512 = 25088 inputs x 4096 + 4096; 4096 x 1000 + 1000
        assertEquals(new KerasSummary.Row("block1_conv1", "Conv2D", "(None, 224, 224, 64)", 1_792), s.rows().get(1));
        assertEquals(new KerasSummary.Row("block5_pool", "MaxPooling2D", "(None, 7, 7, 512)", 0), s.rows().get(18));
        assertEquals(new KerasSummary.Row("flatten", "Flatten", "(None, 25088)", 0), s.rows().get(19));
        assertEquals(new KerasSummary.Row("fc1", "Dense", "(None, 4096)", 102_764_544), s.rows().get(20));
        assertEquals(new KerasSummary.Row("predictions", "Dense", "(None, 1000)", 4_097_000), s.rows().get(22));
    }

    @Test
    void aMissingFileAndAFileThatIsNotHdf5AreNamed() throws IOException {
        Path missing = dir.resolve("missing.h5");
        BadInput none = assertThrows(BadInput.class, () -> KerasModelFile.load(missing, null));
        assertEquals(missing + ": no such model file (check the path)", none.oneLine());

        Path text = dir.resolve("text.h5");
        Files.writeString(text, "this is not HDF5, whatever its name says\n");
        BadInput notHdf5 = assertThrows(BadInput.class, () -> KerasModelFile.load(text, null));
        assertTrue(notHdf5.oneLine().startsWith(text + ": is not an HDF5 file (it does not start with the HDF5"
                + " signature)"), notHdf5.oneLine());

        Path empty = dir.resolve("empty.hdf5");
        Files.write(empty, new byte[0]);
        assertTrue(assertThrows(BadInput.class, () -> KerasModelFile.load(empty, null)).oneLine()
                .startsWith(empty + ": is not an HDF5 file"));
    }

    @Test
    void hdf5FilesThatAreNotKerasOrDoNotFitTheirModelAreNamed() throws IOException {
        Path files = TinyKeras.files("fixed");
        Path notKeras = files.resolve("not-keras.h5");
        BadInput bad = assertThrows(BadInput.class, () -> KerasModelFile.load(notKeras, null));
        assertTrue(bad.oneLine().startsWith(notKeras + ": is an HDF5 file but not a Keras model or weights file"),
                bad.oneLine());

        // the tiny weights paired with the default model, VGG16: the layers with weights do not match
        Path weights = files.resolve("tiny-weights.h5");
        BadInput vgg = assertThrows(BadInput.class, () -> KerasModelFile.load(weights, null));
        assertEquals(weights + ": does not fit Keras's VGG16 (what a weights-only file is paired with unless"
                + " --model-json names another model): the file has no weights for the model's layer 'block1_conv2'"
                + " (the file's layers with weights: block1_conv1, block2_conv1, fc1, predictions) (pair a weights"
                + " file with the JSON of the model that saved it (--model-json))", vgg.oneLine());

        // a whole model with a JSON as well
        Path whole = files.resolve("tiny-sequential.h5");
        BadInput twice = assertThrows(BadInput.class,
                () -> KerasModelFile.load(whole, files.resolve("tiny-model.json")));
        assertTrue(twice.oneLine().startsWith("--model-json: is for weights-only files, and " + whole), twice.oneLine());
    }

    @Test
    void aNetworkThatIsNotOneChainOrHasAnUnknownLayerIsRefused() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode branched = (ObjectNode) json.readTree(KerasModelFile.vgg16Json());
        ArrayNode layers = (ArrayNode) branched.get("config").get("layers");
        // fc2 also takes flatten's output: two layers read flatten
        ((ArrayNode) layers.get(21).get("inbound_nodes").get(0).get(0)).set(0, json.getNodeFactory().textNode(
                "flatten"));
        BadInput fork = assertThrows(BadInput.class, () -> KerasModelFile.summary(branched.toString(), "fork.json"));
        assertEquals("fork.json: cannot be visualized: it is not one chain of layers: the output of 'flatten' goes to"
                + " both 'fc1' and 'fc2' (convlab visualize reads Sequential models and functional models whose"
                + " layers form one chain)", fork.oneLine());

        ObjectNode unknown = (ObjectNode) json.readTree(KerasModelFile.vgg16Json());
        ((ObjectNode) unknown.get("config").get("layers").get(1)).put("class_name", "FancyConv2D");
        BadInput fancy = assertThrows(BadInput.class, () -> KerasModelFile.summary(unknown.toString(), "fancy.json"));
        assertTrue(fancy.oneLine().startsWith("fancy.json: uses what DL4J's Keras import does not support: "),
                fancy.oneLine());
        assertTrue(fancy.oneLine().contains("FancyConv2D"), fancy.oneLine());
        assertEquals(1, fancy.oneLine().lines().count(), fancy.oneLine());
    }

    @Test
    void weightNamesOfBothKerasLayoutsNameTheSameParameters() {
        assertEquals("kernel", KerasWeights.parameter("block1_conv1_W_1:0", "block1_conv1"));
        assertEquals("bias", KerasWeights.parameter("block1_conv1_b_1:0", "block1_conv1"));
        assertEquals("kernel", KerasWeights.parameter("block1_conv1/kernel:0", "block1_conv1"));
        assertEquals("bias", KerasWeights.parameter("fc1/bias:0", "fc1"));
        assertEquals("moving_variance", KerasWeights.parameter("bn_running_std:0", "bn"));
    }
}

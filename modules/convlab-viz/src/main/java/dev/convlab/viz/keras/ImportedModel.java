package dev.convlab.viz.keras;

import java.nio.file.Path;
import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A Keras model imported from an .h5 file.
 *
 * @param file        the .h5 file
 * @param description what the file held, for a person: "a whole Keras model (Sequential, Keras 2.2.4)", ...
 * @param network     the network DL4J's Keras import built, with the file's weights; its layers have the Keras
 *                    layers' names, and a channels_last model's convolutions work on NHWC arrays, as in Keras
 * @param input       the network's input: an image, in the model's own axis order (NHWC for channels_last)
 * @param classes     each layer's Keras class by layer name, in order (Conv2D, MaxPooling2D, Flatten, ...)
 * @param summary     the layers as Keras's model.summary() lists them
 */
public record ImportedModel(Path file, String description, MultiLayerNetwork network,
                            InputType.InputTypeConvolutional input, Map<String, String> classes,
                            KerasSummary summary) {
    public ImportedModel {
        classes = Map.copyOf(classes);
    }
}

package dev.convlab.model;

import dev.convlab.config.Activation;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.Loss;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.schema.Names;

/** What the output layer must be for the loss and the data: Keras would train a mismatch silently into nonsense. */
final class OutputRules {
    private OutputRules() {
    }

    static void check(SourcedLayer layer, String name, Loss loss, int numClasses) {
        Dense dense = (Dense) layer.spec();
        Activation needed = switch (loss) {
            case CATEGORICAL_CROSSENTROPY -> Activation.SOFTMAX;
            case BINARY_CROSSENTROPY -> Activation.SIGMOID;
            case MEAN_SQUARED_ERROR -> null;
        };
        if (needed != null && dense.activation() != needed) {
            throw new ConfigProblem(layer.origin().key("activation"),
                    Names.of(loss) + " needs a " + Names.of(needed) + " output, but the output layer '" + name + "' uses "
                            + Names.of(dense.activation()),
                    "set activation: " + Names.of(needed) + " on the last dense layer, or change training.loss");
        }
        boolean oneSigmoidForTwo = loss == Loss.BINARY_CROSSENTROPY && dense.units() == 1 && numClasses == 2;
        if (dense.units() != numClasses && !oneSigmoidForTwo) {
            String fix = "set units: " + numClasses;
            if (numClasses == 2 && loss == Loss.BINARY_CROSSENTROPY) {
                fix += " (or 1: one sigmoid unit for two classes)";
            }
            throw new ConfigProblem(layer.origin().key("units"),
                    "the output layer '" + name + "' has " + dense.units() + " units, but the data has " + numClasses
                            + " classes", fix);
        }
    }
}

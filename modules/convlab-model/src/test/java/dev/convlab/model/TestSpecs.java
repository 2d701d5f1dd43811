package dev.convlab.model;

import dev.convlab.config.Activation;
import dev.convlab.config.ImageShape;
import dev.convlab.config.Initializer;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.Padding;
import dev.convlab.config.Regularizer;
import dev.convlab.config.Size2;
import dev.convlab.config.TrainingConfig;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.Flatten;
import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.layers.MaxPooling2D;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.config.optim.Sgd;
import java.util.List;

/** Config records written in code, with Keras's defaults, for the tests. */
final class TestSpecs {
    private TestSpecs() {
    }

    static ModelConfig layers(LayerSpec... layers) {
        return new ModelConfig(List.of(layers), null);
    }

    static ImageShape image(int h, int w, int c) {
        return new ImageShape(h, w, c);
    }

    static Conv2D conv(int filters, int kernel, Activation activation) {
        return conv(filters, kernel, 1, Padding.VALID, activation);
    }

    static Conv2D conv(int filters, int kernel, int stride, Padding padding, Activation activation) {
        return new Conv2D(filters, Size2.of(kernel), Size2.of(stride), padding, Size2.of(1), activation, true,
                Initializer.GLOROT_UNIFORM, Initializer.ZEROS, null, null);
    }

    static Conv2D conv(int filters, int kernel, Initializer kernelInit, boolean useBias) {
        return new Conv2D(filters, Size2.of(kernel), Size2.of(1), Padding.VALID, Size2.of(1), Activation.LINEAR, useBias,
                kernelInit, Initializer.ZEROS, null, null);
    }

    static MaxPooling2D maxPool(int pool) {
        return new MaxPooling2D(Size2.of(pool), null, Padding.VALID, null);
    }

    static Flatten flatten() {
        return new Flatten(null);
    }

    static Dense dense(int units, Activation activation) {
        return new Dense(units, activation, true, Initializer.GLOROT_UNIFORM, Initializer.ZEROS, null, null);
    }

    static Dense dense(int units, Activation activation, Initializer kernelInit, Regularizer regularizer) {
        return new Dense(units, activation, true, kernelInit, Initializer.ZEROS, regularizer, null);
    }

    static TrainingConfig training(OptimizerSpec optimizer, Loss loss) {
        return new TrainingConfig(1, optimizer, loss, TestSpecs.noCallbacks());
    }

    static dev.convlab.config.callbacks.CallbacksConfig noCallbacks() {
        return new dev.convlab.config.callbacks.CallbacksConfig(null, null, true, null, null, null,
                new dev.convlab.config.callbacks.BackupAndRestore("epoch", 2, true));
    }

    static Sgd sgd(double lr) {
        return new Sgd(lr, 0.0, false);
    }

    /** The tutorial's MNIST network: conv2d 8 3x3 relu, max_pooling2d 2, dense 10 softmax. */
    static ModelConfig mnist() {
        return layers(conv(8, 3, Activation.RELU), maxPool(2), dense(10, Activation.SOFTMAX));
    }
}

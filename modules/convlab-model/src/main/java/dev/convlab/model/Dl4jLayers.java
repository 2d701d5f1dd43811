package dev.convlab.model;

import dev.convlab.config.Activation;
import dev.convlab.config.Initializer;
import dev.convlab.config.Loss;
import dev.convlab.config.Padding;
import dev.convlab.config.Regularizer;
import dev.convlab.config.Size2;
import dev.convlab.config.layers.ActivationLayer;
import dev.convlab.config.layers.AveragePooling2D;
import dev.convlab.config.layers.BatchNormalization;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.Dropout;
import dev.convlab.config.layers.GlobalAveragePooling2D;
import dev.convlab.config.layers.GlobalMaxPooling2D;
import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.layers.MaxPooling2D;
import dev.convlab.config.layers.ZeroPadding2D;
import dev.convlab.model.init.Initializers;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.ZeroPaddingLayer;

/** One planned layer to its DL4J layer configuration. */
final class Dl4jLayers {
    private Dl4jLayers() {
    }

    static Layer of(PlannedLayer planned, boolean isOutput, Loss loss) {
        LayerSpec spec = planned.spec();
        String name = planned.name();
        if (spec instanceof Conv2D c) {
            ConvolutionLayer.Builder b = new ConvolutionLayer.Builder(c.kernelSize().height(), c.kernelSize().width())
                    .stride(c.strides().height(), c.strides().width())
                    .dilation(c.dilationRate().height(), c.dilationRate().width())
                    .convolutionMode(mode(c.padding()))
                    .nOut(c.filters())
                    .hasBias(c.useBias());
            return weighted(b, c.activation(), c.kernelInitializer(), c.biasInitializer(), c.kernelRegularizer(), name).build();
        } else if (spec instanceof MaxPooling2D p) {
            return pooling(SubsamplingLayer.PoolingType.MAX, p.poolSize(), p.effectiveStrides(), p.padding(), name);
        } else if (spec instanceof AveragePooling2D p) {
            return pooling(SubsamplingLayer.PoolingType.AVG, p.poolSize(), p.effectiveStrides(), p.padding(), name);
        } else if (spec instanceof GlobalAveragePooling2D) {
            return new GlobalPoolingLayer.Builder(PoolingType.AVG).name(name).build();
        } else if (spec instanceof GlobalMaxPooling2D) {
            return new GlobalPoolingLayer.Builder(PoolingType.MAX).name(name).build();
        } else if (spec instanceof ZeroPadding2D z) {
            return new ZeroPaddingLayer.Builder(z.padding().height(), z.padding().width()).name(name).build();
        } else if (spec instanceof BatchNormalization bn) {
            // DL4J's decay means what Keras's momentum means: moving = decay * moving + (1 - decay) * batch.
            // The moving variance is kept as log10(stddev), DL4J's default: useLogStd(false) would match Keras's
            // storage but does not survive a JSON round trip of a configuration that was never initialised
            // (DL4J's deserializer guesses the flag from the parameter names, which only init fills in).
            return new org.deeplearning4j.nn.conf.layers.BatchNormalization.Builder()
                    .decay(bn.momentum()).eps(bn.epsilon()).name(name).build();
        } else if (spec instanceof Dropout d) {
            return dropout(d, name);
        } else if (spec instanceof ActivationLayer a) {
            return new org.deeplearning4j.nn.conf.layers.ActivationLayer.Builder()
                    .activation(Activations.of(a.activation())).name(name).build();
        } else if (spec instanceof Dense d) {
            if (isOutput) {
                OutputLayer.Builder b = new OutputLayer.Builder().lossFunction(Losses.of(loss, d.units()))
                        .nOut(d.units()).hasBias(d.useBias());
                return weighted(b, d.activation(), d.kernelInitializer(), d.biasInitializer(), d.kernelRegularizer(), name).build();
            }
            DenseLayer.Builder b = new DenseLayer.Builder().nOut(d.units()).hasBias(d.useBias());
            return weighted(b, d.activation(), d.kernelInitializer(), d.biasInitializer(), d.kernelRegularizer(), name).build();
        }
        throw new IllegalStateException("no DL4J layer for " + spec.getClass().getSimpleName());
    }

    /** Keras's "rate" is the fraction dropped; DL4J's dropOut(p) takes the probability of keeping a value. */
    static double retainProbability(double kerasRate) {
        return 1.0 - kerasRate;
    }

    private static Layer dropout(Dropout d, String name) {
        DropoutLayer.Builder b = d.rate() > 0 ? new DropoutLayer.Builder(retainProbability(d.rate())) : new DropoutLayer.Builder();
        return b.name(name).build();
    }

    private static ConvolutionMode mode(Padding padding) {
        // Truncate is Keras's "valid" (floor); Same pads as TensorFlow does, the extra row/column going last.
        return padding == Padding.SAME ? ConvolutionMode.Same : ConvolutionMode.Truncate;
    }

    private static Layer pooling(SubsamplingLayer.PoolingType type, Size2 pool, Size2 strides,
                                 Padding padding, String name) {
        return new SubsamplingLayer.Builder(type, new int[] {pool.height(), pool.width()},
                new int[] {strides.height(), strides.width()})
                .convolutionMode(mode(padding))
                // TensorFlow's average pooling leaves the padding out of the count, as this does.
                .avgPoolIncludePadInDivisor(false)
                .name(name).build();
    }

    private static <B extends BaseLayer.Builder<B>> B weighted(B builder, Activation activation, Initializer kernel,
                                                               Initializer bias, Regularizer regularizer, String name) {
        builder.activation(Activations.of(activation))
                .weightInit(Initializers.kernel(kernel))
                // the plan has already refused random bias initialisers on layers that have a bias
                .biasInit(Initializers.biasConstant(bias).orElse(0.0))
                .name(name);
        if (regularizer != null) {
            builder.l1(Penalties.dl4jL1(regularizer.l1())).l2(Penalties.dl4jL2(regularizer.l2()));
        }
        return builder;
    }
}

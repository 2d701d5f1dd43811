package dev.convlab.model;

import dev.convlab.config.ImageShape;
import dev.convlab.config.Loss;
import dev.convlab.config.ModelConfig;
import dev.convlab.config.RunConfig;
import dev.convlab.config.TrainingConfig;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.model.TensorShape.Flat;
import dev.convlab.model.TensorShape.Maps;
import dev.convlab.model.optim.Optimizers;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The model module's entry point: plan a network from the config (shapes, names, parameters, errors at YAML
 * paths), then build the DL4J configuration for it (NCHW input, float32, seeded).
 */
public final class ModelFactory {
    private ModelFactory() {
    }

    /**
     * Works out every layer by Keras's rules. Throws {@link dev.convlab.config.ConfigProblem} naming the YAML path
     * of the first layer that cannot be built, or of an output layer that does not fit the loss or the classes.
     */
    public static ModelPlan plan(ModelConfig model, ImageShape input, int numClasses, Loss loss) {
        return ModelPlanner.plan(model, input, numClasses, loss, null);
    }

    public static ModelPlan plan(RunConfig run, int numClasses) {
        return plan(run, numClasses, null);
    }

    /**
     * The plan of a config with {@code model.base}: its first layers are {@code base}'s (null when the config has no
     * base). Throws {@link dev.convlab.config.ConfigProblem} at model.base for a layer the base does not have, a
     * base trained on other input shapes or a frozen output layer.
     */
    public static ModelPlan plan(RunConfig run, int numClasses, BaseModel base) {
        return ModelPlanner.plan(run.model(), run.data().inputShape(), numClasses, run.training().loss(), base);
    }

    public static MultiLayerConfiguration build(RunConfig run, int numClasses) {
        return build(plan(run, numClasses), run.training().optimizer(), run.seed());
    }

    public static MultiLayerConfiguration build(ModelConfig model, ImageShape input, int numClasses,
                                                TrainingConfig training, long seed) {
        return build(plan(model, input, numClasses, training.loss()), training.optimizer(), seed);
    }

    public static MultiLayerConfiguration build(ModelPlan plan, OptimizerSpec optimizer, long seed) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(Optimizers.toUpdater(optimizer))
                .list();
        ImageShape in = plan.input();
        TensorShape dl4jShape = new Maps(in.height(), in.width(), in.channels());
        PlannedLayer output = plan.output();
        for (int position = 0; position < plan.layers().size(); position++) {
            PlannedLayer layer = plan.layers().get(position);
            if (!layer.inDl4j()) {
                continue; // flatten: done below by the next layer's preprocessor
            }
            int index = layer.dl4jIndex();
            boolean wantsFlat = layer.input() instanceof Flat || layer.spec() instanceof Dense;
            if (wantsFlat && dl4jShape instanceof Maps m) {
                // Explicit, so that a batch_normalization or activation after flatten sees a vector, as in Keras,
                // and not the feature maps DL4J would otherwise hand it.
                list.inputPreProcessor(index, new CnnToFeedForwardPreProcessor(m.height(), m.width(), m.channels()));
            }
            Layer built = Dl4jLayers.of(layer, layer == output, plan.loss());
            if (plan.frozen(position)) {
                // DL4J's transfer-learning wrapper: no updates, always run as at inference, no backprop below it
                FrozenLayer frozen = new FrozenLayer(built);
                frozen.setLayerName(built.getLayerName());
                built = frozen;
            }
            list.layer(index, built);
            dl4jShape = layer.output();
        }
        return list.setInputType(InputType.convolutional(in.height(), in.width(), in.channels())).build();
    }

    /**
     * The network of a plan: freshly initialised, then, for a plan with a base, the kept layers take the base
     * network's weights (batch normalisation's moving statistics included).
     *
     * @param base the plan's base model (its network), or null when the plan has none
     */
    public static MultiLayerNetwork network(ModelPlan plan, OptimizerSpec optimizer, long seed, BaseModel base) {
        MultiLayerNetwork network = network(build(plan, optimizer, seed));
        if (plan.transfer() != null) {
            if (base == null) {
                throw new IllegalArgumentException("the plan starts from " + plan.transfer().from()
                        + ": pass its BaseModel");
            }
            BaseWeights.copy(plan, base.network(), network);
        }
        return network;
    }

    /** A network with freshly initialised weights (ND4J's generator is seeded from the configuration). */
    public static MultiLayerNetwork network(MultiLayerConfiguration configuration) {
        MultiLayerNetwork network = new MultiLayerNetwork(configuration);
        network.init();
        return network;
    }
}

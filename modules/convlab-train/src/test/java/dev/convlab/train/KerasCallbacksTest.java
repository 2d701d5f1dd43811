package dev.convlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.callbacks.CosineDecay;
import dev.convlab.config.callbacks.EarlyStopping;
import dev.convlab.config.callbacks.ExponentialDecay;
import dev.convlab.config.callbacks.Mode;
import dev.convlab.config.callbacks.ReduceLrOnPlateau;
import dev.convlab.config.callbacks.StepDecay;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The callbacks' decisions against sequences worked by hand from Keras 2.13's source (callbacks.py:
 * EarlyStopping.on_epoch_end, ReduceLROnPlateau.on_epoch_end) and the schedules' formulas, plus the start-up
 * checks of monitors and checkpoint file names.
 */
class KerasCallbacksTest {

    /** The epoch (1-based) at which EarlyStopping stops on these values, or 0 if it never does. */
    private static int stopsAt(EarlyStopping config, double... values) {
        EarlyStopper stopper = new EarlyStopper(config, Monitor.of(config.monitor(), config.mode(),
                Monitor.available(true), "es"));
        MultiLayerNetwork net = tinyNet();
        for (int e = 1; e <= values.length; e++) {
            if (stopper.onEpochEnd(e, Map.of(config.monitor(), values[e - 1]), net)) {
                return e;
            }
        }
        return 0;
    }

    private static EarlyStopping early(String monitor, double minDelta, int patience, Double baseline, int start) {
        return new EarlyStopping(monitor, minDelta, patience, Mode.AUTO, baseline, true, start);
    }

    @Test
    void earlyStoppingStopsWhereKerasDoes() {
        // max: best .7 at epoch 2; epochs 3 and 4 do not improve; wait reaches patience 2 at epoch 4
        assertEquals(4, stopsAt(early("val_accuracy", 0, 2, null, 0), 0.5, 0.7, 0.6, 0.65, 0.8));
        // min with min_delta 0.1: 0.95 is not 0.1 better than 1.0
        assertEquals(2, stopsAt(early("val_loss", 0.1, 1, null, 0), 1.0, 0.95, 0.85));
        // patience 0 still never stops after the first epoch (Keras: "epoch > 0")
        assertEquals(2, stopsAt(early("val_loss", 0, 0, null, 0), 1.0, 1.1));
        // a baseline never beaten: improvements do not reset the count
        assertEquals(2, stopsAt(early("val_accuracy", 0, 2, 0.9, 0), 0.5, 0.4, 0.3));
        // ... but Keras returns on an improvement before checking patience, so rising values never stop it
        assertEquals(0, stopsAt(early("val_accuracy", 0, 2, 0.9, 0), 0.5, 0.6, 0.7, 0.8));
        // start_from_epoch 2: epochs 1 and 2 are ignored (Keras's epoch < 2)
        assertEquals(4, stopsAt(early("val_loss", 0, 1, null, 2), 0.1, 0.1, 1.0, 2.0));
    }

    @Test
    void restoreBestWeightsGivesTheBestEpochsWeightsAndSurvivesItsState() {
        EarlyStopping config = early("val_accuracy", 0, 10, null, 0);
        Monitor monitor = Monitor.of("val_accuracy", Mode.AUTO, Monitor.available(true), "es");
        EarlyStopper stopper = new EarlyStopper(config, monitor);
        MultiLayerNetwork net = tinyNet();
        double[] values = {0.2, 0.9, 0.5, 0.4};
        for (int e = 1; e <= 2; e++) {
            net.setParams(Nd4j.valueArrayOf(net.numParams(), (float) e));
            stopper.onEpochEnd(e, Map.of("val_accuracy", values[e - 1]), net);
        }
        // a resume: a new stopper from the saved state and weights
        EarlyStopper resumed = new EarlyStopper(config, monitor);
        resumed.restore(stopper.state(), stopper.bestWeights());
        for (int e = 3; e <= 4; e++) {
            net.setParams(Nd4j.valueArrayOf(net.numParams(), (float) e));
            resumed.onEpochEnd(e, Map.of("val_accuracy", values[e - 1]), net);
        }
        assertEquals(2, resumed.restoreBest(net));
        assertEquals(2f, net.params().getFloat(0), 0f);
        assertEquals(2, ((Number) resumed.state().get("wait")).intValue(), "patience count continued");
    }

    @Test
    void reduceLrOnPlateauFollowsKerasWithCooldown() {
        ReduceLrOnPlateau config = new ReduceLrOnPlateau("val_loss", 0.5, 2, Mode.AUTO, 0.0, 1, 0.0);
        PlateauReducer reducer = new PlateauReducer(config, Monitor.of("val_loss", Mode.AUTO,
                Monitor.available(true), "r"));
        double lr = 1.0;
        List<Double> rates = new ArrayList<>();
        for (double v : new double[] {1.0, 1.0, 1.0, 1.0, 1.0, 0.5}) {
            lr = reducer.onEpochEnd(Map.of("val_loss", v), lr);
            rates.add(lr);
        }
        assertEquals(List.of(1.0, 1.0, 0.5, 0.5, 0.25, 0.25), rates);
        ReduceLrOnPlateau floor = new ReduceLrOnPlateau("val_loss", 0.1, 0, Mode.AUTO, 0.0, 0, 0.05);
        PlateauReducer r2 = new PlateauReducer(floor, Monitor.of("val_loss", Mode.AUTO, Monitor.available(true), "r"));
        assertEquals(0.1, r2.onEpochEnd(Map.of("val_loss", 1.0), 0.1), 0.0, "first epoch improves on nothing");
        assertEquals(0.05, r2.onEpochEnd(Map.of("val_loss", 1.0), 0.1), 1e-15, "min_lr is the floor");
        assertEquals(0.05, r2.onEpochEnd(Map.of("val_loss", 1.0), 0.05), 0.0, "never below min_lr");
    }

    @Test
    void schedulesMatchTheirFormulas() {
        StepDecay step = new StepDecay(2, 0.1);
        double[] expected = {0.1, 0.1, 0.01, 0.01, 0.001};
        for (int e = 0; e < 5; e++) {
            assertEquals(expected[e], step.rate(0.1, e, 5), 1e-15);
        }
        assertEquals(0.25, new ExponentialDecay(0.5).rate(1.0, 2, 5), 0.0);
        CosineDecay cosine = new CosineDecay(4, 0.0);
        double[] cos = {1.0, (1 + Math.sqrt(0.5)) / 2, 0.5, (1 - Math.sqrt(0.5)) / 2, 0.0};
        for (int e = 0; e < 5; e++) {
            assertEquals(cos[e], cosine.rate(1.0, e, 99), 1e-12, "epoch " + e);
        }
        assertEquals(0.5, new CosineDecay(null, 0.0).rate(1.0, 5, 10), 1e-12, "t_max defaults to the epochs");
    }

    @Test
    void checkpointNamesFormatLikePython() {
        FilepathTemplate t = new FilepathTemplate("ckpt-{epoch:02d}-{val_accuracy:.4f}-{loss:.3e}-{iteration}.zip",
                Monitor.available(true), "fp");
        // Python: "ckpt-{epoch:02d}-{val_accuracy:.4f}-{loss:.3e}-{iteration}.zip".format(epoch=3,
        //   val_accuracy=0.825, loss=0.0123, iteration=120)
        assertEquals("ckpt-03-0.8250-1.230e-02-120.zip", t.format(Map.of("epoch", 3.0, "val_accuracy", 0.825,
                "loss", 0.0123, "iteration", 120.0)));
        ConfigProblem unknown = assertThrows(ConfigProblem.class,
                () -> new FilepathTemplate("m-{val_acc:.2f}.zip", Monitor.available(true), "fp"));
        assertTrue(unknown.getMessage().contains("{val_acc}") && unknown.fix().contains("val_accuracy"),
                unknown.oneLine());
    }

    @Test
    void monitorsAreCheckedAtStartUp() {
        ConfigProblem typo = assertThrows(ConfigProblem.class,
                () -> Monitor.of("val_acc", Mode.AUTO, Monitor.available(true), "training.callbacks.early_stopping"));
        assertEquals("training.callbacks.early_stopping.monitor", typo.yamlPath());
        assertTrue(typo.fix().contains("loss, accuracy, val_loss, val_accuracy, lr"), typo.fix());
        ConfigProblem noValidation = assertThrows(ConfigProblem.class,
                () -> Monitor.of("val_loss", Mode.AUTO, Monitor.available(false), "x"));
        assertTrue(noValidation.getMessage().contains("needs validation data"), noValidation.getMessage());
        ConfigProblem direction = assertThrows(ConfigProblem.class,
                () -> Monitor.of("lr", Mode.AUTO, Monitor.available(true), "x"));
        assertEquals("x.mode", direction.yamlPath());
        assertTrue(Monitor.of("lr", Mode.MIN, Monitor.available(true), "x") != null);
        assertTrue(Monitor.of("val_accuracy", Mode.AUTO, Monitor.available(true), "x").higherIsBetter());
        assertTrue(!Monitor.of("val_loss", Mode.AUTO, Monitor.available(true), "x").higherIsBetter());
    }

    private static MultiLayerNetwork tinyNet() {
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(3).nOut(2)
                        .activation(Activation.SOFTMAX).build()).build());
        net.init();
        return net;
    }
}

package dev.convlab.train;

import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.BaseTrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Training accuracy as Keras reports it: counted on the training forward pass itself, not on a second pass.
 * MultiLayerNetwork hands listeners the activations up to the layer before the output, so the output layer (a
 * small dense layer) is applied here to the captured input.
 */
final class RunningAccuracy extends BaseTrainingListener {
    private INDArray labels;
    private long correct;
    private long seen;

    void nextBatch(INDArray batchLabels) {
        this.labels = batchLabels;
    }

    void reset() {
        correct = 0;
        seen = 0;
    }

    void restore(long correct, long seen) {
        this.correct = correct;
        this.seen = seen;
    }

    long correct() {
        return correct;
    }

    long seen() {
        return seen;
    }

    double value() {
        return seen == 0 ? Double.NaN : (double) correct / seen;
    }

    @Override
    public void onForwardPass(Model model, List<INDArray> activations) {
        if (labels == null || !(model instanceof MultiLayerNetwork net) || activations.isEmpty()) {
            return;
        }
        int last = net.getnLayers() - 1;
        INDArray x = activations.get(activations.size() - 1);
        InputPreProcessor pre = net.getLayerWiseConfigurations().getInputPreProcess(last);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        if (pre != null) {
            x = pre.preProcess(x, (int) x.size(0), mgr);
        }
        Layer output = net.getLayer(last);
        // the network sets the output layer's input again after the listeners run, so this call is safe
        INDArray probabilities = output.activate(x, false, mgr);
        count(probabilities, labels);
        labels = null;
    }

    private void count(INDArray out, INDArray target) {
        long n = out.size(0);
        if (out.size(1) == 1) {
            for (long i = 0; i < n; i++) {
                boolean predicted = out.getDouble(i, 0) >= 0.5;
                boolean actual = target.getDouble(i, 0) >= 0.5;
                correct += predicted == actual ? 1 : 0;
            }
        } else {
            INDArray p = out.argMax(1);
            INDArray t = target.argMax(1);
            correct += p.eq(t).castTo(org.nd4j.linalg.api.buffer.DataType.INT).sumNumber().longValue();
        }
        seen += n;
    }
}

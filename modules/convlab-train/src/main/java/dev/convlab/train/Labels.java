package dev.convlab.train;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * Class names, and how labels reach the network: one-hot as the data module gives them, or, for a binary model
 * with one sigmoid output (Keras's cats-vs-dogs head), the single column of the second class.
 */
public record Labels(List<String> names, boolean binary) {

    public DataSet adapt(DataSet batch) {
        if (!binary) {
            return batch;
        }
        INDArray oneHot = batch.getLabels();
        if (oneHot.size(1) == 1) {
            return batch;
        }
        INDArray single = oneHot.getColumn(1).reshape(oneHot.size(0), 1);
        return new DataSet(batch.getFeatures(), single);
    }
}

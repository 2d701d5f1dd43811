package dev.convlab.model;

import dev.convlab.config.layers.BatchNormalization;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.LayerSpec;
import dev.convlab.model.TensorShape.Maps;

/** Parameter counts as Keras reports them: batch normalization's moving mean and variance are non-trainable. */
record LayerParams(long trainable, long nonTrainable) {
    static final LayerParams NONE = new LayerParams(0, 0);

    static LayerParams of(LayerSpec spec, TensorShape in) {
        if (spec instanceof Conv2D c) {
            Maps m = (Maps) in;
            long kernel = (long) c.kernelSize().height() * c.kernelSize().width() * m.channels() * c.filters();
            return new LayerParams(kernel + (c.useBias() ? c.filters() : 0), 0);
        } else if (spec instanceof Dense d) {
            return new LayerParams(in.size() * d.units() + (d.useBias() ? d.units() : 0), 0);
        } else if (spec instanceof BatchNormalization) {
            long features = in instanceof Maps m ? m.channels() : in.size();
            return new LayerParams(2 * features, 2 * features); // gamma, beta | moving mean, moving variance
        }
        return NONE;
    }
}

package dev.convlab.model;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.Padding;
import dev.convlab.config.Size2;
import dev.convlab.config.layers.AveragePooling2D;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dense;
import dev.convlab.config.layers.Flatten;
import dev.convlab.config.layers.GlobalAveragePooling2D;
import dev.convlab.config.layers.GlobalMaxPooling2D;
import dev.convlab.config.layers.LayerSpec;
import dev.convlab.config.layers.MaxPooling2D;
import dev.convlab.config.layers.ZeroPadding2D;
import dev.convlab.config.schema.Names;
import dev.convlab.model.TensorShape.Flat;
import dev.convlab.model.TensorShape.Maps;

/**
 * The output shape of each layer type, by Keras's rules, computed before DL4J is asked so that a layer that cannot
 * work (a kernel larger than its input, a convolution after flatten) is reported at its YAML path.
 */
final class LayerShapes {
    private LayerShapes() {
    }

    static TensorShape output(SourcedLayer layer, TensorShape in) {
        LayerSpec spec = layer.spec();
        if (spec instanceof Conv2D c) {
            return window(layer, in, "kernel_size", c.kernelSize(), c.strides(), c.dilationRate(), c.padding(), c.filters());
        } else if (spec instanceof MaxPooling2D p) {
            return window(layer, in, "pool_size", p.poolSize(), p.effectiveStrides(), Size2.of(1), p.padding(), -1);
        } else if (spec instanceof AveragePooling2D p) {
            return window(layer, in, "pool_size", p.poolSize(), p.effectiveStrides(), Size2.of(1), p.padding(), -1);
        } else if (spec instanceof GlobalAveragePooling2D || spec instanceof GlobalMaxPooling2D) {
            return new Flat(maps(layer, in).channels());
        } else if (spec instanceof ZeroPadding2D z) {
            Maps m = maps(layer, in);
            return new Maps(m.height() + 2 * z.padding().height(), m.width() + 2 * z.padding().width(), m.channels());
        } else if (spec instanceof Flatten) {
            return new Flat(Math.toIntExact(in.size()));
        } else if (spec instanceof Dense d) {
            // Keras would apply a Dense to the last axis of feature maps; convlab (like DL4J) flattens them first.
            return new Flat(d.units());
        }
        return in; // batch_normalization, dropout, activation keep their input's shape
    }

    /** Convolution and pooling: a kernel slid over the maps; channels == -1 keeps the input's channels. */
    private static Maps window(SourcedLayer layer, TensorShape in, String kernelKey, Size2 kernel, Size2 strides,
                               Size2 dilation, Padding padding, int channels) {
        Maps m = maps(layer, in);
        int outChannels = channels < 0 ? m.channels() : channels;
        if (padding == Padding.SAME) {
            return new Maps(Geometry.same(m.height(), strides.height()), Geometry.same(m.width(), strides.width()), outChannels);
        }
        int h = Geometry.valid(m.height(), kernel.height(), strides.height(), dilation.height());
        int w = Geometry.valid(m.width(), kernel.width(), strides.width(), dilation.width());
        if (h == 0 || w == 0) {
            String size = kernel.height() + "x" + kernel.width();
            String spans = dilation.height() == 1 && dilation.width() == 1 ? size + " is"
                    : size + " with dilation_rate " + dilation + " spans "
                    + Geometry.span(kernel.height(), dilation.height()) + "x" + Geometry.span(kernel.width(), dilation.width()) + ",";
            throw new ConfigProblem(layer.origin().key(kernelKey), spans + " larger than its " + m + " input",
                    "use a " + kernelKey + " of at most " + m.height() + "x" + m.width()
                            + ", padding: same, or less downsampling before this layer");
        }
        return new Maps(h, w, outChannels);
    }

    private static Maps maps(SourcedLayer layer, TensorShape in) {
        if (in instanceof Maps m) {
            return m;
        }
        String type = Names.of(layer.spec().getClass());
        throw new ConfigProblem(layer.origin().path(),
                type + " needs feature maps (height x width x channels), but its input is a flat vector of " + in.size()
                        + " values", "move it before the first flatten, global pooling or dense layer");
    }
}

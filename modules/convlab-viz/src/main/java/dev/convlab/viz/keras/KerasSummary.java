package dev.convlab.viz.keras;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * An imported model's layers as Keras's {@code model.summary()} lists them: name, Keras class, output shape (in
 * the model's own axis order: (None, 224, 224, 64) for channels_last) and parameter count, the parameters counted
 * from the DL4J configuration the import built (so a summary needs no weights).
 *
 * @param name the model's name
 * @param rows one per Keras layer, in order
 */
public record KerasSummary(String name, List<Row> rows) {

    /** One layer. */
    public record Row(String layer, String kerasClass, String outputShape, long params) {
    }

    public KerasSummary {
        rows = List.copyOf(rows);
    }

    static KerasSummary of(String name, List<String> layerNames, Map<String, String> classes,
                           Map<String, InputType> outputTypes, MultiLayerConfiguration conf) {
        Map<String, Long> params = new HashMap<>();
        for (NeuralNetConfiguration c : conf.getConfs()) {
            params.merge(c.getLayer().getLayerName(), c.getLayer().initializer().numParams(c), Long::sum);
        }
        List<Row> rows = new ArrayList<>();
        for (String layer : layerNames) {
            rows.add(new Row(layer, classes.getOrDefault(layer, "?"), shape(outputTypes.get(layer)),
                    params.getOrDefault(layer, 0L)));
        }
        return new KerasSummary(name, rows);
    }

    public long totalParams() {
        return rows.stream().mapToLong(Row::params).sum();
    }

    /** As Keras prints it, with {@code Total params: 138,357,544} on its own line. */
    public String text() {
        String rule = "_".repeat(65);
        StringBuilder s = new StringBuilder();
        s.append("Model: \"").append(name).append("\"\n").append(rule).append('\n');
        s.append(String.format(Locale.ROOT, "%-29s%-26s%s%n", "Layer (type)", "Output Shape", "Param #"));
        s.append("=".repeat(65)).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            s.append(String.format(Locale.ROOT, "%-29s%-26s%,d%n", r.layer() + " (" + r.kerasClass() + ")",
                    r.outputShape(), r.params()));
            s.append(i == rows.size() - 1 ? "=".repeat(65) : rule).append('\n');
        }
        s.append(String.format(Locale.ROOT, "Total params: %,d%n", totalParams()));
        s.append(rule).append('\n');
        return s.toString();
    }

    private static String shape(InputType type) {
        if (type instanceof InputType.InputTypeConvolutional c) {
            return c.getFormat() == CNN2DFormat.NHWC
                    ? "(None, " + c.getHeight() + ", " + c.getWidth() + ", " + c.getChannels() + ")"
                    : "(None, " + c.getChannels() + ", " + c.getHeight() + ", " + c.getWidth() + ")";
        }
        if (type instanceof InputType.InputTypeFeedForward f) {
            return "(None, " + f.getSize() + ")";
        }
        return type == null ? "?" : type.toString();
    }
}

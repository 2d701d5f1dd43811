package dev.convlab.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value written in YAML's flow form reads back as the same value, whatever it looks like. */
class PlainValuesTest {
    @TempDir
    Path dir;

    @Test
    void flowFormIsOneLineOfYaml() {
        assertEquals("16", PlainValues.flow(16));
        assertEquals("0.001", PlainValues.flow(0.001));
        assertEquals("sgd", PlainValues.flow("sgd"));
        assertEquals("null", PlainValues.flow(null));
        assertEquals("[1, 2]", PlainValues.flow(List.of(1, 2)));
        Map<String, Object> adam = new LinkedHashMap<>();
        adam.put("type", "adam");
        adam.put("learning_rate", 0.01);
        assertEquals("{type: adam, learning_rate: 0.01}", PlainValues.flow(adam));
        assertEquals("training.optimizer={type: adam, learning_rate: 0.01}", PlainValues.assignment("training.optimizer", adam));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("model.layers[4].dropout.rate", 1.5);
        params.put("training.optimizer", "sgd");
        assertEquals("{model.layers[4].dropout.rate: 1.5, training.optimizer: sgd}", PlainValues.describe(params));
    }

    @Test
    void everyKindOfValueReadsBackAsItself() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("type", "sgd");
        nested.put("momentum", 0.9);
        nested.put("list", List.of(1, "two", 3.5));
        List<Object> values = new ArrayList<>(Arrays.asList(16, 3_000_000_000L, -1, 0.001, 1.0e-4, 2.5e20, 0.1 + 0.2,
                "sgd", "1e-3", "true", "null", "", "a: b", "[x]", "x, y", "#c", "it's", true, false, null, nested,
                List.of(), Map.of()));
        // each value alone after "key: ", as --set path=value reads it (a flow list around it would change the rules)
        StringBuilder sweep = new StringBuilder("name: t\nbase: ../mnist-cnn.yaml\ngrid: {seed: [1]}\nset:\n");
        for (int i = 0; i < values.size(); i++) {
            sweep.append("  v").append(i).append(": ").append(PlainValues.flow(values.get(i))).append('\n');
        }
        SweepSpec spec = SweepLoader.load(SweepFiles.write(dir, sweep.toString())).spec();
        for (int i = 0; i < values.size(); i++) {
            Object back = spec.set().get("v" + i);
            assertEquals(values.get(i), back, i + ": " + PlainValues.flow(values.get(i)));
            if (!(back instanceof List || back instanceof Map)) {
                assertEquals(values.get(i) == null ? null : values.get(i).getClass(), back == null ? null : back.getClass(),
                        "the same type: " + values.get(i));
            }
        }
    }
}

package dev.convlab.config.schema;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.convlab.config.RunConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Hand-written configs, in YAML as a person writes them, against the generated schema (run by MiniValidator). */
class SchemaValidationTest {
    private static final MiniValidator SCHEMA = new MiniValidator(SchemaGenerator.schema(RunConfig.class));
    private static final String BASE = """
            name: fashion-cnn
            data: {dataset: fashion-mnist, batch_size: 64}
            model:
              layers:
                - conv2d: {filters: 32, kernel_size: 3, padding: same, activation: relu}
                - max_pooling2d: {pool_size: [2, 2]}
                - flatten: {}
                - dropout: {rate: 0.5}
                - dense: {units: 10, activation: softmax, kernel_regularizer: {l2: 0.0001}}
            training:
              epochs: 2
              optimizer: {type: adam, learning_rate: 0.001}
            """;

    @Test
    void acceptsWellFormedConfigs() {
        assertAll(
                accepted(BASE),
                accepted(variant("optimizer: {type: adam, learning_rate: 0.001}", "optimizer: sgd")),
                accepted(variant("optimizer: {type: adam, learning_rate: 0.001}", "optimizer: {type: sgd, momentum: 0.9, nesterov: true}")),
                accepted(variant("kernel_size: 3", "kernel_size: [3, 5]")),
                accepted(variant("batch_size: 64", "batch_size: 64, validation_split: 0")),
                accepted(variant("epochs: 2\n", "")),
                accepted("name: vgg\ndata: {dataset: mnist}\nmodel: {vgg: {blocks: [{filters: 64, convs: 2}], dense: [256]}}\n"));
    }

    @Test
    void rejectsMistakes() {
        assertAll(
                rejected(BASE.replace("name: fashion-cnn\n", "")),
                rejected(BASE + "epochs: 3\n"),
                rejected(variant("batch_size: 64", "batchsize: 64")),
                rejected(variant("batch_size: 64", "batch_size: 6.5")),
                rejected(variant("dataset: fashion-mnist", "dataset: cifar10")),
                rejected(variant("filters: 32, kernel_size: 3", "filters: 32")),
                rejected(variant("kernel_size: 3", "kernel_size: [3]")),
                rejected(variant("kernel_size: 3", "kernel_size: [3, 3, 3]")),
                rejected(variant("kernel_size: 3", "kernel_size: 0")),
                rejected(variant("padding: same", "padding: full")),
                rejected(variant("- flatten: {}", "- {flatten: {}, dropout: {rate: 0.5}}")),
                rejected(variant("- flatten: {}", "- conv3d: {filters: 1}")),
                rejected(variant("- flatten: {}", "- flatten")),
                rejected(variant("optimizer: {type: adam, learning_rate: 0.001}", "optimizer: adamw")),
                rejected(variant("optimizer: {type: adam, learning_rate: 0.001}", "optimizer: {type: adam, momentum: 0.9}")),
                rejected(variant("optimizer: {type: adam, learning_rate: 0.001}", "optimizer: {learning_rate: 0.1}")));
    }

    @Test
    void theValidatorItselfSeesTheFirstError() {
        List<String> errors = SCHEMA.errors(yaml(variant("batch_size: 64", "batchsize: 64")));
        assertEquals(List.of("$.data has unknown key batchsize"), errors);
    }

    private static Executable accepted(String config) {
        return () -> assertEquals(List.of(), SCHEMA.errors(yaml(config)), config);
    }

    private static Executable rejected(String config) {
        return () -> assertFalse(SCHEMA.errors(yaml(config)).isEmpty(), "accepted:\n" + config);
    }

    private static String variant(String from, String to) {
        assertTrue(BASE.contains(from), from);
        return BASE.replace(from, to);
    }

    private static JsonNode yaml(String text) {
        Object value = new Load(LoadSettings.builder().build()).loadFromString(text);
        assertTrue(value instanceof Map<?, ?>, text);
        return new ObjectMapper().valueToTree(value);
    }
}

package dev.convlab.config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.BackendKind;
import dev.convlab.config.ConfigProblem;
import dev.convlab.config.DatasetKind;
import dev.convlab.config.Padding;
import dev.convlab.config.RunConfig;
import dev.convlab.config.Size2;
import dev.convlab.config.layers.Conv2D;
import dev.convlab.config.layers.Dropout;
import dev.convlab.config.layers.Flatten;
import dev.convlab.config.optim.Adam;
import dev.convlab.config.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    static final String BASE = """
            name: t
            data:
              dataset: fashion-mnist
            model:
              layers:
                - conv2d: {filters: 8, kernel_size: 3}
                - max_pooling2d: {}
                - flatten
                - dense: {units: 10, activation: softmax}
            """;

    static RunConfig load(String yaml, String... sets) {
        return ConfigLoader.load(yaml, "t.yaml", List.of(sets)).config();
    }

    static ConfigError fail(String yaml, String... sets) {
        return assertThrows(ConfigError.class, () -> ConfigLoader.load(yaml, "t.yaml", List.of(sets)));
    }

    @Test
    void defaultsAreFilledAsKerasWould() {
        RunConfig c = load(BASE);
        assertEquals(42L, c.seed());
        assertEquals(BackendKind.AUTO, c.backend());
        assertEquals(DatasetKind.FASHION_MNIST, c.data().dataset());
        assertEquals(32, c.data().batchSize());
        Conv2D conv = (Conv2D) c.model().layers().get(0);
        assertEquals(Size2.of(3), conv.kernelSize());
        assertEquals(Size2.of(1), conv.strides());
        assertEquals(Padding.VALID, conv.padding());
        assertInstanceOf(Flatten.class, c.model().layers().get(2));
        Adam adam = assertInstanceOf(Adam.class, c.training().optimizer());
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(10, c.training().epochs());
    }

    @Test
    void unknownKeySuggestsTheNearestAndNamesLineAndColumn() {
        ConfigError e = fail(BASE.replace("{filters: 8, kernel_size: 3}", "{filters: 8, kernal_size: 3}"));
        assertEquals("t.yaml:6:28 model.layers[0].conv2d.kernal_size: unknown key 'kernal_size' in "
                + "model.layers[0].conv2d (did you mean 'kernel_size'?)", e.oneLine());
    }

    @Test
    void wrongTypeIsNamed() {
        ConfigError e = fail(BASE.replace("filters: 8", "filters: eight"));
        assertEquals("model.layers[0].conv2d.filters", e.yamlPath());
        assertEquals(6, e.location().line());
        assertTrue(e.why().contains("expected a whole number, found text 'eight'"), e.why());
        ConfigError f = fail(BASE.replace("filters: 8", "filters: 8.5"));
        assertTrue(f.why().contains("expected a whole number, found number '8.5'"), f.why());
    }

    @Test
    void missingRequiredKeyIsNamed() {
        ConfigError e = fail(BASE.replace("{filters: 8, kernel_size: 3}", "{filters: 8}"));
        assertEquals("model.layers[0].conv2d.kernel_size", e.yamlPath());
        assertTrue(e.why().contains("required key 'kernel_size' is missing"), e.why());
    }

    @Test
    void ruleBrokenInConstructorPointsAtTheValue() {
        ConfigError e = fail(BASE.replace("filters: 8", "filters: 0"));
        assertEquals("t.yaml:6:25 model.layers[0].conv2d.filters: 0: 0 must be a positive whole number "
                + "(use a value of 1 or more)", e.oneLine());
    }

    @Test
    void globalTagsAreRefused() {
        ConfigError e = fail("name: !!python/object/apply:os.system [ls]\n" + BASE.substring(BASE.indexOf('\n') + 1));
        assertTrue(e.why().contains("tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed"), e.why());
        assertEquals(1, e.location().line());
        ConfigError java = fail(BASE + "seed: !<tag:java.lang.Runtime> 1\n");
        assertTrue(java.why().contains("is not allowed"), java.why());
    }

    @Test
    void duplicateKeysAreRefused() {
        ConfigError e = fail(BASE + "name: other\n");
        assertTrue(e.why().contains("the key 'name' appears twice"), e.why());
        assertEquals(10, e.location().line());
    }

    @Test
    void aliasBombIsRefused() {
        StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [*").append(prev).append(", *").append(prev).append(", *")
                    .append(prev).append(", *").append(prev).append(", *").append(prev).append(", *").append(prev)
                    .append(", *").append(prev).append(", *").append(prev).append(", *").append(prev).append("]\n");
            prev = c;
        }
        ConfigError e = fail(yaml.toString());
        assertTrue(e.why().toLowerCase().contains("alias"), e.why());
    }

    @Test
    void unknownEnumValueAndLayerSuggest() {
        ConfigError pad = fail(BASE.replace("kernel_size: 3}", "kernel_size: 3, padding: sam}"));
        assertTrue(pad.oneLine().contains("did you mean 'same'?"), pad.oneLine());
        ConfigError layer = fail(BASE.replace("- max_pooling2d: {}", "- maxpooling2d: {}"));
        assertTrue(layer.oneLine().contains("unknown layer 'maxpooling2d' (did you mean 'max_pooling2d'?)"),
                layer.oneLine());
    }

    @Test
    void optimizerByNameOrMapping() {
        Sgd sgd = (Sgd) load(BASE + "training: {optimizer: {type: sgd, momentum: 0.9, nesterov: true}}\n")
                .training().optimizer();
        assertEquals(0.01, sgd.learningRate());
        assertEquals(0.9, sgd.momentum());
        assertTrue(sgd.nesterov());
        assertInstanceOf(Sgd.class, load(BASE + "training: {optimizer: sgd}\n").training().optimizer());
        ConfigError e = fail(BASE + "training: {optimizer: {type: adam, momentum: 0.9}}\n");
        assertEquals("training.optimizer.momentum", e.yamlPath());
    }

    @Test
    void setOverridesAnyValueAndIsCheckedTheSameWay() {
        RunConfig c = load(BASE, "data.batch_size=64", "model.layers[0].conv2d.filters=16",
                "training.optimizer={type: sgd, momentum: 0.5}", "seed=7");
        assertEquals(64, c.data().batchSize());
        assertEquals(16, ((Conv2D) c.model().layers().get(0)).filters());
        assertEquals(0.5, ((Sgd) c.training().optimizer()).momentum());
        assertEquals(7L, c.seed());
        ConfigError e = fail(BASE, "data.batch_size=-1");
        assertEquals("--set data.batch_size=-1 data.batch_size: -1: -1 must be a positive whole number "
                + "(use a value of 1 or more)", e.oneLine());
        ConfigError index = fail(BASE, "model.layers[9].dropout.rate=0.5");
        assertTrue(index.why().contains("no item 9"), index.why());
    }

    @Test
    void resolvedYamlLoadsToTheSameRecords() {
        LoadedConfig loaded = ConfigLoader.load(BASE + "  \n", "t.yaml", List.of());
        String resolved = loaded.resolvedYaml();
        assertTrue(resolved.contains("kernel_initializer: glorot_uniform"), resolved);
        RunConfig again = ConfigLoader.load(resolved, "resolved.yaml", List.of()).config();
        assertEquals(loaded.config(), again);
        assertEquals(loaded.hash(), ConfigLoader.load(resolved, "r", List.of()).hash());
    }

    @Test
    void laterProblemsAreLocatedAtTheirLine() {
        LoadedConfig loaded = ConfigLoader.load(BASE, "t.yaml", List.of());
        ConfigError e = loaded.locate(new ConfigProblem("model.layers[0].conv2d.kernel_size", "too big", "smaller"));
        assertEquals(6, e.location().line());
        ConfigError dflt = loaded.locate(new ConfigProblem("model.layers[0].conv2d.strides", "x", null));
        assertEquals(6, dflt.location().line());
    }

    @Test
    void dropoutRateIsKerasMeaning() {
        RunConfig c = load(BASE.replace("- flatten", "- dropout: {rate: 0.25}"));
        assertEquals(0.25, ((Dropout) c.model().layers().get(2)).rate());
        ConfigError e = fail(BASE.replace("- flatten", "- dropout: {rate: 1.5}"));
        assertEquals("model.layers[2].dropout.rate", e.yamlPath());
    }

    @Test
    void syntaxErrorsAreLocated() {
        ConfigError e = fail("name: t\ndata: {dataset: mnist\n");
        assertTrue(e.why().startsWith("YAML syntax"), e.why());
        assertTrue(e.location().line() >= 2, e.oneLine());
    }
}

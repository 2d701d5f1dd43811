package dev.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.convlab.config.ConfigProblem;
import dev.convlab.config.yaml.ConfigError;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.config.yaml.LoadedConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The repository's example configs, loaded from YAML, plan as their comments say; problems land on their line. */
class ExampleConfigsTest {
    private static final Path CONFIGS = Path.of("../../configs");

    @Test
    void mnistCnn() {
        LoadedConfig loaded = ConfigLoader.load(CONFIGS.resolve("mnist-cnn.yaml"), List.of());
        ModelPlan plan = ModelFactory.plan(loaded.config(), 10);
        assertEquals(List.of("26x26x8", "13x13x8", "1352", "10"), plan.layers().stream().map(l -> l.output().toString()).toList());
        assertEquals(80 + 13_530, plan.totalParams());
        ModelFactory.build(loaded.config(), 10); // builds with its SGD-momentum updater
    }

    @Test
    void vgg16() {
        LoadedConfig loaded = ConfigLoader.load(CONFIGS.resolve("vgg16.yaml"), List.of());
        assertEquals(138_357_544L, ModelFactory.plan(loaded.config(), 1000).totalParams());
    }

    @Test
    void aProblemIsLocatedAtTheLineThatCausedIt() {
        String yaml = """
                name: too-big
                data: {dataset: mnist}
                model:
                  layers:
                    - conv2d: {filters: 8, kernel_size: 3}
                    - max_pooling2d: {pool_size: 5}
                    - conv2d:
                        filters: 16
                        kernel_size: 7
                    - dense: {units: 10, activation: softmax}
                """;
        LoadedConfig loaded = ConfigLoader.load(yaml, "too-big.yaml", List.of());
        ConfigProblem problem = assertThrows(ConfigProblem.class, () -> ModelFactory.plan(loaded.config(), 10));
        ConfigError error = loaded.locate(problem);
        assertEquals("model.layers[2].conv2d.kernel_size", error.yamlPath());
        assertEquals(9, error.location().line());
        assertEquals("too-big.yaml:9:22 model.layers[2].conv2d.kernel_size: 7x7 is larger than its 5x5x8 input "
                + "(use a kernel_size of at most 5x5, padding: same, or less downsampling before this layer)", error.oneLine());
    }
}

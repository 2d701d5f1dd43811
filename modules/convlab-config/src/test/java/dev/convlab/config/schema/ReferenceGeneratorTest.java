package dev.convlab.config.schema;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.Activation;
import dev.convlab.config.RunConfig;
import org.junit.jupiter.api.Test;

class ReferenceGeneratorTest {
    private static final String MD = ReferenceGenerator.markdown(RunConfig.class, "REGENERATE");

    @Test
    void sectionsAreNamedByTheirYamlPath() {
        for (String heading : new String[] {"## <a id=\"top-level\"></a>Top level", "`data`", "`model.layers[]`",
                "`model.layers[] conv2d`", "`training.optimizer`", "`training.optimizer (type: adam)`", "`model.vgg.blocks[]`"}) {
            assertTrue(MD.contains("</a>" + heading.replaceFirst("^.*</a>", "") + "\n"), heading);
        }
    }

    @Test
    void rowsGiveTypeDefaultOrPresence() {
        assertTrue(MD.contains("| `kernel_size` | size: `n` or `[h, w]` | required | kernel height and width |"));
        assertTrue(MD.contains("| `padding` | [Padding](#values-padding): `valid`, `same` | `valid` |"));
        assertTrue(MD.contains("| `batch_size` | integer | `32` |"));
        assertTrue(MD.contains("| `optimizer` | [name or mapping](#training-optimizer) | `adam` |"));
        assertTrue(MD.contains("| `beta_1` | number | `0.9` |"));
        assertTrue(MD.contains("| `max_train_samples` | integer | optional |"));
        assertTrue(MD.contains("| `type` | `adam` | required | selects adam |"));
        assertTrue(MD.contains("REGENERATE"));
    }

    @Test
    void everyEnumValueIsListed() {
        for (Activation a : Activation.values()) {
            assertTrue(MD.contains("| `" + Names.of(a) + "` | "), a::name);
        }
    }
}

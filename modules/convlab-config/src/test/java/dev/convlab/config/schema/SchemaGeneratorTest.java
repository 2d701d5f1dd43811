package dev.convlab.config.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.Padding;
import dev.convlab.config.RunConfig;
import org.junit.jupiter.api.Test;

/** The generator refuses declarations the binder could not read, rather than documenting them. */
class SchemaGeneratorTest {
    record MisspeltDefault(@Default("vaild") Padding padding) {
    }

    record DefaultAndOptional(@Default("1") @Optional Integer count) {
    }

    record OptionalPrimitive(@Optional int count) {
    }

    record UnknownType(float rate) {
    }

    record WrongDefaultType(@Default("many") int count) {
    }

    @Test
    void rejectsBadDeclarations() {
        assertTrue(fails(MisspeltDefault.class).contains("vaild"));
        assertTrue(fails(DefaultAndOptional.class).contains("both @Default and @Optional"));
        assertTrue(fails(OptionalPrimitive.class).contains("primitive"));
        assertTrue(fails(UnknownType.class).contains("float"));
        assertTrue(fails(WrongDefaultType.class).contains("many"));
    }

    @Test
    void outputIsStableAndEndsInOneNewline() {
        String json = SchemaGenerator.json(RunConfig.class);
        assertEquals(json, SchemaGenerator.json(RunConfig.class));
        assertTrue(json.endsWith("}\n") && !json.contains("\r") && !json.contains("{ }"));
    }

    private static String fails(Class<?> record) {
        return assertThrows(IllegalStateException.class, () -> SchemaGenerator.schema(record)).getMessage();
    }
}

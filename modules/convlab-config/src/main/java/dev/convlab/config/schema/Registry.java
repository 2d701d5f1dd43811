package dev.convlab.config.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a sealed interface whose permitted records are chosen by YAML name. With an empty {@link #discriminator()}
 * an entry is written as a one-key mapping ({@code - conv2d: {filters: 32}}); otherwise the named key inside the
 * mapping chooses it ({@code {type: adam, learning_rate: 0.001}}), and a bare string ({@code adam}) means that
 * entry with every default.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Registry {
    String discriminator() default "";
}

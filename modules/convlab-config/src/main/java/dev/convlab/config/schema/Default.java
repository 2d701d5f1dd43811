package dev.convlab.config.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value an option takes when the YAML leaves it out, written as YAML ("0.001", "same", "[1, 1]").
 * An option with neither {@code @Default} nor {@link Optional} is required.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Default {
    String value();
}

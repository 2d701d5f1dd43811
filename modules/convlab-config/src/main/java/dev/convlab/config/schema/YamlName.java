package dev.convlab.config.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The YAML name of a registry entry (a layer, an optimizer), an enum constant, or a record component whose name
 * does not follow from camelCase to snake_case ({@code beta1} is written {@code beta_1}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface YamlName {
    String value();
}

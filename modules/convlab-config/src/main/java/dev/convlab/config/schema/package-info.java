/**
 * Annotations that describe the config format on the records themselves: documentation, defaults, YAML names and
 * registries. The YAML binder, the JSON Schema generator and the config reference all read the same annotations,
 * so an option is declared and documented in exactly one place.
 */
package dev.convlab.config.schema;

/**
 * The config format described on the records themselves (documentation, defaults, YAML names, registries), and the
 * generators that read those annotations: the JSON Schema for editors and the Markdown config reference. The YAML
 * binder reads the same annotations, so an option is declared and documented in exactly one place.
 */
package dev.convlab.config.schema;

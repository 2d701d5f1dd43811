/**
 * YAML in, records out: strict parsing (core types only, no duplicate keys, bounded size), binding by reflection over
 * the records with errors located at file:line:col, {@code --set} overrides, and writing the resolved config back.
 */
package dev.convlab.config.yaml;

/**
 * DL4J's training UI for a convlab run: a StatsListener whose stats are served by DL4J's own UI server, on one
 * address only (127.0.0.1 unless told otherwise), or saved to a stats file to be viewed later.
 */
package dev.convlab.ui;

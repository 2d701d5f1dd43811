package dev.convlab.config.callbacks;

import dev.convlab.config.schema.Doc;

/** Whether a monitored metric improves by going down or up, as Keras's mode. */
public enum Mode {
    @Doc("min for names ending in loss, max for names ending in accuracy; other metrics need min or max") AUTO,
    @Doc("lower is better") MIN,
    @Doc("higher is better") MAX
}

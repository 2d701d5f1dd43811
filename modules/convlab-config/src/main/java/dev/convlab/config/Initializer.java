package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/** Weight initialisers by their Keras names, with Keras's formulas (fan_in and fan_out as Keras counts them). */
public enum Initializer {
    @Doc("uniform in +-sqrt(6 / (fan_in + fan_out)) (Keras's default for kernels)") GLOROT_UNIFORM,
    @Doc("truncated normal, stddev sqrt(2 / (fan_in + fan_out))") GLOROT_NORMAL,
    @Doc("uniform in +-sqrt(6 / fan_in)") HE_UNIFORM,
    @Doc("truncated normal, stddev sqrt(2 / fan_in)") HE_NORMAL,
    @Doc("uniform in +-sqrt(3 / fan_in)") LECUN_UNIFORM,
    @Doc("truncated normal, stddev sqrt(1 / fan_in)") LECUN_NORMAL,
    @Doc("all zeros (Keras's default for biases)") ZEROS,
    @Doc("all ones") ONES,
    @Doc("uniform in [-0.05, 0.05]") RANDOM_UNIFORM,
    @Doc("normal with mean 0 and stddev 0.05") RANDOM_NORMAL
}

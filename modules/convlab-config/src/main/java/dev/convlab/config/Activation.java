package dev.convlab.config;

import dev.convlab.config.schema.Doc;
import dev.convlab.config.schema.YamlName;

/** Activation functions by their Keras names. */
public enum Activation {
    @Doc("identity (Keras's default when no activation is given)") LINEAR,
    @Doc("max(0, x)") RELU,
    @Doc("min(max(0, x), 6)") RELU6,
    @YamlName("leaky_relu") @Doc("x for x > 0, 0.01 x otherwise") LEAKY_RELU,
    @Doc("1 / (1 + exp(-x))") SIGMOID,
    @YamlName("hard_sigmoid") @Doc("piecewise-linear sigmoid") HARD_SIGMOID,
    @Doc("hyperbolic tangent") TANH,
    @Doc("exp(x) / sum(exp(x)) over the last axis") SOFTMAX,
    @Doc("log(1 + exp(x))") SOFTPLUS,
    @Doc("x / (1 + |x|)") SOFTSIGN,
    @Doc("exponential linear unit") ELU,
    @Doc("scaled exponential linear unit") SELU,
    @Doc("x * sigmoid(x)") SWISH,
    @Doc("Gaussian error linear unit") GELU,
    @Doc("x * tanh(softplus(x))") MISH
}

package dev.convlab.config;

import dev.convlab.config.schema.Doc;

/** Which ND4J backend a run asks for. */
public enum BackendKind {
    @Doc("CUDA when convlab was built with it and a GPU answers, the CPU otherwise (and says so)")
    AUTO,
    @Doc("the CPU backend (nd4j-native, oneDNN where the CPU allows)")
    CPU,
    @Doc("the CUDA 11.6 backend; an error when it is not built in or no GPU is present")
    CUDA
}

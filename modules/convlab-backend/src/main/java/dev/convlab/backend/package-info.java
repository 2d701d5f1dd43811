/**
 * The lowest DL4J-aware layer: decides and starts the ND4J backend (CPU or CUDA), picks the nd4j-native build the
 * CPU can run, switches DL4J's oneDNN layer helpers on, and reports what really got loaded. Call
 * {@link dev.convlab.backend.Backends#init} before anything touches ND4J; {@link dev.convlab.backend.BackendFacts}
 * describes the result for {@code convlab doctor} and run manifests.
 */
package dev.convlab.backend;

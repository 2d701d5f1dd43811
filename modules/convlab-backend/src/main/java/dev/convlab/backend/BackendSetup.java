package dev.convlab.backend;

import dev.convlab.config.BackendKind;
import java.util.List;

/**
 * What {@link Backends#init} decided and did, kept for {@link BackendFacts} and run manifests.
 *
 * @param requested   what the config asked for
 * @param backend     what ND4J actually runs on (CPU or CUDA)
 * @param variant     the nd4j-native build convlab asked JavaCPP for; null on CUDA or when forced from outside
 * @param settings    the fast-path switch and thread count read from the process
 * @param helpersAsked whether DL4J was told to create oneDNN layer helpers
 * @param late        true when ND4J's native library was already loaded before init ran, so the variant and the
 *                    backend filter could not take effect
 * @param notes       lines for the person (auto's choice, overrides, a late init)
 */
public record BackendSetup(BackendKind requested, BackendKind backend, NativeVariant variant, BackendSettings settings,
                           boolean helpersAsked, boolean late, List<String> notes) {
    public BackendSetup {
        notes = List.copyOf(notes);
    }
}

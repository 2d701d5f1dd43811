package org.nd4j.nativeblas;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Not ND4J's class: a stand-in under the name DL4J 1.0.0-M2.1 still looks for. BaseMKLDNNHelper.mklDnnEnabled()
 * loads {@code org.nd4j.nativeblas.Nd4jCpu$Environment} by reflection and calls {@code getInstance()} and
 * {@code isUseMKLDNN()}; M2.1 moved that class to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment}
 * and renamed the method {@code isUseONEDNN()}. The lookup fails, BaseMKLDNNHelper remembers the failure, and every
 * oneDNN layer helper (convolution, pooling, batch norm, LRN) is dropped as "not supported". This class answers
 * under the old name by asking the new one, so DL4J's own helpers load without patching DL4J's jars.
 * Nothing else in DL4J or ND4J M2.1 refers to this name.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** Reached by reflection only; both methods must stay public. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();

        private Environment() {
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /**
         * True when the loaded libnd4j has oneDNN compiled in and uses it. The native flag alone is not enough:
         * the plain build also reports true, and there DL4J's "oneDNN" helpers would run libnd4j's generic ops.
         */
        public boolean isUseMKLDNN() {
            return oneDnnCompiledIn()
                    && org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
        }

        private static volatile Boolean compiledIn;

        /** Asked once: the build cannot change while the JVM runs. Only called once DL4J has seen a CPU backend. */
        private static boolean oneDnnCompiledIn() {
            Boolean known = compiledIn;
            if (known == null) {
                known = Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN");
                compiledIn = known;
            }
            return known;
        }
    }
}

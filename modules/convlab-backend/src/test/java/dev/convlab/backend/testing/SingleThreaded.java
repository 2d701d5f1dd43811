package dev.convlab.backend.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * {@code @ExtendWith(SingleThreaded.class)}: the test class runs with one native thread (libnd4j, its master
 * threads, OpenMP, BLAS — the four pools Backends sets), and the counts before are restored after it. For tests that
 * run many small ops: on shared cores (CI, a machine where others build) two OpenMP threads spin at every barrier
 * while the other thread waits for a core, and such tests ran 5 to 10 times slower than on one thread. The thread
 * count changes how a kernel splits its work, i.e. only the order of summation.
 */
public final class SingleThreaded implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SingleThreaded.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).put("before", current());
        set(new int[] {1, 1, 1, 1});
    }

    @Override
    public void afterAll(ExtensionContext context) {
        int[] before = context.getStore(NAMESPACE).remove("before", int[].class);
        if (before != null) {
            set(before);
        }
    }

    private static int[] current() {
        return new int[] {Nd4j.getEnvironment().maxThreads(), Nd4j.getEnvironment().maxMasterThreads(),
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                Nd4j.factory().blas().getMaxThreads()};
    }

    private static void set(int[] threads) {
        Nd4j.getEnvironment().setMaxThreads(threads[0]);
        Nd4j.getEnvironment().setMaxMasterThreads(threads[1]);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads[2]);
        Nd4j.factory().blas().setMaxThreads(threads[3]);
    }
}

package dev.convlab.backend;

import dev.convlab.config.BackendKind;
import dev.convlab.config.BadInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.bytedeco.javacpp.Loader;
import org.nd4j.common.config.ND4JClassLoading;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts ND4J the way convlab wants it: chosen backend, chosen native build, DL4J's oneDNN helpers on or off, thread
 * count, a process-memory limit below RAM. Most of these are read once, when JavaCPP, ND4J or DL4J classes
 * initialise, so {@link #init} must run before anything touches ND4J; it then loads ND4J itself, so that a backend
 * that cannot start fails here with a clear message and not in the middle of building a model. A failed start
 * leaves ND4J unusable in this JVM (its static initialiser has failed), so there is no retry with another backend.
 */
public final class Backends {

    /** JavaCPP: which build folder (platform + extension) to load natives from. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** DL4J M2.1 HelperUtils: defaults to true, i.e. no layer helpers at all unless set to false. Read per layer. */
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private static final Logger log = LoggerFactory.getLogger(Backends.class);
    private static BackendSetup current;

    private Backends() {
    }

    /** The setup made by {@link #init}, if it ran. */
    public static synchronized Optional<BackendSetup> setup() {
        return Optional.ofNullable(current);
    }

    /**
     * Idempotent: a second call returns the first setup when it asks for the same backend or auto, and refuses to
     * switch backends (ND4J cannot, within one JVM).
     *
     * @throws BadInput when cuda is asked for and not built in, no GPU answers, or the CUDA backend fails to start
     */
    public static synchronized BackendSetup init(BackendKind requested) {
        ClassLoader loader = classLoader();
        BackendClasspath classpath = BackendClasspath.of(loader);
        if (current != null) {
            if (requested == BackendKind.AUTO || requested == current.backend()) {
                return current;
            }
            BackendSelection.decide(requested, classpath, new NvidiaGpuProbe());
            throw new IllegalStateException("ND4J already runs on " + current.backend()
                    + " in this JVM; it cannot also start " + requested);
        }
        BackendSettings settings = BackendSettings.current();
        BackendSelection selection = BackendSelection.decide(requested, classpath, new NvidiaGpuProbe());
        List<String> notes = new ArrayList<>();
        if (!selection.note().isEmpty()) {
            notes.add(selection.note());
        }

        NativeVariant variant = null;
        boolean helpers = false;
        if (selection.backend() == BackendKind.CPU) {
            String forced = System.getProperty(EXTENSION_PROPERTY);
            if (forced != null) {
                notes.add("native build forced by -D" + EXTENSION_PROPERTY + "=" + forced);
                helpers = settings.fast();
            } else {
                variant = NativeVariant.choose(CpuFlags.ofThisMachine(),
                        NativeVariant.available(JavacppPlatform.current(), loader), settings.fast());
                System.setProperty(EXTENSION_PROPERTY, variant.extension());
                helpers = settings.fast() && variant.hasOneDnn();
            }
        }
        // On CUDA too: M2.1 has no deeplearning4j-cuda artifact, so DL4J would only warn per layer about cuDNN
        // helper classes it cannot find.
        System.setProperty(HELPERS_DISABLE_PROPERTY, Boolean.toString(!helpers));
        OffHeapLimit.applyDefault();
        if (classpath.hasCuda()) {
            showOnlyTheChosenBackend(selection.backend(), loader);
        }

        boolean late = nativeAlreadyLoaded();
        if (late) {
            notes.add("ND4J was loaded before Backends.init ran; native build and backend are whatever it chose");
        }
        BackendKind actual = startNd4j(requested, selection.backend());
        if (actual != selection.backend()) {
            notes.add("ND4J runs on " + actual + ", not the " + selection.backend() + " convlab chose");
        }
        if (actual == BackendKind.CPU) {
            settings.threads().ifPresent(Backends::applyThreads);
            blasThreads(settings, helpers).ifPresent(n -> Nd4j.factory().blas().setMaxThreads(n));
        }
        notes.forEach(log::info);
        current = new BackendSetup(requested, actual, variant, settings, helpers, late, notes);
        return current;
    }

    private static ClassLoader classLoader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Backends.class.getClassLoader();
    }

    /**
     * Also for auto: once a GPU has answered, a CUDA backend that then fails to start is reported, rather than
     * ND4J's silent fallback to a CPU build that JavaCPP picked without asking the CPU.
     */
    private static void showOnlyTheChosenBackend(BackendKind backend, ClassLoader loader) {
        String keep = backend == BackendKind.CPU ? BackendClasspath.CPU_BACKEND : BackendClasspath.CUDA_BACKEND;
        ClassLoader nd4j = ND4JClassLoading.getNd4jClassloader();
        ND4JClassLoading.setNd4jClassloader(new OneBackendClassLoader(nd4j != null ? nd4j : loader, keep));
    }

    private static boolean nativeAlreadyLoaded() {
        return Loader.getLoadedLibraries().keySet().stream().anyMatch(name -> name.startsWith("jnind4j"));
    }

    private static BackendKind startNd4j(BackendKind requested, BackendKind chosen) {
        try {
            String name = Nd4j.getExecutioner().getEnvironmentInformation().getProperty("backend", "");
            return "CUDA".equalsIgnoreCase(name) ? BackendKind.CUDA : BackendKind.CPU;
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            if (chosen == BackendKind.CUDA) {
                String where = "backend: " + requested.name().toLowerCase(Locale.ROOT);
                throw new BadInput(where, "a GPU answered but the CUDA backend did not start: " + root,
                        "check that the NVIDIA driver supports CUDA 11.6, or set backend: cpu", t);
            }
            throw new IllegalStateException("ND4J did not start: " + root, t);
        }
    }

    /**
     * OpenBLAS's pool, when it is not the thread count: one thread when oneDNN runs the convolutions. ND4J gives
     * OpenBLAS as many threads as libnd4j's OpenMP pool has, and after every product OpenBLAS's workers spin
     * (sched_yield, for about 0.1 s) waiting for more work, on the cores where OpenMP's workers should run the next
     * convolution: in a profile of MNIST CNN training, a third of both cores' time went to the two pools' waiting.
     * With oneDNN the only products left for OpenBLAS are the dense layers, which one thread does in time (measured
     * here: MNIST CNN training 2,000 to 3,300 img/s, inference 9,000 to 13,800; cats-vs-dogs and VGG16 unchanged).
     * Without oneDNN, convolutions are im2col and OpenBLAS products, and OpenBLAS keeps every thread.
     */
    static OptionalInt blasThreads(BackendSettings settings, boolean oneDnnHelpers) {
        if (settings.blasThreads().isPresent()) {
            return settings.blasThreads();
        }
        return oneDnnHelpers ? OptionalInt.of(1) : OptionalInt.empty();
    }

    /** ND4J has three pools: libnd4j's own (Environment), OpenMP's, and OpenBLAS's. Each is set separately. */
    private static void applyThreads(int n) {
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }
}

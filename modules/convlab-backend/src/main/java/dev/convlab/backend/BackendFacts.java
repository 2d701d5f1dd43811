package dev.convlab.backend;

import dev.convlab.config.BackendKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the backend really is in this JVM, for {@code convlab doctor} and run manifests. Every field is read from
 * the running libraries (loaded library path, helper objects, thread pools, JavaCPP limits), not from the settings
 * convlab asked for, so a manifest can show when the two differ.
 *
 * @param variantAsked   the native build convlab asked for ("-onednn-avx2", "plain"), or why it did not ask
 * @param variantLoaded  the folder the ND4J native library was loaded from, e.g. "linux-x86_64-onednn-avx2"
 * @param layerHelpers   layer kind → helper class in a freshly built network (see {@link HelperCheck})
 * @param maxBytes       JavaCPP's off-heap limit ({@code org.bytedeco.javacpp.maxbytes}); 0 means none
 * @param maxPhysicalBytes JavaCPP's limit on the whole process's resident memory; 0 means none
 */
public record BackendFacts(String backend, String requested, String nd4jVersion, String dl4jVersion, String platform,
                           String variantAsked, String variantLoaded, String nativeLibrary, String cpuFlags,
                           boolean fastPath, boolean oneDnnHelpers, Map<String, String> layerHelpers, int threads,
                           String threadsFrom, int blasThreads, String blasVendor, long maxBytes,
                           long maxPhysicalBytes, long physicalMemory, List<String> notes) {

    /** Past this share of RAM, JavaCPP's limit no longer protects: the OS kills first (DL4J issue #9671). */
    private static final double PHYSICAL_LIMIT_WARNING = 0.9;

    public BackendFacts {
        layerHelpers = Map.copyOf(layerHelpers);
        notes = List.copyOf(notes);
    }

    /**
     * Initialises the backend (auto) if nothing has yet, then reads the facts. Builds and trains a tiny network
     * (tens of milliseconds), which re-seeds ND4J's global random generator: collect before the run seeds its own.
     */
    public static BackendFacts collect() {
        BackendSetup setup = Backends.setup().orElseGet(() -> Backends.init(BackendKind.AUTO));
        List<String> notes = new ArrayList<>(setup.notes());
        String platform = JavacppPlatform.current();
        String library = loadedNd4jLibrary();
        String loadedFolder = library.isEmpty() ? "unknown" : Path.of(library).getParent().getFileName().toString();
        String asked = setup.variant() != null ? setup.variant().label()
                : setup.backend() == BackendKind.CUDA ? "n/a (CUDA)" : "forced from outside";
        if (setup.variant() != null && !loadedFolder.equals(platform + setup.variant().extension())) {
            notes.add("asked JavaCPP for " + platform + setup.variant().extension() + " but it loaded "
                    + loadedFolder);
        }
        if (setup.backend() == BackendKind.CPU) {
            notes.add(mallocNote(System.getenv()));
        }
        HelperCheck.Result helpers = HelperCheck.run();
        long total = Pointer.totalPhysicalBytes();
        if (Pointer.maxPhysicalBytes() > PHYSICAL_LIMIT_WARNING * total && total > 0) {
            notes.add("maxphysicalbytes " + Pointer.formatBytes(Pointer.maxPhysicalBytes()) + " is above 90% of RAM ("
                    + Pointer.formatBytes(total) + "); an out-of-memory may kill the JVM instead of raising an error");
        }
        return new BackendFacts(setup.backend().name(), setup.requested().name().toLowerCase(Locale.ROOT),
                mavenVersion("org.nd4j", "nd4j-api"), mavenVersion("org.deeplearning4j", "deeplearning4j-nn"),
                platform, asked, loadedFolder, library, CpuFlags.ofThisMachine().summary(), setup.settings().fast(),
                // maxMasterThreads, not maxThreads: libnd4j's setMaxThreads is a no-op in M2.1 (its pool keeps the
                // size it started with); the master-thread count is what its parallel loops actually use
                helpers.oneDnnInUse(), helpers.helpers(), Nd4j.getEnvironment().maxMasterThreads(),
                setup.settings().threadsFrom(), Nd4j.factory().blas().getMaxThreads(),
                Nd4j.factory().blas().getBlasVendor().name(), Pointer.maxBytes(), Pointer.maxPhysicalBytes(), total,
                notes);
    }

    /** glibc's variables that scripts/lib/malloc.sh sets. */
    private static final List<String> MALLOC_SETTINGS = List.of("MALLOC_ARENA_MAX", "MALLOC_MMAP_MAX_",
            "MALLOC_TRIM_THRESHOLD_");

    /**
     * Whether glibc malloc keeps every freed block in the process: {@code MALLOC_MMAP_MAX_=0} (scripts/lib/malloc.sh)
     * has it serve even the largest blocks from its arena, never from mappings it would hand back.
     */
    public static boolean mallocKeepsEveryBlock(Map<String, String> env) {
        return "0".equals(env.get("MALLOC_MMAP_MAX_"));
    }

    /** The glibc malloc settings the launcher gives the process (scripts/lib/malloc.sh), or that it has none. */
    static String mallocNote(Map<String, String> env) {
        List<String> set = new ArrayList<>();
        for (String name : MALLOC_SETTINGS) {
            if (env.containsKey(name)) {
                set.add(name + "=" + env.get(name));
            }
        }
        return set.isEmpty() ? "glibc malloc at its defaults: libnd4j's and oneDNN's large temporaries are mapped "
                + "and faulted in again every step (scripts/convlab sets scripts/lib/malloc.sh's settings)"
                : "glibc malloc: " + String.join(" ", set);
    }

    /** For run manifests: snake_case keys in a fixed order, plain strings, numbers and booleans. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backend", backend);
        m.put("requested", requested);
        m.put("nd4j_version", nd4jVersion);
        m.put("dl4j_version", dl4jVersion);
        m.put("platform", platform);
        m.put("native_variant_asked", variantAsked);
        m.put("native_variant_loaded", variantLoaded);
        m.put("native_library", nativeLibrary);
        m.put("cpu_flags", cpuFlags);
        m.put("fast_path", fastPath);
        m.put("onednn_helpers", oneDnnHelpers);
        m.put("layer_helpers", new TreeMap<>(layerHelpers));
        m.put("threads", threads);
        m.put("threads_from", threadsFrom);
        m.put("blas_threads", blasThreads);
        m.put("blas_vendor", blasVendor);
        m.put("max_bytes", maxBytes);
        m.put("max_physical_bytes", maxPhysicalBytes);
        m.put("physical_memory", physicalMemory);
        m.put("notes", notes);
        return m;
    }

    /** For {@code convlab doctor}: one aligned "name  value" line per fact. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        add(out, "backend", backend + " (asked: " + requested + ")");
        add(out, "nd4j / dl4j", nd4jVersion + " / " + dl4jVersion);
        add(out, "native build", "asked " + variantAsked + ", loaded " + variantLoaded);
        add(out, "native library", nativeLibrary);
        add(out, "cpu flags", cpuFlags);
        add(out, "fast path", fastPath ? "on" : "off (convlab.fast / CONVLAB_FAST)");
        add(out, "oneDNN helpers", (oneDnnHelpers ? "on " : "off ") + new TreeMap<>(layerHelpers));
        add(out, "threads", threads + " (" + threadsFrom + "), BLAS " + blasThreads + " " + blasVendor);
        add(out, "off-heap limits", "maxbytes " + bytes(maxBytes) + ", maxphysicalbytes " + bytes(maxPhysicalBytes)
                + ", RAM " + bytes(physicalMemory));
        notes.forEach(n -> add(out, "note", n));
        return out;
    }

    private static void add(List<String> out, String name, String value) {
        out.add(String.format("%-16s %s", name, value));
    }

    private static String bytes(long n) {
        return n <= 0 ? "unlimited" : Pointer.formatBytes(n);
    }

    private static String loadedNd4jLibrary() {
        return Loader.getLoadedLibraries().entrySet().stream()
                .filter(e -> e.getKey().equals("jnind4jcpu") || e.getKey().equals("jnind4jcuda"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }

    private static String mavenVersion(String group, String artifact) {
        String resource = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Nd4j.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}

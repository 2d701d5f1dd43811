package dev.convlab.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What really ran, read from the running libraries without any convlab code, so that plain DL4J is described the
 * same way as convlab: which nd4j-native build JavaCPP loaded, whether it has oneDNN, which layer helpers the
 * network holds, and the thread pools.
 */
public final class NativeFacts {
    private NativeFacts() {
    }

    public static Map<String, Object> of(MultiLayerNetwork net) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("native_build", loadedBuild());
        m.put("onednn_compiled_in", Nd4j.getBackend().buildInfo().contains("HAVE_ONEDNN"));
        m.put("helpers", helpers(net));
        m.put("threads", Nd4j.getEnvironment().maxThreads());
        m.put("blas_threads", Nd4j.factory().blas().getMaxThreads());
        m.put("blas_vendor", Nd4j.factory().blas().getBlasVendor().name());
        m.put("dl4j_version", mavenVersion("org.deeplearning4j", "deeplearning4j-nn"));
        return m;
    }

    /** The folder JavaCPP loaded libnd4j from, e.g. linux-x86_64-onednn-avx512. */
    public static String loadedBuild() {
        String path = Loader.getLoadedLibraries().get("jnind4jcpu");
        return path == null ? "unknown" : Path.of(path).getParent().getFileName().toString();
    }

    /** Distinct helper class names over the layers, e.g. "MKLDNNConvHelper, MKLDNNSubsamplingHelper", or "none". */
    static String helpers(MultiLayerNetwork net) {
        StringBuilder names = new StringBuilder();
        for (Layer layer : net.getLayers()) {
            Object helper = layer.getHelper();
            String name = helper == null ? null : helper.getClass().getSimpleName();
            if (name != null && names.indexOf(name) < 0) {
                names.append(names.length() == 0 ? "" : ", ").append(name);
            }
        }
        return names.length() == 0 ? "none" : names.toString();
    }

    public static String mavenVersion(String group, String artifact) {
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

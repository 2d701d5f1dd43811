package dev.convlab.backend;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.LayerHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * Counts what each layer's oneDNN helper really computed. Holding a helper proves nothing: DL4J asks the helper
 * first and silently uses its built-in code when the helper returns null (an unsupported data type or pooling kind)
 * or throws (counted in {@code helperCountFail}, one log line). So the helper DL4J created is wrapped, in place, in
 * a proxy of the same helper interface that forwards every call and counts the calls that returned a result.
 * The proxy is not an {@code MKLDNNConvHelper}; DL4J tests for that class only to handle convolutions without bias
 * (which these tests do not build) and to word its fallback warning ("CuDNN execution failed" then).
 */
final class HelperProbe {

    /** layer index → "method" → number of calls that returned a non-null result. */
    private final Map<Integer, Map<String, Integer>> results = new TreeMap<>();
    private final Map<Integer, String> helperClasses = new TreeMap<>();

    private HelperProbe() {
    }

    /** Wraps every helper of {@code net}; layers without a helper are left alone. */
    static HelperProbe install(MultiLayerNetwork net) {
        HelperProbe probe = new HelperProbe();
        for (int i = 0; i < net.getnLayers(); i++) {
            probe.wrap(i, net.getLayer(i));
        }
        return probe;
    }

    /** The simple class name of the helper DL4J created for layer {@code index}, or "none". */
    String helperClass(int index) {
        return helperClasses.getOrDefault(index, "none");
    }

    /** How many calls of {@code method} on layer {@code index}'s helper returned a result. */
    int results(int index, String method) {
        return results.getOrDefault(index, Map.of()).getOrDefault(method, 0);
    }

    private void wrap(int index, Layer layer) {
        Field field = helperField(layer.getClass());
        if (field == null) {
            return;
        }
        try {
            Object helper = field.get(layer);
            if (helper == null) {
                return;
            }
            helperClasses.put(index, helper.getClass().getSimpleName());
            InvocationHandler counting = (proxy, method, args) -> {
                Object result;
                try {
                    result = method.invoke(helper, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (result != null) {
                    count(index, method);
                }
                return result;
            };
            field.set(layer, Proxy.newProxyInstance(field.getType().getClassLoader(),
                    new Class<?>[] {field.getType()}, counting));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot wrap the helper of layer " + index, e);
        }
    }

    private synchronized void count(int index, Method method) {
        results.computeIfAbsent(index, k -> new TreeMap<>()).merge(method.getName(), 1, Integer::sum);
    }

    /** DL4J M2.1 keeps the helper in a field named {@code helper} typed by an interface extending LayerHelper. */
    private static Field helperField(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField("helper");
                if (f.getType().isInterface() && LayerHelper.class.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    return f;
                }
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "helpers " + helperClasses + ", results " + results;
    }
}

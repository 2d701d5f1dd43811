package dev.convlab.bench;

import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The machine's practical compute ceiling for float32: large square matrix products with convlab's backend setup,
 * 2·n³ FLOPs each, two ways: {@code Nd4j.gemm} (straight to ND4J's BLAS, OpenBLAS) and ND4J's matmul op (which
 * the oneDNN builds of libnd4j run with oneDNN). Convolutions and dense layers are at best about this fast, so the
 * networks' GFLOP/s are read against the better of the two.
 * <pre>  --sizes 2048,4096 --min-seconds S --out results.jsonl</pre>
 */
public final class GemmMain {
    private static final int WARMUP = 2;

    private GemmMain() {
    }

    public static void main(String[] args) {
        Args a = Args.parse(args);
        Backends.init(BackendKind.AUTO);
        // the ceiling of the whole machine: OpenBLAS on every thread, not the one convlab leaves it beside oneDNN
        Nd4j.factory().blas().setMaxThreads(Nd4j.getEnvironment().maxMasterThreads());
        double minSeconds = a.getDouble("min-seconds");
        for (String size : a.get("sizes").split(",")) {
            int n = Integer.parseInt(size.trim());
            INDArray x = Nd4j.rand(DataType.FLOAT, n, n);
            INDArray y = Nd4j.rand(DataType.FLOAT, n, n);
            INDArray z = Nd4j.create(DataType.FLOAT, n, n);
            measure("nd4j-gemm", n, () -> Nd4j.gemm(x, y, z, false, false, 1.0, 0.0), minSeconds, a);
            measure("nd4j-matmul", n, () -> Nd4j.exec(new Mmul(x, y, z, MMulTranspose.allFalse())), minSeconds, a);
        }
        System.exit(0);
    }

    private static void measure(String impl, int n, Runnable product, double minSeconds, Args a) {
        Timing timing = Throughput.measure(product, 1, new Budget(WARMUP, 0, 3, minSeconds, 10 * minSeconds));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("kind", "gemm");
        result.put("impl", impl);
        result.put("n", n);
        result.put("reps", timing.steps());
        result.put("seconds", timing.totalSeconds());
        result.put("gflops_per_s", 2.0 * n * n * n * timing.steps() / timing.totalSeconds() / 1e9);
        result.put("threads", Nd4j.getEnvironment().maxThreads());
        result.put("blas_threads", Nd4j.factory().blas().getMaxThreads());
        result.put("blas_vendor", Nd4j.factory().blas().getBlasVendor().name());
        result.put("native_build", NativeFacts.loadedBuild());
        ResultLine.append(Path.of(a.get("out")), result);
    }
}

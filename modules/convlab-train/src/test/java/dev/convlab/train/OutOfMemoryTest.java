package dev.convlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.convlab.config.RunConfig;
import dev.convlab.config.yaml.ConfigLoader;
import dev.convlab.model.MemoryEstimate;
import dev.convlab.model.MemoryEstimator;
import dev.convlab.model.ModelFactory;
import dev.convlab.model.ModelPlan;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Recognising an out-of-memory failure and the one line it becomes (the real thing: OutOfMemoryInFreshJvmTest). */
class OutOfMemoryTest {
    private static final long MIB = 1L << 20;

    private static IntFunction<MemoryEstimate> estimates() {
        RunConfig config = ConfigLoader.load("""
                name: m
                data: {dataset: mnist, batch_size: 512}
                model:
                  layers:
                    - conv2d: {filters: 32, kernel_size: 3, activation: relu}
                    - max_pooling2d: {pool_size: 2}
                    - flatten: {}
                    - dense: {units: 10, activation: softmax}
                """, "m.yaml", List.of()).config();
        ModelPlan plan = ModelFactory.plan(config, 10);
        MemoryEstimator.Process process = new MemoryEstimator.Process(256 * MIB, true);
        return b -> MemoryEstimator.estimate(plan, config.training().optimizer(), b, process);
    }

    @Test
    void recognisesTheWaysTheJvmAndNd4jRunOut() {
        assertTrue(OutOfMemory.isOutOfMemory(new OutOfMemoryError("Java heap space")));
        assertTrue(OutOfMemory.isOutOfMemory(new RuntimeException("Error during neural network forward pass",
                new OutOfMemoryError("Cannot allocate new LongPointer(1): totalBytes = 0, physicalBytes = 2913M"))));
        // OpaqueDataBuffer.allocateDataBuffer and CpuMemoryManager.allocate, as ND4J words them
        assertTrue(OutOfMemory.isOutOfMemory(new RuntimeException("Allocation failed: [std::bad_alloc]")));
        assertTrue(OutOfMemory.isOutOfMemory(new IllegalStateException("x", new RuntimeException(
                "Failed to allocate [1073741824] bytes"))));
        assertFalse(OutOfMemory.isOutOfMemory(new IllegalStateException("Input shape [2, 3] does not match")));
        assertFalse(OutOfMemory.isOutOfMemory(new RuntimeException((String) null)));
    }

    @Test
    void proposesTheLargestBatchWhoseEstimateFits() {
        IntFunction<MemoryEstimate> estimates = estimates();
        long ceiling = estimates.apply(100).totalBytes() + 1;
        int fits = OutOfMemory.largestFitting(512, estimates, ceiling);
        assertEquals(100, fits);
        assertEquals(0, OutOfMemory.largestFitting(512, estimates, estimates.apply(1).totalBytes() - 1));
        assertEquals(0, OutOfMemory.largestFitting(512, estimates, 0));
    }

    @Test
    void theMessageNamesBatchEstimateLimitsAndWhatToDo() {
        IntFunction<MemoryEstimate> estimates = estimates();
        MemoryLimits limits = new MemoryLimits(256 * MIB, 512 * MIB, 1024 * MIB, 16L * 1024 * MIB);
        OutOfMemory oom = OutOfMemory.of(new RuntimeException("wrapped", new OutOfMemoryError(
                "Physical memory usage is too high: physicalBytes (1461M) > maxPhysicalBytes (1024M)")), 512,
                estimates, limits, "runs/m-1");
        String line = oom.getMessage();
        assertEquals(1, line.lines().count(), line);
        assertTrue(line.startsWith("training at batch size 512 needs about "
                + MemoryEstimate.readable(estimates.apply(512).totalBytes()) + " by convlab's estimate"), line);
        for (String part : List.of("heap 256.00 MB", "maxbytes 512.00 MB", "maxphysicalbytes 1.00 GB",
                "RAM 16.00 GB", "Lower data.batch_size (the estimate fits ", "under 1.00 GB)", "CONVLAB_OFFHEAP",
                "CONVLAB_HEAP", "run: runs/m-1",
                "[OutOfMemoryError: Physical memory usage is too high: physicalBytes (1461M) > maxPhysicalBytes")) {
            assertTrue(line.contains(part), part + " missing in " + line);
        }
        assertTrue(OutOfMemory.isOutOfMemory(oom));
    }
}

package dev.convlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.convlab.config.optim.Adadelta;
import dev.convlab.config.optim.Adagrad;
import dev.convlab.config.optim.Adam;
import dev.convlab.config.optim.Adamax;
import dev.convlab.config.optim.Nadam;
import dev.convlab.config.optim.OptimizerSpec;
import dev.convlab.config.optim.RmsProp;
import dev.convlab.config.optim.Sgd;
import dev.convlab.model.optim.Optimizers;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The memory estimate counts, per optimizer, the parameter-sized arrays one update step allocates (DL4J runs the
 * step inside its activations workspace). This runs each optimizer's real step in a workspace and measures them.
 */
class UpdaterTemporariesTest {
    private static final int N = 100_000;

    static List<OptimizerSpec> optimizers() {
        return List.of(new Sgd(0.01, 0, false), new Sgd(0.01, 0.9, false), new Sgd(0.01, 0.9, true),
                new RmsProp(0.001, 0.9, 1e-7), new Adagrad(0.01, 1e-7), new Adadelta(1.0, 0.95, 1e-7),
                new Adam(0.001, 0.9, 0.999, 1e-7, false), new Adam(0.001, 0.9, 0.999, 1e-7, true),
                new Adamax(0.001, 0.9, 0.999, 1e-7), new Nadam(0.001, 0.9, 0.999, 1e-7));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void stepAllocatesTheCountedTemporaries(OptimizerSpec spec) {
        IUpdater config = Optimizers.toUpdater(spec);
        long stateSize = config.stateSize(N);
        INDArray view = stateSize == 0 ? null : Nd4j.zeros(DataType.FLOAT, 1, stateSize);
        GradientUpdater<?> updater = config.instantiate(view, true);
        INDArray gradient = Nd4j.rand(DataType.FLOAT, 1, N);
        WorkspaceConfiguration ws = WorkspaceConfiguration.builder().initialSize(64L * N * Float.BYTES)
                .policyAllocation(AllocationPolicy.STRICT).policyLearning(LearningPolicy.NONE).build();
        long allocated;
        try (MemoryWorkspace scope = Nd4j.getWorkspaceManager().getAndActivateWorkspace(ws, "temporaries-" + spec)) {
            updater.applyUpdater(gradient, 0, 0);
            allocated = scope.getThisCycleAllocations();
        }
        // scalars and shape data add a few bytes; arrays of the parameters' size are what matter
        assertEquals(MemoryEstimator.temporariesPerParam(spec), Math.round((double) allocated / (N * Float.BYTES)),
                spec + " allocated " + allocated + " bytes");
    }
}

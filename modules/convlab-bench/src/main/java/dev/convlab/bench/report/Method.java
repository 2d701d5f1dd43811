package dev.convlab.bench.report;

/** The "Method" section: how every figure was made, so a reader can judge and repeat it. */
final class Method {
    private Method() {
    }

    static String text(boolean quick) {
        return """
                - **One process per measurement**: a fresh JVM (the same `java` flags for (a), (b) and (c)) or \
                Python interpreter runs one network, one implementation, training or inference, and appends one \
                JSON line to the run's `results.jsonl` (kept in `modules/convlab-bench/target/bench-*/`, with a log \
                per process). The native build and DL4J's helper switch are fixed when ND4J loads, so nothing is \
                shared between measurements.
                - **Data**: one random batch of the network's shape (float32 pixels uniform in [0, 1), NCHW; one-hot \
                labels, or 0/1 for the sigmoid output), made once and kept in memory, so only the network is timed. \
                Reading images is measured on its own (Data wait).
                - **Training step**: forward, backward and optimizer update on the batch (DL4J `fit(x, y)`; PyTorch \
                `zero_grad`, forward, loss, `backward`, `step`, `loss.item()`). **Inference**: a forward pass in \
                inference mode on a batch of the same size (DL4J `output(x, false)`; PyTorch `eval()` and `no_grad()`).
                - **Timing**: warm-up steps are run and not timed (JIT, oneDNN primitive creation, workspaces, \
                convlab's choice of max-pooling kernel), for at least a number of steps and a number of seconds \
                (12 to 40, per network and mode), every implementation alike: the JVM's JIT compiler takes most of a \
                core for the first 5-10 s of a process, and each max-pooling layer of (a) and (c) times its two \
                kernels over its first 8 batches and again 10 s later. \
                Measured after 10 warm-up steps only, convlab's MNIST CNN trained at 2,500-2,716 img/s, against \
                3,371-3,503 after 400 steps (three pairs of processes in the same minutes), while PyTorch's figure \
                did not change; a training run of minutes runs at the warmed-up speed, a run of a few seconds does \
                not. Then steps are timed until there are at least a minimum number and a minimum time has \
                passed; a slow case stops at a maximum time once it has 3 steps (the budgets per network are at the \
                top of `scripts/benchmark.sh`). img/s = images / timed seconds; ±var is the standard deviation of the step \
                times over their mean.
                - **Rounds**: a network's measurements are repeated in rounds (the count per network is at the top \
                of `scripts/benchmark.sh`), each round running every implementation once, one after the other, so \
                that the two sides of a ratio run minutes apart at most; each round starts one implementation later \
                than the one before, so that no implementation always runs first. This machine is a virtual one \
                whose speed drifts by up to a third over minutes (other tenants of the host); the same measurement \
                repeated gave 32 and 46 img/s within ten minutes. A table shows the median img/s over the rounds \
                and their range; a ratio is the median over the rounds of that round's ratio.
                - **Threads**: every process uses the same number of threads: ND4J's default (one per physical \
                core; convlab leaves it there unless `convlab.threads`/`OMP_NUM_THREADS` is set) and \
                `torch.set_num_threads` with that number. Each result line records the count it actually used. \
                (a) and (c) leave OpenBLAS, which ND4J gives a pool of its own, one thread (`Backends.init`: oneDNN \
                runs the convolutions, and OpenBLAS's idle workers spinning after each dense-layer product took a \
                core from the OpenMP pool that runs them); (b) keeps ND4J's default, OpenBLAS on every thread.
                - **Peak memory**: the process's resident high-water mark (VmHWM from /proc/self/status), read at \
                the end of the process, for every implementation alike.
                - **FLOPs**: counted analytically per image: a convolution 2·kh·kw·cin·cout·oh·ow, a dense layer \
                2·in·out; biases, activations, pooling, dropout and the loss are left out (under 1%). A training \
                step counts as 3 forward passes (forward, input gradient, weight gradient). Java and Python count \
                independently (from the DL4J configuration, and from hooks on the PyTorch modules) and agree.

                The implementations:

                - **(a) convlab, from YAML**: `configs/bench/NETWORK.yaml` loaded and checked, `Backends.init` with \
                the config's backend (the default fast path: the nd4j-native build chosen from the CPU's flags, \
                DL4J's oneDNN helpers on and made to load), then `ModelFactory.plan` and `build`, and \
                `FastPathNetwork.apply` (cache mode DEVICE, so that a convolution's backward pass does not compute \
                its forward pass again; each max-pooling layer on the faster of oneDNN's and libnd4j's kernels; a ReLU \
                convolution's ReLU gradient as two vectorised ops instead of libnd4j's per-element relu_bp), as \
                `convlab train` does; Keras semantics, so convlab's own updaters for RMSprop and SGD momentum.
                - **(b) plain DL4J, defaults**: the same network written by hand with DL4J's builders \
                (`modules/convlab-bench/src/main/java/dev/convlab/bench/dl4j`), and no convlab code at all: DL4J's \
                layer helpers stay off (`org.eclipse.deeplearning4j.helpers.disable` defaults to true in M2.1) and \
                JavaCPP picks a native build itself from the jars on the classpath (convlab's: the plain build and \
                three oneDNN builds). The build it loaded is in the table. A project that follows DL4J's \
                instructions (`nd4j-native-platform`) has only the plain `linux-x86_64` build, compiled for the \
                x86-64 baseline; measured once by hand on 2026-11-22 with only that build on the classpath, the \
                cats-vs-dogs CNN trained at 9.6 img/s, the same as with the oneDNN-AVX2 build JavaCPP picks here. \
                DL4J's own updaters: Adam(1e-3); RmsProp(1e-4, 0.9, 1e-7); for VGG16 Nesterovs(0.01, 0.9), as DL4J \
                has no plain momentum.
                - **(c) DL4J by hand with convlab's settings**: the layers of (b) after `Backends.init`, given the \
                updater convlab builds from the YAML (Keras's rules: DL4J's Adam with epsilon 1e-7, convlab's \
                KerasRmsProp and SgdMomentum) and `cacheMode(CacheMode.DEVICE)` in the builder, then \
                `FastPathNetwork.apply` on the network, as a Java user of convlab's library would write it. (a) and \
                (c) compute the same thing, so (a)/(c) is what the YAML \
                route costs or saves. (a)/(b) also contains the updater difference: convlab's Keras-rule updaters are \
                chains of ND4J element-wise ops where DL4J's are fused native ops, which shows only for VGG16's \
                138 million parameters.
                - **glibc malloc**: (a), (c), the data wait and the one-process comparison run with the settings \
                `scripts/convlab` gives every convlab process (`scripts/lib/malloc.sh`: one arena, no mmap, no \
                trimming), because libnd4j and oneDNN malloc their large temporaries anew every step and glibc's \
                defaults hand them back to the kernel, which then faults them in again (3.3 million page faults in \
                18 cats-vs-dogs steps without, 0.5 million with). PyTorch frees its temporaries the same way and \
                gains as much or more from the same settings, so it runs twice: (d) as it comes, and (e) with \
                convlab's settings. Issue 3's targets compare with (d), what a PyTorch user runs by default; (e) is \
                there so that nobody mistakes a glibc setting for a faster framework.
                - **(d) PyTorch**: the same layers (VGG16 written out as Keras builds it: no dropout), the same \
                batch, thread count and optimizer with Keras's hyperparameters (Adam eps 1e-7; RMSprop alpha 0.9, \
                eps 1e-7; SGD momentum 0.9); softmax/sigmoid inside `CrossEntropyLoss`/`BCEWithLogitsLoss`, as \
                PyTorch code is written. Script: `modules/convlab-bench/src/main/python/torch_bench.py`.
                """ + (quick ? "\nThis was a quick run: at most 2 warm-up steps (none for VGG16) and 1 to 5 timed "
                + "steps per measurement, so one-time costs (oneDNN primitive creation, workspace growth, JIT) are "
                + "in the figures, unevenly across implementations.\n" : "");
    }
}

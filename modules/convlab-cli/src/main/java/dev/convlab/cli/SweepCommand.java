package dev.convlab.cli;

import dev.convlab.config.BadInput;
import dev.convlab.sweep.HalvingRun;
import dev.convlab.sweep.SweepPlan;
import dev.convlab.sweep.SweepRun;
import dev.convlab.sweep.Sweeps;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", description = {"Grid or random search over a config (GridSearchCV for DL4J): every trial in its"
        + " own process, ranked results, best parameters.",
        "With --resume SWEEP_DIR, continue a sweep: finished trials are not run again."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Parameters(paramLabel = "SWEEP", arity = "0..1",
            description = "the sweep YAML (with --resume: leave it out to use the file the sweep started from)")
    Path sweep;
    @Option(names = "--resume", paramLabel = "SWEEP_DIR", description = "continue this sweep folder")
    Path resume;
    @Option(names = "--force", description = "with --resume: continue even though the sweep file has changed")
    boolean force;
    @Option(names = "--parallel", paramLabel = "N", description = "trials at once (overrides the file's parallel)")
    Integer parallel;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        if (parallel != null && parallel < 1) {
            throw new BadInput("--parallel", parallel + " is not a number of trials", "use 1 or more");
        }
        java.io.PrintWriter out = spec.commandLine().getOut();
        SweepRun.Result result;
        if (resume != null) {
            Path file = sweep != null ? sweep : SweepRun.sourceOf(resume);
            SweepPlan plan = Sweeps.plan(file, parallel);
            result = plan.halving() != null ? HalvingRun.resume(resume, plan, file, force, out).run()
                    : SweepRun.resume(resume, plan, file, force, out).run();
        } else {
            if (sweep == null) {
                throw new BadInput("sweep", "needs a SWEEP file, or --resume SWEEP_DIR",
                        "e.g. convlab sweep configs/sweeps/batch-and-epochs.yaml");
            }
            if (force) {
                throw new BadInput("--force", "only means something with --resume", "leave it out");
            }
            SweepPlan plan = Sweeps.plan(sweep, parallel);
            result = plan.halving() != null ? HalvingRun.start(plan, sweep, out).run()
                    : SweepRun.start(plan, sweep, out).run();
        }
        // under on_trial_error: continue a failed trial is in the table; the sweep failed only if nothing scored
        return result.best().isEmpty() ? ExitCode.FAILURE : ExitCode.OK;
    }
}

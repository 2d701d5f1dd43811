package dev.convlab.cli;

import dev.convlab.backend.BackendFacts;
import dev.convlab.backend.Backends;
import dev.convlab.config.BackendKind;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "doctor", description = "Show the backend convlab runs on: native build, oneDNN helpers, threads, memory.")
final class DoctorCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;
    @Option(names = "--backend", paramLabel = "KIND", description = "auto, cpu or cuda (default auto)")
    BackendKind backend = BackendKind.AUTO;
    @Mixin
    ThreadsOption threads;
    @Mixin
    Common common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        threads.apply(spec.commandLine());
        Backends.init(backend);
        BackendFacts facts = BackendFacts.collect();
        facts.lines().forEach(out::println);
        if (threads.threads != null && facts.threads() != threads.threads) {
            out.println("note: ND4J had already started in this process with " + facts.threads()
                    + " threads; --threads takes effect in a new process");
        }
        return ExitCode.OK;
    }
}

package org.gesturelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gesturelab bench}: groups the benchmark commands. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure how fast GestureLab's models and query strategies run on this machine",
        subcommands = {
            ModelsBenchCommand.class,
            ExtractBenchCommand.class,
            AccuracyBenchCommand.class,
            ClassifyBenchCommand.class,
            BenchQueryCommand.class,
            BenchLoopCommand.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

package org.gesturelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stream} command group: keypoint streams with true segments, for continuous recognition. */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Build keypoint streams (NAME.npy + NAME.segments.csv) for continuous recognition.",
        subcommands = StreamMakeCommand.class)
public final class StreamCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

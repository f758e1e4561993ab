package org.gesturelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gesturelab models}: groups the commands that install, convert and verify the MediaPipe models. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Install, convert and verify the MediaPipe models",
        subcommands = {
            ExportOnnxCommand.class,
        })
public final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

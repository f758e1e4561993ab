package org.gesturelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code models} command group: install, convert, verify and benchmark the MediaPipe models. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Install, convert, verify and benchmark the MediaPipe Holistic models.",
        subcommands = {
            ModelsInstallCommand.class,
            ModelsVerifyCommand.class,
        })
public final class ModelsCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

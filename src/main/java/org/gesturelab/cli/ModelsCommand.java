package org.gesturelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code models} command group: install, convert, verify and benchmark the MediaPipe models. */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Install, convert and verify the MediaPipe models",
        subcommands = {
            ModelsInstallCommand.class,
            ModelsVerifyCommand.class,
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

package org.gesturelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code project} group: creating and managing gesture projects. */
@Command(name = "project", description = "Create and manage gesture projects.",
        subcommands = {ProjectInitCommand.class, ProjectSplitCommand.class, ProjectRepairCommand.class,
            ProjectArchiveCommand.class})
public final class ProjectCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

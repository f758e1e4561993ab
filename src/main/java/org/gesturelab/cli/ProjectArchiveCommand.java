package org.gesturelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gesturelab.dataset.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab project archive DIR --out FILE.zip}: a consistent copy of a project in one file, including the
 * labels that are still only in {@code gesturelab.db-wal}.
 */
@Command(name = "archive", description = "Write a consistent copy of a project (settings, database, clip files) "
        + "into one zip file. Safer than copying the folder, which can miss recent labels kept in gesturelab.db-wal.")
public final class ProjectArchiveCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "The zip file to create.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        int clips;
        try (Project project = Project.openForReading(dir);
                ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            clips = project.archive(out, progress);
        }
        spec.commandLine().getOut().printf("Archived %d clips of %s to %s.%n", clips,
                dir.toAbsolutePath().normalize(), out.toAbsolutePath().normalize());
        return 0;
    }
}

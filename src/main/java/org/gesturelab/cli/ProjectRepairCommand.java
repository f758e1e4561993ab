package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.RepairReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab project repair DIR}: rebuilds a damaged project's database from its clip files, deleting nothing
 * (see {@code docs/decisions/0901-damaged-projects.md}).
 */
@Command(name = "repair", description = "Rebuild a damaged project's database from its clip files. Nothing is "
        + "deleted: the old database is renamed aside, and clips whose labels cannot be read back return unlabeled "
        + "to the pool.")
public final class ProjectRepairCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        RepairReport report = Project.repair(dir);
        PrintWriter out = spec.commandLine().getOut();
        if (!report.repaired()) {
            out.printf("Nothing to repair in %s: %s.%n", dir.toAbsolutePath().normalize(), report.problem());
            return 0;
        }
        out.printf("Repaired %s: %s.%n", dir.toAbsolutePath().normalize(), report.problem());
        if (report.databaseSetAside() != null) {
            out.printf("The old database was kept as %s.%n", report.databaseSetAside());
        }
        out.printf("Rebuilt %d clips (%d with their labels read back; the others are unlabeled in the pool)",
                report.clipsRestored(), report.labelsRestored());
        out.printf("%s.%n", report.filesMovedBack() > 0
                ? "; " + report.filesMovedBack() + " clip files came back from clips/.orphaned" : "");
        if (!report.skipped().isEmpty()) {
            out.printf("Left %d files untouched:%n", report.skipped().size());
            for (String skipped : report.skipped()) {
                out.println("  " + skipped);
            }
        }
        return 0;
    }
}

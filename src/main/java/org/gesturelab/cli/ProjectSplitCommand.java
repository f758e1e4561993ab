package org.gesturelab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.TestHoldOut;
import org.gesturelab.dataset.ProjectMigration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab project split DIR [--test-fraction F]}: tops each class's test clips up to a share of its labeled
 * clips, for projects imported from a single recording session that have no separate test set. The same use case
 * as the Dataset screen's Split button ({@link TestHoldOut#split}); the share becomes the project's automatic
 * hold-out share.
 */
@Command(name = "split", description = "Hold out a stratified share of each class's labeled clips as test clips, "
        + "moving training clips (never pool clips); classes that already have their share are left alone. The share "
        + "also becomes the project's share for clips labeled later.")
public final class ProjectSplitCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Share of each class's labeled clips to hold out (default: the project's share, 0.2 "
                    + "unless set before).")
    private Double testFraction;

    @Option(names = "--seed", defaultValue = "" + TestHoldOut.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (testFraction != null && !(testFraction > 0 && testFraction < 1)) {
            throw new GestureLabException("--test-fraction must be between 0 and 1, not " + testFraction + ".");
        }
        Project project = ProjectOpener.open(dir);
        try {
            ProjectMigration.migrate(project).ifPresent(spec.commandLine().getOut()::println);
            double share = testFraction != null ? testFraction : project.settings().testShareOrDefault();
            TestHoldOut.Split split = TestHoldOut.split(project, share, seed, TaskMonitor.SILENT);
            StatsCommand.printSummary(spec.commandLine().getOut(), project.stats());
            spec.commandLine().getOut().printf("Moved %d clips to the test split.%n", split.moved());
        } finally {
            ProjectOpener.close(project);
        }
        return 0;
    }
}

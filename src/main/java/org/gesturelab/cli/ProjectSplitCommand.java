package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectMigration;
import org.gesturelab.dataset.ProjectSettings;
import org.gesturelab.workflow.TestHoldOut;
import org.gesturelab.workflow.persons.CrossPersonValidation;
import org.gesturelab.workflow.persons.SplitByPerson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab project split DIR [--test-fraction F]}: tops each class's test clips up to a share of its labeled
 * clips, for projects imported from a single recording session that have no separate test set. The same use case
 * as the Dataset screen's Split button ({@link TestHoldOut#split}); the share becomes the project's automatic
 * hold-out share. With {@code --by-person [--test-persons A,B | --test-fraction F]}, whole people instead.
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
                    + "unless set before); with --by-person, the share of the people.")
    private Double testFraction;

    @Option(names = "--seed", defaultValue = "" + TestHoldOut.DEFAULT_SEED,
            description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--by-person", description = "Hold out whole people: every labeled clip (train or test) of the "
            + "test people goes to the test split, every other one to the training split, so that nobody is in "
            + "both. Clips without a person go to the training split.")
    private boolean byPerson;

    @Option(names = "--test-persons", paramLabel = "A,B", split = ",",
            description = "With --by-person: the people to hold out (default: a random --test-fraction of them).")
    private List<String> testPersons;

    @Override
    public Integer call() {
        if (testPersons != null && !byPerson) {
            throw new GestureLabException("--test-persons goes with --by-person.");
        }
        if (testPersons != null && testFraction != null) {
            throw new GestureLabException("Give either --test-persons or --test-fraction, not both.");
        }
        if (testFraction != null && !(testFraction > 0 && testFraction < 1)) {
            throw new GestureLabException("--test-fraction must be between 0 and 1, not " + testFraction + ".");
        }
        Project project = ProjectOpener.open(dir);
        try {
            ProjectMigration.migrate(project).ifPresent(spec.commandLine().getOut()::println);
            if (byPerson) {
                return byPerson(project, testFraction != null ? testFraction : ProjectSettings.DEFAULT_TEST_SHARE);
            }
            double share = testFraction != null ? testFraction : project.settings().testShareOrDefault();
            TestHoldOut.Split split = TestHoldOut.split(project, share, seed, TaskMonitor.SILENT);
            StatsCommand.printSummary(spec.commandLine().getOut(), project.stats());
            spec.commandLine().getOut().printf("Moved %d clips to the test split.%n", split.moved());
        } finally {
            ProjectOpener.close(project);
        }
        return 0;
    }

    private int byPerson(Project project, double testFraction) {
        Set<String> held = testPersons != null
                ? testPersons.stream().map(String::strip).filter(p -> !p.isEmpty())
                        .collect(Collectors.toCollection(TreeSet::new))
                : SplitByPerson.choose(CrossPersonValidation.labeledPersons(project), testFraction, seed);
        SplitByPerson.Result result = SplitByPerson.run(project, held);
        PrintWriter out = spec.commandLine().getOut();
        StatsCommand.printSummary(out, project.stats());
        out.printf("Test people: %s; training people: %s.%n", String.join(", ", result.testPersons()),
                String.join(", ", result.trainPersons()));
        out.printf("Moved %d clips to the test split and %d to the training split.%n", result.toTest(),
                result.toTrain());
        if (result.untagged() > 0) {
            out.printf("%d labeled clips name no person; they are in the training split.%n", result.untagged());
        }
        return 0;
    }
}

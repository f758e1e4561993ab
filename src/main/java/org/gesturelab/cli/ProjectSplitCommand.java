package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.persons.CrossPersonValidation;
import org.gesturelab.workflow.persons.SplitByPerson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab project split DIR --test-fraction 0.2}: holds out a stratified share of each class's training
 * clips as the test split, for projects imported from a single recording session that have no separate test set;
 * with {@code --by-person [--test-persons A,B | --test-fraction F]}, whole people instead.
 */
@Command(name = "split", description = "Move a stratified share of each class's training clips to the test split "
        + "(for data without a separately recorded test set).")
public final class ProjectSplitCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Share of each class's training clips to hold out (default: 0.2); with --by-person, the "
                    + "share of the people.")
    private Double fraction;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
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
        if (testPersons != null && fraction != null) {
            throw new GestureLabException("Give either --test-persons or --test-fraction, not both.");
        }
        double testFraction = fraction != null ? fraction : 0.2;
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new GestureLabException("--test-fraction must be between 0 and 1, not " + testFraction + ".");
        }
        Project project = ProjectOpener.open(dir);
        try {
            if (byPerson) {
                return byPerson(project, testFraction);
            }
            List<Long> moved = new ArrayList<>();
            Random random = new Random(seed);
            for (int label = 0; label < project.classes().size(); label++) {
                List<Clip> clips = new ArrayList<>(project.clips(ClipQuery.inState(ClipState.TRAIN).withLabel(label)));
                Collections.shuffle(clips, random);
                // Keep at least one training clip per class; round so small classes still give a test clip.
                int take = Math.min(clips.size() - 1, (int) Math.round(clips.size() * testFraction));
                for (int i = 0; i < take; i++) {
                    moved.add(clips.get(i).id());
                }
            }
            project.moveAll(moved, ClipState.TEST, LabelSource.USER);
            StatsCommand.printSummary(spec.commandLine().getOut(), project.stats());
            spec.commandLine().getOut().printf("Moved %d clips to the test split.%n", moved.size());
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

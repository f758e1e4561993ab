package org.gesturelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectMigration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab project split DIR --test-fraction 0.2}: holds out a stratified share of each class's training
 * clips as the test split, for projects imported from a single recording session that have no separate test set.
 */
@Command(name = "split", description = "Move a stratified share of each class's training clips to the test split "
        + "(for data without a separately recorded test set).")
public final class ProjectSplitCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--test-fraction", paramLabel = "F", defaultValue = "0.2",
            description = "Share of each class's training clips to hold out (default: ${DEFAULT-VALUE}).")
    private double testFraction;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new GestureLabException("--test-fraction must be between 0 and 1, not " + testFraction + ".");
        }
        Project project = ProjectOpener.open(dir);
        try {
            ProjectMigration.migrate(project).ifPresent(spec.commandLine().getOut()::println);
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
}

package org.gesturelab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.active.ActiveLearningLoop;
import org.gesturelab.active.CurvePoint;
import org.gesturelab.active.LabelingData;
import org.gesturelab.active.Labeler;
import org.gesturelab.active.LoopSettings;
import org.gesturelab.active.PoolClip;
import org.gesturelab.active.StoredLabelingData;
import org.gesturelab.active.RankedBatch;
import org.gesturelab.active.QueryStrategy;
import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.LabelingRound;
import org.gesturelab.core.TaskMonitor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gesturelab label DIR}: the terminal labeling loop. The current model picks a batch, the user labels it with
 * one key per clip, the model retrains and is scored on the project's test clips, and the history grows, until the
 * target F1 is reached, the pool is empty or the user stops. Replaying each clip's skeleton needs a window, which is
 * the desktop app's job; here each clip is described by where it came from and the model's guess.
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = {"Label the clips the model is least sure of, at the terminal, one key per clip; the model "
                + "retrains and is evaluated on the test clips after each batch.",
            "Keys: a class number, q to skip, u to undo, x to stop."})
public final class LabelCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private QueryOptions query = new QueryOptions();

    @Option(names = "--target-f1", defaultValue = "0.9",
            description = "Stop when macro F1 on the test clips reaches this (default: ${DEFAULT-VALUE}).")
    private double targetF1;

    @Option(names = "--from-scratch", description = "Retrain from scratch after each batch instead of warm-starting.")
    private boolean fromScratch;

    @Option(names = "--skip-cooldown", defaultValue = "1",
            description = "Batches a skipped clip is kept out of (default: ${DEFAULT-VALUE}).")
    private int skipCooldown;

    @Mixin
    private TrainingOptions training = new TrainingOptions();

    private InputStream input = System.in;

    /**
     * Sets where the answers are read from (standard input by default); tests type into it.
     *
     * @param input the stream
     */
    void setInput(InputStream input) {
        this.input = input;
    }

    @Override
    public Integer call() {
        query.strategy(-1); // a bad name or batch size is refused before the project is opened
        if (skipCooldown < 0) {
            throw new GestureLabException("--skip-cooldown must be at least 0.");
        }
        PrintWriter out = spec.commandLine().getOut();
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        Project project = ProjectOpener.open(query.dir);
        QueryStrategy strategy = query.strategy(project.settings().nothingIndex());
        try {
            LabelingRound rounds = new LabelingRound(project);
            StoredLabelingData store = rounds.data();
            List<String> classes = project.classNames();
            if (classes.size() < 2) {
                throw new GestureLabException("The project needs at least 2 gestures to label; it has "
                        + classes.size() + ".");
            }
            TerminalLabeler labeler = new TerminalLabeler(reader, out, classes, id -> describe(project, id),
                    rounds::answer, () -> undoLast(rounds));
            HistoryTable history = new HistoryTable(store, out);
            if (store.test().size() == 0) {
                out.println("Note: the project has no test clips, so F1 cannot be measured and the loop runs until "
                        + "the pool is empty or you stop.");
            }
            if (!coldStart(rounds, labeler, out)) {
                out.println("Stopped. Your labels are saved; run label again to continue.");
                return 0;
            }
            LoopSettings settings = new LoopSettings(strategy, query.k, targetF1, !fromScratch, skipCooldown, 0, 0,
                    query.seed);
            ActiveLearningLoop.Outcome outcome;
            try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
                outcome = new ActiveLearningLoop(training.learner(query.seed), labeler, settings)
                        .run(history, progress);
            }
            saveModel(outcome, out);
            out.println(switch (outcome.reason()) {
                case TARGET_REACHED -> String.format(Locale.ROOT, "Target reached: macro F1 %.3f >= %.3f.",
                        outcome.last().macroF1(), targetF1);
                case POOL_EXHAUSTED -> "The pool is empty: every clip is labeled or skipped.";
                case LIMIT_REACHED -> "Limit reached.";
                case STOPPED_BY_USER -> "Stopped. Your labels are saved; run label again to continue.";
            });
            out.flush();
            return 0;
        } finally {
            ProjectOpener.close(project);
        }
    }

    /** Makes the last model the project's current one, so the app and {@code predict} use what was learned. */
    private void saveModel(ActiveLearningLoop.Outcome outcome, PrintWriter out) {
        try (GestureClassifier model = outcome.model()) {
            if (model instanceof TrainedClassifier trained) {
                Path folder = ModelStore.saveAsCurrent(query.dir, trained);
                out.println("Saved the last model as the project's current model: models/" + folder.getFileName()
                        + ".");
            }
        } catch (IOException e) {
            throw new GestureLabException("Labels are saved, but the last model could not be: " + e.getMessage(), e);
        }
    }

    /**
     * Without any labeled clip there is no model to ask: the first batch is chosen at random, the way the Label
     * screen chooses it ({@link LabelingRound#query} without a model).
     *
     * @return false if the user stopped during it
     */
    private boolean coldStart(LabelingRound rounds, Labeler labeler, PrintWriter out) {
        while (rounds.data().labeled().size() == 0) {
            LabelingRound.Batch first = rounds.query(null,
                    new LabelingRound.Request(query.strategyName, query.k, query.seed), TaskMonitor.SILENT);
            if (first.items().isEmpty()) {
                throw new GestureLabException("The project has no clips to label: record or import some first.");
            }
            out.println("No labeled clips yet: starting with a random batch.");
            // The labeler stored each answer as it was typed.
            Labeler.Result result = labeler.label(first.batch());
            if (result.stop()) {
                return false;
            }
        }
        return true;
    }

    private static String describe(Project project, long clipId) {
        Clip clip = project.requireClip(clipId);
        String where = clip.source() != null ? clip.source() : "clip " + clipId;
        return where + ", " + clip.frames() + " frames";
    }

    private static String undoLast(LabelingRound rounds) {
        return rounds.undo().map(event -> "Undid the last label: clip " + event.clipId() + " is back in "
                + event.newState().name().toLowerCase(Locale.ROOT) + ".").orElse(null);
    }

    /** Prints the history table each time an iteration is recorded, and passes the records on to the project. */
    private static final class HistoryTable implements LabelingData {
        private final StoredLabelingData store;
        private final PrintWriter out;
        private final List<CurvePoint> rows = new ArrayList<>();

        HistoryTable(StoredLabelingData store, PrintWriter out) {
            this.store = store;
            this.out = out;
        }

        @Override
        public LabeledClips labeled() {
            return store.labeled();
        }

        @Override
        public LabeledClips test() {
            return store.test();
        }

        @Override
        public List<PoolClip> pool() {
            return store.pool();
        }

        /** Nothing to do: the terminal labeler stored each answer the moment it was typed. */
        @Override
        public void apply(List<Labeler.Answer> answers) {
        }

        @Override
        public void recordBatch(RankedBatch batch) {
            store.recordBatch(batch);
        }

        @Override
        public void recordIteration(CurvePoint iteration) {
            store.recordIteration(iteration);
            rows.add(iteration);
            boolean measured = store.test().size() > 0;
            out.println();
            out.printf(Locale.ROOT, "%5s %7s %9s %12s %9s  %-17s %8s%n", "round", "labels", "macro F1",
                    "weighted F1", "accuracy", "strategy", "seconds");
            for (CurvePoint row : rows) {
                out.printf(Locale.ROOT, "%5d %7d %9s %12s %9s  %-17s %8.1f%n", row.round(), row.labels(),
                        measured ? String.format(Locale.ROOT, "%.3f", row.macroF1()) : "-",
                        measured ? String.format(Locale.ROOT, "%.3f", row.weightedF1()) : "-",
                        measured ? String.format(Locale.ROOT, "%.3f", row.accuracy()) : "-", row.strategy(),
                        row.seconds());
            }
            out.flush();
        }
    }
}

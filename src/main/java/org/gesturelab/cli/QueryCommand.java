package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.active.BaldStrategy;
import org.gesturelab.active.PoolClip;
import org.gesturelab.active.StoredLabelingData;
import org.gesturelab.active.RankedBatch;
import org.gesturelab.active.QueryStrategy;
import org.gesturelab.active.RankedClip;
import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gesturelab query DIR}: scores the pool with the project's current model (or one trained on its labels) and
 * prints the clips worth labeling next.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Print the pool clips a strategy would ask about next, ranked, with the reason for each. "
                + "Scores with the project's current model (models/current), or trains one on the labeled clips "
                + "when there is none or --retrain is given.")
public final class QueryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private QueryOptions query = new QueryOptions();

    @Option(names = "--save", description = "Store the batch in the project's query history.")
    private boolean save;

    @Option(names = "--retrain", description = "Train a new model on the labeled clips instead of using the "
            + "project's current model.")
    private boolean retrain;

    @Mixin
    private TrainingOptions training = new TrainingOptions();

    @Override
    public Integer call() {
        query.strategy(-1); // a bad name or batch size is refused before the project is opened
        Project project = ProjectOpener.open(query.dir);
        QueryStrategy strategy = query.strategy(project.settings().nothingIndex());
        try {
            StoredLabelingData data = new StoredLabelingData(project, Iteration.INTERACTIVE, LabelSource.USER);
            LabeledClips labeled = data.labeled();
            if (labeled.size() == 0) {
                throw new GestureLabException("The project has no labeled training clips yet: label a few clips of "
                        + "each gesture first (gesturelab label " + query.dir + " starts with a random batch).");
            }
            List<PoolClip> pool = data.pool();
            if (pool.isEmpty()) {
                throw new GestureLabException("The project's pool is empty: every clip is labeled.");
            }
            List<RankedClip> batch;
            try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
                    GestureClassifier model = model(project, labeled, progress)) {
                if (strategy instanceof BaldStrategy) {
                    BaldStrategy.fallbackNote(model).ifPresent(spec.commandLine().getErr()::println);
                }
                batch = strategy.select(model, pool, query.k, query.seed, progress);
            }
            print(project, batch);
            if (save) {
                data.recordBatch(new RankedBatch(0, strategy.name(), labeled.size(), batch));
                spec.commandLine().getOut().println("Saved the batch in the project.");
            }
            return 0;
        } finally {
            ProjectOpener.close(project);
        }
    }

    /** The project's current model when there is one (and --retrain was not given), else a fresh one. */
    private GestureClassifier model(Project project, LabeledClips labeled, ConsoleProgress progress) {
        Optional<Path> current = retrain ? Optional.empty() : ModelStore.current(query.dir);
        if (current.isPresent()) {
            spec.commandLine().getErr().println("Scoring with the project's current model, "
                    + current.get().getFileName() + ".");
            return ModelStore.loadChecked(current.get(), project.classNames(), project.sequenceLength(),
                    project.settings().features());
        }
        spec.commandLine().getErr().println("Training a model on the " + labeled.size() + " labeled clips.");
        return training.learner(query.seed).fit(labeled, null, progress);
    }

    private void print(Project project, List<RankedClip> batch) {
        PrintWriter out = spec.commandLine().getOut();
        List<String> classes = project.classNames();
        out.printf(Locale.ROOT, "%4s %8s  %-28s %8s  %-14s %s%n", "rank", "clip", "source", "score", "guess", "why");
        for (RankedClip clip : batch) {
            Clip stored = project.requireClip(clip.clipId());
            int guess = clip.why().predicted();
            out.printf(Locale.ROOT, "%4d %8d  %-28s %8.4f  %-14s %s%n", clip.rank(), clip.clipId(),
                    abbreviate(stored.source(), 28), clip.score(),
                    guess >= 0 && guess < classes.size() ? abbreviate(classes.get(guess), 14) : "-",
                    clip.why().describe());
        }
        out.flush();
    }

    static String abbreviate(String text, int width) {
        if (text == null) {
            return "-";
        }
        return text.length() <= width ? text : "..." + text.substring(text.length() - width + 3);
    }
}

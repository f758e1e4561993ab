package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gesturelab.classify.ModelKind;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.ModelCard;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.Retrain;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab train DIR}: trains a classifier on the project's training clips and makes it current. */
@Command(name = "train", description = {"Train a gesture classifier on the project's training clips, evaluate it on "
        + "the test clips, and save it as the project's current model (DIR/models/<time>/)."})
public final class TrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "default", converter = ModelKindConverter.class,
            description = "Model: a network, default (GRU 128 beside a temporal convolution), gru (GRU 128 alone), "
                    + "tcn (temporal convolution alone), reference (LSTM 64-128-64) or lite (3 x LSTM 128); or a "
                    + "classical model on per-clip summaries, random-forest, gradient-boosting, ridge or "
                    + "logistic-regression. Default: ${DEFAULT-VALUE}.")
    private ModelKind architecture;

    @Option(names = "--epochs", paramLabel = "N", description = "The most epochs of a network; early stopping "
            + "usually ends sooner (default: 100).")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 42).")
    private Long seed;

    @Option(names = "--subset", paramLabel = "PARTS", description = "Body parts: pose, hands, pose_hands or all "
            + "(default: whatever the clips contain).")
    private FeatureSubset subset;

    @Option(names = "--warm", description = "Start from the current model's weights where they fit.")
    private boolean warm;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Project project = Project.open(dir)) {
            TrainedClassifier warmStart = null;
            if (warm) {
                Optional<Path> current = ModelStore.current(dir);
                if (current.isPresent()) {
                    warmStart = ModelStore.loadChecked(current.get(), ModelCard.read(current.get()).classes(),
                            project.sequenceLength(), project.settings().features());
                } else {
                    out.println("No current model to warm-start from; training from scratch.");
                }
            }
            Retrain.Request request = new Retrain.Request(architecture, subset, epochs, seed, warmStart, null, null);
            try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
                Retrain.Result result = Retrain.run(project, request, progress);
                try (TrainedClassifier classifier = result.model()) {
                    report(out, result);
                }
            } finally {
                if (warmStart != null) {
                    warmStart.close();
                }
            }
        }
        return 0;
    }

    private static void report(PrintWriter out, Retrain.Result result) {
        TrainingConfig config = result.config();
        ModelCard.TrainingSummary summary = result.model().card().training();
        if (!result.kind().isNetwork()) {
            out.printf(Locale.ROOT, "Trained %s on %s features (%d frame%s per clip): %d clips, %.1f s.%n",
                    result.kind().id(), config.subset().name().toLowerCase(Locale.ROOT), config.sequenceLength(),
                    config.sequenceLength() == 1 ? "" : "s", summary.trainClips(), summary.seconds());
            out.println("Probabilities: " + result.model().card().scoring() + ".");
        } else {
            out.printf(Locale.ROOT, "Trained %s on %s features: %d clips (+%d for validation), best epoch %d of "
                    + "%d, %.1f s.%n", config.architecture().id(), config.subset().name().toLowerCase(Locale.ROOT),
                    summary.trainClips(), summary.validationClips(), summary.bestEpoch(), summary.epochsRun(),
                    summary.seconds());
            if (summary.warmStartParameters() > 0) {
                out.printf("Warm start: %d parameter arrays copied from the previous model.%n",
                        summary.warmStartParameters());
            }
        }
        if (result.evaluation() != null) {
            out.println("Test clips:");
            out.print(result.evaluation().toTable());
        } else {
            out.println("No test clips: import some with --as test to measure accuracy.");
        }
        out.println("Saved " + result.folder() + " as the current model.");
    }
}

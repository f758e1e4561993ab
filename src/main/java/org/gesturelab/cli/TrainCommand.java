package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.Json;
import org.gesturelab.classify.ModelCard;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.TrainingRun;
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

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "default",
            description = "Network: default (GRU 128 beside a temporal convolution), gru (GRU 128 alone), tcn "
                    + "(temporal convolution alone), reference (LSTM 64-128-64) or lite (3 x LSTM 128). "
                    + "Default: ${DEFAULT-VALUE}.")
    private Architecture architecture;

    @Option(names = "--epochs", paramLabel = "N", description = "The most epochs; early stopping usually ends "
            + "sooner (default: 100).")
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
        ProjectData data = ProjectData.read(dir);
        data.requireTrainingData(dir);
        TrainingConfig config = configure(TrainingConfig.defaults(), data);
        Instant started = Instant.now();
        SequenceClassifier warmStart = null;
        if (warm) {
            Optional<Path> current = ModelStore.current(dir);
            if (current.isPresent()) {
                warmStart = ModelStore.loadChecked(current.get(), ModelCard.read(current.get()).classes(),
                        data.sequenceLength(), data.features());
            } else {
                out.println("No current model to warm-start from; training from scratch.");
            }
        }
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
                SequenceClassifier classifier = ClassifierTrainer.train(data.train(), config, warmStart, progress)) {
            ModelCard.TrainingSummary summary = classifier.card().training();
            out.printf(Locale.ROOT, "Trained %s on %s features: %d clips (+%d for validation), best epoch %d of %d, "
                    + "%.1f s.%n", config.architecture().id(), config.subset().name().toLowerCase(Locale.ROOT),
                    summary.trainClips(), summary.validationClips(), summary.bestEpoch(), summary.epochsRun(),
                    summary.seconds());
            if (summary.warmStartParameters() > 0) {
                out.printf("Warm start: %d parameter arrays copied from the previous model.%n",
                        summary.warmStartParameters());
            }
            Evaluation evaluation = null;
            if (data.test().size() > 0) {
                evaluation = Evaluation.ofProbabilities(data.classes(), data.test().labels(),
                        classifier.predict(data.test().clips()));
                classifier.recordEvaluation(evaluation);
                out.println("Test clips:");
                out.print(evaluation.toTable());
            } else {
                out.println("No test clips: import some with --as test to measure accuracy.");
            }
            Path folder = ModelStore.saveAsCurrent(dir, classifier);
            try (Project project = Project.open(dir)) {
                project.saveTrainingRun(new TrainingRun(0, started, Instant.now(),
                        dir.relativize(folder).toString(), summary.trainClips() + summary.validationClips(),
                        data.test().size(), evaluation == null ? null : evaluation.accuracy(),
                        Json.MAPPER.writeValueAsString(classifier.card())));
            }
            out.println("Saved " + folder + " as the current model.");
        } finally {
            if (warmStart != null) {
                warmStart.close();
            }
        }
        return 0;
    }

    private TrainingConfig configure(TrainingConfig defaults, ProjectData data) {
        TrainingConfig config = defaults.withArchitecture(architecture)
                .withSubset(subset != null ? subset : FeatureSubset.detect(data.train().clips()));
        if (epochs != null) {
            config = config.withMaxEpochs(epochs);
        }
        if (seed != null) {
            config = config.withSeed(seed);
        }
        return new TrainingConfig(config.architecture(), config.subset(), data.sequenceLength(), config.maxEpochs(),
                config.batchSize(), config.learningRate(), config.validationFraction(), config.patience(),
                config.classWeights(), config.augmentation(), config.seed());
    }
}

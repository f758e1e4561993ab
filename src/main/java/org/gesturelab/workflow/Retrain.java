package org.gesturelab.workflow;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gesturelab.active.CurvePoint;
import org.gesturelab.active.StoredLabelingData;
import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.ModelCard;
import org.gesturelab.classify.ModelKind;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.Json;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.TrainingRun;

/**
 * Retraining, as {@code gesturelab train}, the Train screen and the Label screen do it: train on the project's
 * training clips (warm-started from a model when one fits), evaluate on the held-out test clips, save the model as
 * the project's current one, and record the training run (and, for a labeling session, the iteration) in one
 * transaction. Blocking: callers run it off the UI thread.
 */
public final class Retrain {

    /** Epochs of an interactive retraining from scratch: early stopping usually ends sooner. */
    public static final int INTERACTIVE_EPOCHS = 40;
    /** Epochs of an interactive retraining that continues from the previous model. */
    public static final int INTERACTIVE_WARM_EPOCHS = 15;
    /**
     * Above this many training clips, the first model of a labeling session is a {@link #quick} one: a full
     * training from scratch takes about 0.1 s per clip on one core (650 clips: 50-77 s, measured in decision 1600),
     * too long to keep the user waiting for the first batch.
     */
    public static final int QUICK_ABOVE = 60;
    /** Training clips per class of a {@link #quick} model. */
    public static final int QUICK_PER_CLASS = 2;
    /** Epochs of a {@link #quick} model. */
    public static final int QUICK_EPOCHS = 6;

    private static final AtomicBoolean WARMING = new AtomicBoolean();

    /**
     * What to train.
     *
     * @param model the network or classical model to train, or null for the kind of the project's current model
     *     (the default network without one)
     * @param subset the body parts, or null for whatever the clips contain
     * @param maxEpochs the most epochs, or null for the trainer's default (and {@link #INTERACTIVE_EPOCHS} /
     *     {@link #INTERACTIVE_WARM_EPOCHS} for {@link #interactive})
     * @param seed the random seed, or null for the default
     * @param warmStart a model to continue from, owned by the caller; used only when its classes are the project's
     * @param session the iteration series to record the retraining in (with {@code strategy}), or null to record
     *     only the training run
     * @param strategy the query strategy that chose the latest labels, for the iteration
     */
    public record Request(ModelKind model, FeatureSubset subset, Integer maxEpochs, Long seed,
            TrainedClassifier warmStart, String session, String strategy) {

        /**
         * A request for a network.
         *
         * @param architecture the network
         * @param subset the body parts, or null for whatever the clips contain
         * @param maxEpochs the most epochs, or null for the default
         * @param seed the random seed, or null for the default
         * @param warmStart a model to continue from, or null
         * @param session the iteration series, or null
         * @param strategy the query strategy that chose the latest labels
         */
        public Request(Architecture architecture, FeatureSubset subset, Integer maxEpochs, Long seed,
                TrainedClassifier warmStart, String session, String strategy) {
            this(ModelKind.of(architecture), subset, maxEpochs, seed, warmStart, session, strategy);
        }

        /**
         * The app's retraining after a labeled batch or on request: the same kind of model as the project's
         * current one (the default network without one), fewer epochs, an iteration of the user's series.
         *
         * @param warmStart the current model, or null
         * @param strategy the strategy that chose the latest labels
         * @return the request
         */
        public static Request interactive(TrainedClassifier warmStart, String strategy) {
            return new Request((ModelKind) null, null, null, null, warmStart, Iteration.INTERACTIVE, strategy);
        }

        /**
         * The app's retraining of a chosen kind of model (the Train screen's choice).
         *
         * @param model the kind to train
         * @param warmStart the current model, or null; used only by a network of the same design
         * @param strategy the strategy that chose the latest labels
         * @return the request
         */
        public static Request interactive(ModelKind model, TrainedClassifier warmStart, String strategy) {
            return new Request(model, null, null, null, warmStart, Iteration.INTERACTIVE, strategy);
        }
    }

    /**
     * What a retraining produced.
     *
     * @param model the new current model, owned by the caller
     * @param config how it was trained
     * @param evaluation its scores on the test clips, or null without test clips
     * @param labels how many training clips it learned from
     * @param testClips how many test clips it was scored on
     * @param warmStarted whether it continued from the request's model
     * @param seconds how long it took
     * @param folder where it was saved
     * @param run the stored training run
     * @param kind the kind of model trained (a network's design is also {@code config.architecture()}; a classical
     *     model takes only the config's subset, sequence length and seed)
     */
    public record Result(TrainedClassifier model, TrainingConfig config, Evaluation evaluation, int labels, int testClips,
            boolean warmStarted, double seconds, Path folder, TrainingRun run, ModelKind kind) {
    }

    private Retrain() {
    }

    /**
     * Fails with one plain message unless the project has training clips of at least two gestures.
     *
     * @param dir the project folder, for the message
     * @param train its training clips
     */
    public static void requireTrainingData(Path dir, LabeledClips train) {
        long classesWithClips = Arrays.stream(train.labels()).distinct().count();
        if (train.classes().size() < 2 || classesWithClips < 2) {
            throw new GestureLabException("Training needs labeled clips of at least two gestures; the project "
                    + dir + " has " + classesWithClips + " gesture(s) with training clips and "
                    + train.classes().size() + " gesture(s) in all. Record or label clips of more gestures, or "
                    + "import labeled data with 'gesturelab import " + dir + " --mp-data PATH'.");
        }
    }

    /**
     * Retrains.
     *
     * @param project the open, writable project
     * @param request what to train
     * @param monitor progress and cancellation
     * @return the result
     * @throws GestureLabException when there is not enough to train on
     * @throws IOException if the model cannot be saved
     */
    public static Result run(Project project, Request request, TaskMonitor monitor) throws IOException {
        long start = System.nanoTime();
        Instant started = Instant.now();
        List<Clip> trainClips = project.clips(ClipState.TRAIN);
        LabeledClips train = PersonBalance.trainingClips(project, trainClips);
        requireTrainingData(project.directory(), train);
        ModelKind kind = request.model() != null ? request.model() : currentKind(project);
        // Only a network continues from a network's weights; a classical model always starts afresh.
        TrainedClassifier warm = kind.isNetwork() && request.warmStart() instanceof SequenceClassifier
                && request.warmStart().classes().equals(train.classes()) ? request.warmStart() : null;
        TrainingConfig config = config(project, request, train, warm != null, CanonicalSide.suits(trainClips));
        if (kind.isNetwork()) {
            config = config.withArchitecture(kind.network());
        }
        TrainedClassifier model = kind.train(train, config, warm, monitor);
        try {
            monitor.update("Evaluating on the test clips", 0, -1);
            LabeledClips test = project.labeledClips(ClipState.TEST);
            Evaluation evaluation = test.size() == 0 ? null
                    : Evaluation.ofProbabilities(test.classes(), test.labels(), model.predict(test.clips()))
                            .withNothing(project.settings().nothingIndex());
            if (evaluation != null) {
                model.recordEvaluation(evaluation);
            }
            monitor.checkCancelled();
            Path folder = ModelStore.saveAsCurrent(project.directory(), model);
            double seconds = (System.nanoTime() - start) / 1e9;
            TrainingRun run = new TrainingRun(0, started, Instant.now(),
                    project.directory().relativize(folder).toString(), train.size(), test.size(),
                    evaluation == null ? null : evaluation.accuracy(), Json.MAPPER.writeValueAsString(model.card()));
            TrainingRun stored;
            if (request.session() == null) {
                stored = project.saveTrainingRun(run);
            } else {
                int round = project.iterations(request.session()).size();
                CurvePoint point = new CurvePoint(round, train.size(),
                        evaluation == null ? Double.NaN : evaluation.macroF1(),
                        evaluation == null ? Double.NaN : evaluation.weightedF1(),
                        evaluation == null ? Double.NaN : evaluation.accuracy(), request.strategy(), seconds);
                Iteration iteration = project.saveTrainingRunAndIteration(run, StoredLabelingData.stored(point,
                        request.session(), StoredLabelingData.nextIterationNumber(project, request.session()),
                        null));
                stored = new TrainingRun(iteration.trainingRunId(), run.startedAt(), run.finishedAt(),
                        run.modelPath(), run.trainClips(), run.testClips(), run.testAccuracy(), run.details());
            }
            return new Result(model, config, evaluation, train.size(), test.size(), warm != null, seconds, folder, stored,
                    kind);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Trains a quick model to rank the first batch of a session while the full one trains in the background: the
     * first {@value #QUICK_PER_CLASS} training clips of each class, {@value #QUICK_EPOCHS} epochs, about two seconds.
     * Neither saved nor recorded: it only ranks.
     *
     * @param project the open project
     * @param monitor progress and cancellation
     * @return the model, owned by the caller
     * @throws GestureLabException when there is not enough to train on
     */
    public static SequenceClassifier quick(Project project, TaskMonitor monitor) {
        List<Clip> chosen = new ArrayList<>();
        for (int c = 0; c < project.classes().size(); c++) {
            // Only these clips are read from disk: reading all 650 clips of a large project alone takes 2-3 s.
            chosen.addAll(project.clips(ClipQuery.inState(ClipState.TRAIN).withLabel(c).limit(QUICK_PER_CLASS)));
        }
        LabeledClips train = project.labeledClips(chosen, Clip::label);
        requireTrainingData(project.directory(), train);
        Request request = new Request(Architecture.DEFAULT, null, QUICK_EPOCHS, null, null, null, null);
        // The features of the full model that follows: decided on all the training clips, not the few chosen.
        return ClassifierTrainer.train(train, config(project, request, train, false,
                CanonicalSide.suits(project.clips(ClipState.TRAIN))), null, monitor);
    }

    /**
     * Starts the training engine on a background thread, once per process, so that the first training of a session
     * does not pay for it: loading PyTorch (1.5-2.3 s; 9 s the first time on a machine, when its 432 MB of native
     * libraries are unpacked into {@code ~/.djl.ai}; decision 1600).
     * Returns at once; a failure here shows again, in words, at the first real training.
     */
    public static void warmUpInBackground() {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                ClassifierTrainer.warmUp();
            } catch (RuntimeException | LinkageError e) {
                // The first real training reports the problem to the user.
            }
        }, "gesturelab-training-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /**
     * Returns the kind of the project's current model, so that retraining keeps what the user chose.
     *
     * @param project the project
     * @return that kind, or the default network when there is no readable current model
     */
    public static ModelKind currentKind(Project project) {
        try {
            return ModelStore.current(project.directory()).map(folder -> ModelKind.of(ModelCard.read(folder)))
                    .orElse(ModelKind.DEFAULT);
        } catch (GestureLabException e) {
            // A damaged or unknown current model: retraining starts over with the default network.
            return ModelKind.DEFAULT;
        }
    }

    private static TrainingConfig config(Project project, Request request, LabeledClips train, boolean warm,
            boolean canonicalSide) {
        TrainingConfig config = TrainingConfig.defaults()
                .withSubset(request.subset() != null ? request.subset() : FeatureSubset.detect(train.clips()));
        if (request.maxEpochs() != null) {
            config = config.withMaxEpochs(request.maxEpochs());
        } else if (Iteration.INTERACTIVE.equals(request.session())) {
            config = config.withMaxEpochs(warm ? INTERACTIVE_WARM_EPOCHS : INTERACTIVE_EPOCHS);
        }
        if (request.seed() != null) {
            config = config.withSeed(request.seed());
        }
        // The model must fit the project's clips, whatever the default length.
        return new TrainingConfig(config.architecture(), config.subset(), project.sequenceLength(),
                config.maxEpochs(), config.batchSize(), config.learningRate(), config.validationFraction(),
                config.patience(), config.classWeights(), config.augmentation(), config.seed(), canonicalSide);
    }
}

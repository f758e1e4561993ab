package org.gesturelab.app.train;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.active.ProjectLabelingData;
import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.Json;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.TrainingRun;
import org.gesturelab.core.TaskMonitor;

/**
 * One retraining as the app does it, after a labeled batch or on request: train on every labeled clip (warm-started
 * from the current model when there is one), evaluate on the test clips, save the model as the project's current one,
 * and record the training run and a history row. Blocking core work: the app runs it on its background executor.
 */
public final class ModelTraining {

    /** Epochs from scratch: early stopping usually ends sooner. */
    static final int EPOCHS = 40;
    /** Epochs when continuing from the previous model. */
    static final int WARM_EPOCHS = 15;

    /**
     * What a retraining produced.
     *
     * @param model the new current model, owned by the caller
     * @param evaluation its scores on the test clips, or null without test clips
     * @param labels how many training clips it learned from
     * @param seconds how long it took
     * @param folder where it was saved
     */
    public record Result(SequenceClassifier model, Evaluation evaluation, int labels, double seconds, Path folder) {
    }

    private ModelTraining() {
    }

    /**
     * Retrains.
     *
     * @param project the project
     * @param warmStart the current model to continue from, or null to start from scratch
     * @param strategy the query strategy that chose the latest labels, for the history
     * @param monitor progress and cancellation
     * @return the result
     * @throws GestureLabException when there is not enough to train on
     * @throws IOException if the model cannot be saved
     */
    public static Result retrain(Project project, SequenceClassifier warmStart, String strategy, TaskMonitor monitor)
            throws IOException {
        long start = System.nanoTime();
        Instant started = Instant.now();
        ProjectLabelingData data = new ProjectLabelingData(project, Iteration.INTERACTIVE, LabelSource.USER);
        LabeledClips labeled = data.labeled();
        long classesWithClips = java.util.Arrays.stream(labeled.labels()).distinct().count();
        if (labeled.classes().size() < 2 || classesWithClips < 2) {
            throw new GestureLabException("Training needs labeled clips of at least two gestures; this project has "
                    + classesWithClips + ". Record or label a few clips of another gesture first.");
        }
        SequenceClassifier warm = warmStart != null && warmStart.classes().equals(labeled.classes()) ? warmStart
                : null;
        TrainingConfig config = TrainingConfig.defaults().withMaxEpochs(warm == null ? EPOCHS : WARM_EPOCHS)
                .withSubset(FeatureSubset.detect(labeled.clips()));
        SequenceClassifier model = ClassifierTrainer.train(labeled, config, warm, monitor);
        try {
            monitor.update("Evaluating on the test clips", 0, -1);
            LabeledClips test = data.test();
            Evaluation evaluation = test.size() == 0 ? null
                    : Evaluation.ofProbabilities(test.classes(), test.labels(), model.predict(test.clips()));
            if (evaluation != null) {
                model.recordEvaluation(evaluation);
            }
            Path folder = ModelStore.saveAsCurrent(project.directory(), model);
            double seconds = (System.nanoTime() - start) / 1e9;
            project.saveTrainingRun(new TrainingRun(0, started, Instant.now(),
                    project.directory().relativize(folder).toString(), labeled.size(), test.size(),
                    evaluation == null ? null : evaluation.accuracy(), Json.MAPPER.writeValueAsString(model.card())));
            int round = project.iterations(Iteration.INTERACTIVE).size();
            data.recordIteration(new org.gesturelab.active.Iteration(round, labeled.size(),
                    evaluation == null ? Double.NaN : evaluation.macroF1(),
                    evaluation == null ? Double.NaN : evaluation.weightedF1(),
                    evaluation == null ? Double.NaN : evaluation.accuracy(), strategy, seconds));
            return new Result(model, evaluation, labeled.size(), seconds, folder);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }
}

package org.gesturelab.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;

/**
 * Scoring the project's current model on its held-out test clips, as the Train screen's matrix and
 * {@code gesturelab evaluate} do it.
 */
public final class EvaluateModel {

    /**
     * The scores and which clips fell where.
     *
     * @param evaluation the scores
     * @param cells {@code cells.get(true class).get(predicted class)}: the test clips of each cell of the confusion
     *     matrix, in id order
     */
    public record Result(Evaluation evaluation, List<List<List<Clip>>> cells) {
    }

    private EvaluateModel() {
    }

    /**
     * Evaluates the current model.
     *
     * @param project the open project
     * @param monitor progress and cancellation
     * @return the result, or empty when the project has no test clips
     * @throws org.gesturelab.core.GestureLabException when there is no current model or it does not fit the
     *     project
     */
    public static Optional<Result> run(Project project, TaskMonitor monitor) {
        List<Clip> test = project.clips(ClipState.TEST);
        if (test.isEmpty()) {
            return Optional.empty();
        }
        Predictions predictions = predictWithCurrentModel(project, test, monitor);
        LabeledClips clips = predictions.clips();
        float[][] probabilities = predictions.probabilities();
        Evaluation evaluation = Evaluation.ofProbabilities(clips.classes(), clips.labels(), probabilities)
                .withNothing(project.settings().nothingIndex());
        int[] predicted = Evaluation.argmax(probabilities);
        int n = clips.classes().size();
        List<List<List<Clip>>> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<List<Clip>> row = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                row.add(new ArrayList<>());
            }
            cells.add(row);
        }
        for (int c = 0; c < test.size(); c++) {
            cells.get(clips.labels()[c]).get(predicted[c]).add(test.get(c));
        }
        return Optional.of(new Result(evaluation, cells));
    }

    /**
     * The current model's class probabilities for labeled clips.
     *
     * @param clips the clips with their labels, in the order given
     * @param probabilities one row per clip, in the model's class order
     */
    public record Predictions(LabeledClips clips, float[][] probabilities) {
    }

    /**
     * Loads the project's current model and lets it classify labeled clips, for the evaluations that compare its
     * answers with the labels.
     *
     * @param project the open project
     * @param labeled labeled clips of the project
     * @param monitor progress and cancellation
     * @return the clips and the model's probabilities
     * @throws org.gesturelab.core.GestureLabException when there is no current model or it does not fit the
     *     project
     */
    public static Predictions predictWithCurrentModel(Project project, List<Clip> labeled, TaskMonitor monitor) {
        monitor.update("Evaluating the model on " + labeled.size() + " test clips", 0, -1);
        try (TrainedClassifier model = ModelStore.loadCurrent(project.directory(), project.classNames(),
                project.sequenceLength(), project.settings().features())) {
            LabeledClips clips = project.labeledClips(labeled, Clip::label);
            monitor.checkCancelled();
            return new Predictions(clips, model.predict(clips.clips()));
        }
    }
}

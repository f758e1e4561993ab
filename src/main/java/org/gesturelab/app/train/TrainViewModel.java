package org.gesturelab.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.ClipPictures;
import org.gesturelab.app.common.ClipReplay;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.TaskHandle;
import org.gesturelab.classify.Json;
import org.gesturelab.workflow.EvaluateModel;
import org.gesturelab.workflow.LabelingRound;
import org.gesturelab.workflow.Retrain;
import org.gesturelab.workflow.SimulateProject;
import org.gesturelab.classify.ModelKind;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;

/**
 * The Train screen's state: the history of the user's labeling rounds, the learning curves (with simulated ones
 * beside it), and the current model's evaluation on the test clips with the clips behind each confusion-matrix cell.
 */
public final class TrainViewModel {

    /**
     * A row of the history table.
     *
     * @param iteration the round's number
     * @param labels labeled training clips
     * @param macroF1 macro F1 on the test clips, NaN when unmeasured
     * @param accuracy accuracy on the test clips, NaN when unmeasured
     * @param strategy the query strategy
     * @param seconds the round's time
     * @param session the session (interactive, or a simulation's name)
     */
    public record HistoryRow(int iteration, int labels, double macroF1, double accuracy, String strategy,
            double seconds, String session) {
    }

    private final OpenProject projects;
    private final BackgroundExecutor executor;
    private final ObservableList<HistoryRow> history = FXCollections.observableArrayList();
    private final ObservableList<HistoryRow> simulations = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<EvaluateModel.Result> assessment =
            new ReadOnlyObjectWrapper<>(this, "assessment");
    private final ObservableList<Clip> cellClips = FXCollections.observableArrayList();
    private static final String NO_TEST_CLIPS =
            "No test clips: import or move some clips to the test set to measure the model.";

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObjectProperty<ModelKind> modelKind = new SimpleObjectProperty<>(this, "modelKind",
            ModelKind.DEFAULT);
    private final ReadOnlyObjectWrapper<TaskHandle> task = new ReadOnlyObjectWrapper<>(this, "task");
    private final ClipReplay replay;

    /**
     * Creates the view model.
     *
     * @param projects the open project
     * @param executor runs training and evaluation in the background
     */
    public TrainViewModel(OpenProject projects, BackgroundExecutor executor) {
        this.projects = projects;
        this.executor = executor;
        this.replay = new ClipReplay(executor);
        projects.projectProperty().addListener((obs, old, now) -> {
            // Another project starts clean: no message, matrix or replay of the last one.
            message.set("");
            assessment.set(null);
            cellClips.clear();
            replay.clear();
            refreshHistory();
            followCurrentModel();
        });
        projects.modelRevisionProperty().addListener((obs, old, now) -> {
            refreshHistory();
            evaluate();
            followCurrentModel();
        });
        refreshHistory();
        followCurrentModel();
    }

    /** The choice of model starts at the kind of the project's current model, so "Train now" keeps it. */
    private void followCurrentModel() {
        Project project = projects.get();
        modelKind.set(project == null ? ModelKind.DEFAULT : Retrain.currentKind(project));
    }

    /** Returns the kind of model "Train now" trains: a network or a classical model. */
    public ObjectProperty<ModelKind> modelKindProperty() {
        return modelKind;
    }

    /** Re-reads the history from the project. */
    public void refreshHistory() {
        Project project = projects.get();
        if (project == null) {
            history.clear();
            simulations.clear();
            return;
        }
        List<HistoryRow> interactive = new ArrayList<>();
        List<HistoryRow> simulated = new ArrayList<>();
        // Every session at once: the user's own rounds, and any simulations run on this project.
        for (Iteration iteration : project.iterations(null)) {
            (Iteration.INTERACTIVE.equals(iteration.session()) ? interactive : simulated).add(row(iteration));
        }
        history.setAll(interactive);
        simulations.setAll(simulated);
    }

    private static HistoryRow row(Iteration iteration) {
        double f1 = Double.NaN;
        double seconds = Double.NaN;
        double accuracy = iteration.testAccuracy() == null ? Double.NaN : iteration.testAccuracy();
        if (iteration.details() != null) {
            try {
                JsonNode details = Json.MAPPER.readTree(iteration.details());
                f1 = number(details.get("macro_f1"));
                seconds = number(details.get("seconds"));
            } catch (java.io.IOException e) {
                // A row without details still shows its labels and accuracy.
            }
        }
        return new HistoryRow(iteration.number(), iteration.labeledClips(), f1, accuracy,
                iteration.strategy() == null ? "" : iteration.strategy(), seconds, iteration.session());
    }

    private static double number(JsonNode node) {
        return node == null || node.isNull() ? Double.NaN : node.asDouble();
    }

    /** Trains now (warm-started from the current model) in the background. */
    public void train() {
        Project project = projects.get();
        if (project == null || isBusy()) {
            return;
        }
        ModelKind kind = modelKind.get() == null ? ModelKind.DEFAULT : modelKind.get();
        task.set(executor.submit("Training the model (" + kind.id() + ")", monitor -> {
            TrainedClassifier warm = LabelingRound.currentModel(project).orElse(null);
            try {
                Retrain.Result result = Retrain.run(project, Retrain.Request.interactive(kind, warm, "manual"),
                        monitor);
                result.model().close();
                return result;
            } finally {
                if (warm != null) {
                    warm.close();
                }
            }
        }, result -> {
            message.set(result.evaluation() == null
                    ? String.format(Locale.ROOT, "Trained on %d clips in %.0f s. Add test clips to measure it.",
                            result.labels(), result.seconds())
                    : String.format(Locale.ROOT, "Trained on %d clips in %.0f s: macro F1 %.2f.", result.labels(),
                            result.seconds(), result.evaluation().macroF1()));
            projects.modelChanged();
        }, error -> message.set(error instanceof org.gesturelab.core.CancelledException ? "Training cancelled."
                : error.getMessage())));
    }

    /**
     * Simulates labeling with the project's own known labels in the background: random sampling against a query
     * strategy, from the same two labeled clips per gesture, with the true labels standing in for the user. The
     * curves are stored in the project under their own session names and drawn beside the user's curve.
     *
     * @param strategy the strategy to compare with random sampling
     * @param extraLabels how many labels each simulated run may add
     */
    public void simulate(String strategy, int extraLabels) {
        Project project = projects.get();
        if (project == null || isBusy()) {
            return;
        }
        task.set(executor.submit("Simulating labeling (random vs " + strategy + ")", monitor -> {
            return SimulateProject.run(project, new SimulateProject.Request(strategy, extraLabels), monitor);
        }, outcome -> {
            message.set(outcome.describe());
            refreshHistory();
        }, error -> message.set(error instanceof org.gesturelab.core.CancelledException ? "Simulation cancelled."
                : error.getMessage())));
    }

    /** Evaluates the current model on the test clips in the background. */
    public void evaluate() {
        Project project = projects.get();
        if (project == null || ModelStore.current(project.directory()).isEmpty()) {
            assessment.set(null);
            return;
        }
        executor.submit("Evaluating the model", monitor -> EvaluateModel.run(project, monitor).orElse(null), result -> {
            assessment.set(result);
            cellClips.clear();
            replay.clear();
            if (result == null) {
                message.set(NO_TEST_CLIPS);
            } else if (NO_TEST_CLIPS.equals(message.get())) {
                // Test clips exist now: the old news goes, and the matrix says the rest.
                message.set("");
            }
        }, error -> message.set("Could not evaluate: " + error.getMessage()));
    }

    /**
     * Lists the test clips of a confusion-matrix cell.
     *
     * @param truth the true class
     * @param predicted the predicted class
     */
    public void showCell(int truth, int predicted) {
        EvaluateModel.Result current = assessment.get();
        if (current != null) {
            cellClips.setAll(current.cells().get(truth).get(predicted));
            replay.clear();
        }
    }

    /**
     * Replays a clip of the cell listed, or stops replaying for null: its replay video with the skeleton, or the
     * skeleton alone, rendered in the background.
     *
     * @param clip the clip, or null
     */
    public void replay(Clip clip) {
        replay.show(projects.get(), clip, message::set);
    }

    /**
     * Gives a test clip another label (it stays a test clip).
     *
     * @param clip the clip
     * @param classIndex the new class
     */
    public void relabel(Clip clip, int classIndex) {
        Project project = projects.get();
        if (project == null) {
            return;
        }
        project.label(clip.id(), classIndex, LabelSource.USER);
        cellClips.remove(clip);
        Clip replayed = replay.clipProperty().get();
        if (replayed != null && replayed.id() == clip.id()) {
            replay.clear();
        }
        message.set("Clip " + clip.id() + " is now “" + project.classNames().get(classIndex) + "”.");
        projects.changed();
        evaluate();
    }

    private boolean isBusy() {
        TaskHandle running = task.get();
        return running != null && running.runningProperty().get();
    }

    /** Returns the user's labeling rounds. */
    public ObservableList<HistoryRow> history() {
        return history;
    }

    /** Returns the rounds of simulations run on this project. */
    public ObservableList<HistoryRow> simulations() {
        return simulations;
    }

    /** Returns the current model's evaluation, or null. */
    public ReadOnlyObjectProperty<EvaluateModel.Result> assessmentProperty() {
        return assessment.getReadOnlyProperty();
    }

    /** Returns the clips of the confusion-matrix cell clicked last. */
    public ObservableList<Clip> cellClips() {
        return cellClips;
    }

    /** Returns the pictures of the clip replayed, or null. */
    public ReadOnlyObjectProperty<ClipPictures> replayProperty() {
        return replay.picturesProperty();
    }

    /** Returns the clip replayed, or null. */
    public ReadOnlyObjectProperty<Clip> replayedClipProperty() {
        return replay.clipProperty();
    }

    /** Returns what to tell the user. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns the running training, or null. */
    public ReadOnlyObjectProperty<TaskHandle> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** Returns the open project's class names. */
    public List<String> classNames() {
        return projects.classNames();
    }
}

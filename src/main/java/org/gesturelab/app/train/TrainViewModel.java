package org.gesturelab.app.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.Json;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.workflow.EvaluateModel;
import org.gesturelab.workflow.LabelingRound;
import org.gesturelab.workflow.Retrain;
import org.gesturelab.workflow.TestHoldOut;
import org.gesturelab.workflow.SimulateProject;
import org.gesturelab.workflow.spotting.Calibration;
import org.gesturelab.workflow.persons.CrossPersonValidation;
import org.gesturelab.workflow.persons.PersonScores;
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

    /** The end of a training message without test clips; it goes once test clips measure the model. */
    static final String ADD_TEST_CLIPS = "Add test clips to measure it.";

    /** Frames per second the calibration streams are played at: the bodygesture15 and webcam rate. */
    static final double CALIBRATION_FPS = 15;
    private static final long CALIBRATION_SEED = 42;
    private final ReadOnlyObjectWrapper<Calibration> calibration = new ReadOnlyObjectWrapper<>(this, "calibration");
    private final ReadOnlyObjectWrapper<Calibration.CurvePoint> chosenPoint =
            new ReadOnlyObjectWrapper<>(this, "chosenPoint");

    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper severalPeople = new ReadOnlyBooleanWrapper(this, "severalPeople");
    private final ReadOnlyObjectWrapper<PersonScores> unseenPeople = new ReadOnlyObjectWrapper<>(this,
            "unseenPeople");
    private final ObjectProperty<ModelKind> modelKind = new SimpleObjectProperty<>(this, "modelKind",
            ModelKind.DEFAULT);
    private final ReadOnlyObjectWrapper<TaskHandle> task = new ReadOnlyObjectWrapper<>(this, "task");
    private final ReadOnlyStringWrapper testSummary = new ReadOnlyStringWrapper(this, "testSummary", "");
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
            unseenPeople.set(null);
            cellClips.clear();
            replay.clear();
            clearCalibration();
            refreshHistory();
            followCurrentModel();
        });
        projects.modelRevisionProperty().addListener((obs, old, now) -> {
            // A curve belongs to one model: a new one needs its own calibration.
            Calibration shown = calibration.get();
            Project project = projects.get();
            if (shown != null && (project == null || !ModelStore.current(project.directory())
                    .map(folder -> folder.toAbsolutePath().normalize()
                            .equals(shown.modelFolder().toAbsolutePath().normalize())).orElse(false))) {
                clearCalibration();
            }
            refreshHistory();
            evaluate();
            followCurrentModel();
        });
        // Clips recorded, labeled, moved or held out elsewhere change the test clips this screen measures with,
        // and who is in them.
        projects.revisionProperty().addListener((obs, old, now) -> {
            refreshTestSummary();
            refreshPeople();
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

    private void refreshTestSummary() {
        Project project = projects.get();
        testSummary.set(project == null ? "" : TestHoldOut.describe(project));
    }

    /** Re-reads whether labeled clips of two or more people exist. */
    private void refreshPeople() {
        Project project = projects.get();
        severalPeople.set(project != null && CrossPersonValidation.labeledPersons(project).size() >= 2);
    }

    /** Returns the line that shows the held-out test clips, e.g. "Test: 12 clips (20 % held out per class)". */
    public ReadOnlyStringProperty testSummaryProperty() {
        return testSummary.getReadOnlyProperty();
    }

    /** Re-reads the history from the project. */
    public void refreshHistory() {
        Project project = projects.get();
        refreshTestSummary();
        refreshPeople();
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
            if (projects.get() != project) {
                // Trained for a project that is no longer open: its news is not this one's.
                return;
            }
            message.set(result.evaluation() == null
                    ? String.format(Locale.ROOT, "Trained on %d clips in %.0f s. " + ADD_TEST_CLIPS,
                            result.labels(), result.seconds())
                    : String.format(Locale.ROOT, "Trained on %d clips in %.0f s: macro F1 %.2f.", result.labels(),
                            result.seconds(), result.evaluation().macroF1()));
            projects.modelChanged();
            if (severalPeople.get()) {
                // The usual figure is on people the model saw; the honest one follows at once, still cancellable.
                checkUnseenPeople();
            }
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
            if (projects.get() != project) {
                return;
            }
            message.set(outcome.describe());
            refreshHistory();
        }, error -> message.set(error instanceof org.gesturelab.core.CancelledException ? "Simulation cancelled."
                : error.getMessage())));
    }

    /**
     * Calibrates the current model in the background: plays the test clips as streams and chooses per-class
     * thresholds that meet a false-activation target (stored beside the model, so Live uses them at once), and
     * keeps the trade-off curve for the chart.
     *
     * @param targetFaPerHour false activations per hour of Nothing to stay under
     */
    public void calibrate(double targetFaPerHour) {
        Project project = projects.get();
        if (project == null || isBusy()) {
            return;
        }
        task.set(executor.submit("Calibrating the spotting thresholds", monitor -> Calibration.calibrate(project,
                targetFaPerHour, CALIBRATION_FPS, CALIBRATION_SEED, monitor), result -> {
                    calibration.set(result);
                    // The search ends at the point it chose: the last one of its path.
                    chosenPoint.set(result.curve().get(result.curve().size() - 1));
                    message.set(String.format(Locale.ROOT, "Calibrated%s: %.1f false activations per hour at "
                            + "recall %.2f. Click another point of the chart to trade one for the other.",
                            result.reached() ? "" : " (target not met)", result.settings().calibration()
                                    .faPerHour(), result.settings().calibration().recall()));
                    projects.modelChanged();
                }, error -> message.set(error instanceof org.gesturelab.core.CancelledException
                        ? "Calibration cancelled." : error.getMessage())));
    }

    /**
     * Picks a point of the trade-off curve: its thresholds are stored beside the model and Live uses them.
     *
     * @param point a point of the calibration's curve
     */
    public void choose(Calibration.CurvePoint point) {
        Calibration shown = calibration.get();
        Project project = projects.get();
        if (shown == null || project == null || point.equals(chosenPoint.get())) {
            return;
        }
        executor.submit("Storing the thresholds", monitor -> shown.choose(project, point), written -> {
            chosenPoint.set(point);
            message.set(String.format(Locale.ROOT, "Thresholds set for %.1f false activations per hour at recall "
                    + "%.2f; Live uses them.", point.faPerHour(), point.recall()));
            projects.modelChanged();
        }, error -> message.set("Could not store the thresholds: " + error.getMessage()));
    }

    private void clearCalibration() {
        calibration.set(null);
        chosenPoint.set(null);
    }

    /** Returns the last calibration of the current model, or null. */
    public ReadOnlyObjectProperty<Calibration> calibrationProperty() {
        return calibration.getReadOnlyProperty();
    }

    /** Returns the trade-off point whose thresholds are in use, or null. */
    public ReadOnlyObjectProperty<Calibration.CurvePoint> chosenPointProperty() {
        return chosenPoint.getReadOnlyProperty();
    }

    /**
     * Measures, in the background, how the project's network does on people it was not trained on: leave one
     * person out over the labeled clips ({@link CrossPersonValidation}), the default network with the epochs of an
     * interactive retraining. Saves nothing.
     */
    public void checkUnseenPeople() {
        Project project = projects.get();
        if (project == null || isBusy() || !severalPeople.get()) {
            return;
        }
        task.set(executor.submit("Checking on people the model was not trained on", monitor -> {
            TrainingConfig defaults = TrainingConfig.defaults();
            TrainingConfig config = new TrainingConfig(Architecture.DEFAULT, defaults.subset(),
                    project.sequenceLength(), Retrain.INTERACTIVE_EPOCHS, defaults.batchSize(),
                    defaults.learningRate(), defaults.validationFraction(), defaults.patience(),
                    defaults.classWeights(), defaults.augmentation(), defaults.seed(), defaults.canonicalSide());
            CrossPersonValidation.Result result = CrossPersonValidation.run(project, new CrossPersonValidation
                    .Request(List.of(Architecture.DEFAULT), List.of(), config, true), monitor);
            return result.models().get(0).scores();
        }, scores -> {
            unseenPeople.set(scores);
            message.set(unseenPeopleMessage(scores));
        }, error -> message.set(error instanceof org.gesturelab.core.CancelledException
                ? "Check on new people cancelled." : error.getMessage())));
    }

    /** Below this accuracy on people held out, the check's message says what helps most. */
    static final double ADVISE_BELOW = 0.9;

    /**
     * Words for the result of {@link #checkUnseenPeople()}. When a new person is recognized poorly, it adds what
     * helped most in measurements (docs/decisions/1720, 1730): a single example of each gesture by that person,
     * which lifted the default network from about 0.59 to 0.66 on bodygesture15 people, where no setting of the
     * models came close.
     *
     * @param scores the scores on people held out
     * @return the message
     */
    static String unseenPeopleMessage(PersonScores scores) {
        String figures = String.format(Locale.ROOT, "On people it was not trained on: accuracy %.0f%% (±%.0f over %d "
                + "people), macro F1 %.2f.", scores.meanAccuracy() * 100, scores.spreadAccuracy() * 100,
                scores.persons().size(), scores.meanMacroF1());
        return scores.meanAccuracy() < ADVISE_BELOW ? figures + " What helps most with someone new: one example "
                + "of each gesture by them, tagged with their name." : figures;
    }

    /** Returns whether labeled clips of at least two people exist, so that people can be held out. */
    public ReadOnlyBooleanProperty severalPeopleProperty() {
        return severalPeople.getReadOnlyProperty();
    }

    /** Returns the scores on people held out, once {@link #checkUnseenPeople()} has run; else null. */
    public ReadOnlyObjectProperty<PersonScores> unseenPeopleProperty() {
        return unseenPeople.getReadOnlyProperty();
    }

    /** Evaluates the current model on the test clips in the background. */
    public void evaluate() {
        Project project = projects.get();
        if (project == null || ModelStore.current(project.directory()).isEmpty()) {
            assessment.set(null);
            return;
        }
        executor.submit("Evaluating the model", monitor -> EvaluateModel.run(project, monitor).orElse(null), result -> {
            if (projects.get() != project) {
                return;
            }
            assessment.set(result);
            cellClips.clear();
            replay.clear();
            if (result == null) {
                message.set(NO_TEST_CLIPS);
            } else if (NO_TEST_CLIPS.equals(message.get()) || message.get().endsWith(ADD_TEST_CLIPS)) {
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

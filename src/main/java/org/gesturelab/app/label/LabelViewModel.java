package org.gesturelab.app.label;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.gesturelab.active.BaldStrategy;
import org.gesturelab.active.QueryStrategies;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.ClipPictures;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.TaskHandle;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.dataset.GestureClass;
import org.gesturelab.dataset.LabelEvent;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.LabelingRound;
import org.gesturelab.workflow.Retrain;

/**
 * The Label screen's state. "Next batch" asks the query strategy (in the background) for the clips the current model
 * is least sure of and renders them all ahead of time; each label, skip or undo is written to the project on the
 * key press and the next clip shows at once; when the batch is done the model retrains in the background.
 */
public final class LabelViewModel {

    /** The answer shown for a skipped clip. */
    public static final String SKIPPED = "skipped";

    private final OpenProject projects;
    private final SettingsStore settings;
    private final BackgroundExecutor executor;
    private final StringProperty strategy = new SimpleStringProperty(this, "strategy");
    private final IntegerProperty batchSize = new SimpleIntegerProperty(this, "batchSize");
    private final BooleanProperty autoRetrain = new SimpleBooleanProperty(this, "autoRetrain");
    private final ObservableList<LabelItem> queue = FXCollections.observableArrayList();
    private final ObservableMap<Long, String> answers = FXCollections.observableHashMap();
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", -1);
    private final ReadOnlyObjectWrapper<LabelItem> current = new ReadOnlyObjectWrapper<>(this, "current");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<TaskHandle> task = new ReadOnlyObjectWrapper<>(this, "task");
    private final ObservableList<GestureClass> classes = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper poolSize = new ReadOnlyIntegerWrapper(this, "poolSize");
    private final Map<Long, Integer> labelOf = new HashMap<>();
    private TrainedClassifier model;
    /** A model trained in the background, waiting to replace {@link #model} when no query uses it. */
    private TrainedClassifier pending;
    /** The running background training, or null: it never blocks the next batch. */
    private TaskHandle training;
    private boolean retrainAgain;
    /** The last project's pending model, closed when its training (which may read it) ends. */
    private TrainedClassifier stale;
    private LabelingRound rounds;
    private long lastSwitchNanos;
    private volatile double lastKeyMillis;

    /**
     * Creates the view model.
     *
     * @param projects the open project
     * @param settings strategy, batch size and auto-retrain are remembered here
     * @param executor runs queries and training in the background
     */
    public LabelViewModel(OpenProject projects, SettingsStore settings, BackgroundExecutor executor) {
        this.projects = projects;
        this.settings = settings;
        this.executor = executor;
        var s = settings.get();
        strategy.set(QueryStrategies.NAMES.contains(s.strategy()) ? s.strategy() : QueryStrategies.DEFAULT);
        batchSize.set(s.batchSize());
        autoRetrain.set(s.autoRetrain());
        strategy.addListener((obs, old, now) -> savePreferences());
        batchSize.addListener((obs, old, now) -> savePreferences());
        autoRetrain.addListener((obs, old, now) -> savePreferences());
        projects.projectProperty().addListener((obs, old, now) -> {
            closeModel();
            if (isTraining()) {
                // The last project's training is of no use here: stop it, and let it close what it reads.
                training.cancel();
                stale = pending;
                pending = null;
                retrainAgain = false;
            }
            if (now != null) {
                // The engine starts while the user looks around, not when the first batch is asked for.
                Retrain.warmUpInBackground();
            }
            queue.clear();
            answers.clear();
            select(-1);
            refresh();
        });
        projects.revisionProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void savePreferences() {
        settings.update(s -> s.withPreferences(s.confidenceThreshold(), s.clipsPerTake(), s.countdownSeconds(),
                strategy.get(), batchSize.get(), autoRetrain.get()));
    }

    private void refresh() {
        Project project = projects.get();
        if (project == null) {
            classes.clear();
            poolSize.set(0);
            return;
        }
        if (!classes.equals(project.classes())) {
            classes.setAll(project.classes());
        }
        poolSize.set(project.stats().pool());
    }

    // ------------------------------------------------------------------ batches

    /** Queries the next batch in the background, scoring the pool with the current model (random without one). */
    public void nextBatch() {
        Project project = projects.get();
        if (project == null || isBusy()) {
            return;
        }
        LabelingRound rounds = rounds(project);
        LabelingRound.Request request = new LabelingRound.Request(strategy.get(), batchSize.get(), null);
        message.set("");
        if (!isTraining()) {
            // A model trained in the background since the last batch ranks this one.
            usePending();
        }
        boolean[] quick = new boolean[1];
        task.set(executor.submit("Choosing the clips to label", monitor -> {
            if (model == null) {
                model = LabelingRound.currentModel(project).orElse(null);
            }
            double trainedSeconds = Double.NaN;
            if (model == null && !isTraining() && LabelingRound.canTrain(project)) {
                // The user's own examples come first: with labeled clips of two gestures or more, a model is
                // trained before ranking, so the first batch is not picked at random. With many clips it is a quick
                // one, and the full one follows in the background.
                monitor.update("Training a first model on your labeled clips", 0, -1);
                LabelingRound.FirstModel first = LabelingRound.firstModel(project, monitor);
                model = first.model();
                trainedSeconds = first.seconds();
                quick[0] = first.quick();
            }
            LabelingRound.Batch batch = rounds.query(model, request, monitor);
            List<LabelItem> items = new ArrayList<>();
            for (int i = 0; i < batch.items().size(); i++) {
                monitor.update("Preparing the replays", i, batch.items().size());
                monitor.checkCancelled();
                LabelingRound.Item item = batch.items().get(i);
                items.add(new LabelItem(item.ranked(), item.clip(), item.probabilities(),
                        ClipPictures.render(item.clip(), item.frames())));
            }
            return new Prepared(items, trainedSeconds);
        }, prepared -> {
            List<LabelItem> items = prepared.items();
            if (!Double.isNaN(prepared.trainedSeconds()) && !quick[0]) {
                projects.modelChanged();
            }
            queue.setAll(items);
            answers.clear();
            labelOf.clear();
            select(items.isEmpty() ? -1 : 0);
            message.set(items.isEmpty() ? "The pool is empty: record unlabeled footage or import clips into the pool."
                    : model == null ? "No model yet: these clips were picked at random. Label them to train one."
                    : !Double.isNaN(prepared.trainedSeconds()) ? String.format(Locale.ROOT, "Trained a first model "
                            + "on your labeled clips in %.0f s; these are the clips it is least sure of.%s",
                            prepared.trainedSeconds(), quick[0] ? " The full model trains in the background." : "")
                    : "bald".equals(strategy.get()) ? BaldStrategy.fallbackNote(model).orElse("")
                    : "");
            if (quick[0]) {
                retrain();
            }
        }, error -> message.set(error instanceof org.gesturelab.core.CancelledException ? "Cancelled."
                : "Could not choose clips: " + error.getMessage())));
    }

    /** A batch ready to show, and how long a first model took to train for it (NaN when none was trained). */
    private record Prepared(List<LabelItem> items, double trainedSeconds) {
    }

    /** Returns the labeling rounds of the open project, started when it was opened. */
    private LabelingRound rounds(Project project) {
        if (rounds == null || rounds.data().project() != project) {
            rounds = new LabelingRound(project);
        }
        return rounds;
    }

    // ------------------------------------------------------------------ keys

    /**
     * Labels the current clip with a class and moves on.
     *
     * @param classIndex the class
     * @return whether a clip was labeled
     */
    public boolean label(int classIndex) {
        long start = System.nanoTime();
        LabelItem item = current.get();
        Project project = projects.get();
        if (item == null || project == null || classIndex < 0 || classIndex >= classes.size()) {
            return false;
        }
        try {
            rounds(project).label(item.clip().id(), classIndex);
        } catch (RuntimeException e) {
            message.set(e.getMessage());
            return false;
        }
        labelOf.put(item.clip().id(), classIndex);
        answers.put(item.clip().id(), classes.get(classIndex).name());
        advance();
        lastKeyMillis = (System.nanoTime() - start) / 1e6;
        return true;
    }

    /**
     * Labels the current clip with the class whose shortcut is a key.
     *
     * @param key the typed character
     * @return whether a class has that key and a clip was labeled
     */
    public boolean labelByKey(String key) {
        for (int i = 0; i < classes.size(); i++) {
            if (key.equalsIgnoreCase(classes.get(i).shortcut())) {
                return label(i);
            }
        }
        return false;
    }

    /**
     * Skips the current clip: it is set aside without a label.
     *
     * @return whether a clip was skipped
     */
    public boolean skip() {
        LabelItem item = current.get();
        Project project = projects.get();
        if (item == null || project == null) {
            return false;
        }
        rounds(project).skip(item.clip().id());
        labelOf.remove(item.clip().id());
        answers.put(item.clip().id(), SKIPPED);
        advance();
        return true;
    }

    /**
     * Undoes the last label or skip and shows that clip again.
     *
     * @return whether something was undone
     */
    public boolean undo() {
        Project project = projects.get();
        if (project == null) {
            return false;
        }
        Optional<LabelEvent> undone = rounds(project).undo();
        if (undone.isEmpty()) {
            message.set("Nothing to undo.");
            return false;
        }
        long clipId = undone.get().clipId();
        answers.remove(clipId);
        labelOf.remove(clipId);
        for (int i = 0; i < queue.size(); i++) {
            if (queue.get(i).clip().id() == clipId) {
                select(i);
                break;
            }
        }
        message.set("Undone.");
        projects.changed();
        return true;
    }

    /** Shows the previous clip of the batch. */
    public void previous() {
        if (index.get() > 0) {
            select(index.get() - 1);
        }
    }

    /** Shows the next clip of the batch. */
    public void next() {
        if (index.get() + 1 < queue.size()) {
            select(index.get() + 1);
        }
    }

    private void advance() {
        projects.changed();
        for (int step = 1; step <= queue.size(); step++) {
            int candidate = (index.get() + step) % queue.size();
            if (!answers.containsKey(queue.get(candidate).clip().id())) {
                select(candidate);
                return;
            }
        }
        // Every clip of the batch has an answer.
        select(-1);
        message.set("Batch done: " + labelOf.size() + " labeled, " + (answers.size() - labelOf.size())
                + " skipped.");
        if (autoRetrain.get() && !labelOf.isEmpty()) {
            retrain();
        }
    }

    private void select(int newIndex) {
        lastSwitchNanos = System.nanoTime();
        index.set(newIndex);
        current.set(newIndex < 0 || newIndex >= queue.size() ? null : queue.get(newIndex));
    }

    // ------------------------------------------------------------------ training

    /**
     * Retrains in the background now; the history gains a row and every screen sees the new model. The user goes
     * on labeling meanwhile: the next batch is ranked by the model at hand, and the new one takes over from the
     * batch after it finishes. A retraining asked for while one runs follows it.
     */
    public void retrain() {
        Project project = projects.get();
        if (project == null) {
            return;
        }
        if (isTraining()) {
            retrainAgain = true;
            return;
        }
        String strategyName = model == null ? "random" : strategy.get();
        TrainedClassifier previous = pending != null ? pending : model;
        training = executor.submit("Training the model", monitor -> Retrain.run(project,
                Retrain.Request.interactive(previous, strategyName), monitor), result -> {
                    training = null;
                    closeStale();
                    if (projects.get() != project) {
                        result.model().close();
                        return;
                    }
                    if (pending != null) {
                        pending.close();
                    }
                    pending = result.model();
                    if (!isBusy()) {
                        usePending();
                    }
                    message.set(result.evaluation() == null
                            ? String.format(Locale.ROOT, "Retrained on %d clips in %.0f s. Add test clips to measure "
                                    + "it.", result.labels(), result.seconds())
                            : String.format(Locale.ROOT, "Retrained on %d clips in %.0f s: macro F1 %.2f, accuracy "
                                    + "%.0f%%.", result.labels(), result.seconds(), result.evaluation().macroF1(),
                                    result.evaluation().accuracy() * 100));
                    projects.modelChanged();
                    if (retrainAgain) {
                        retrainAgain = false;
                        retrain();
                    }
                }, error -> {
                    training = null;
                    closeStale();
                    retrainAgain = false;
                    message.set(error instanceof org.gesturelab.core.CancelledException
                            ? "Training cancelled; the previous model stays." : error.getMessage());
                });
        task.set(training);
    }

    private void closeStale() {
        if (stale != null) {
            stale.close();
            stale = null;
        }
    }

    /** Returns whether a background training runs. */
    public boolean isTraining() {
        return training != null && training.runningProperty().get();
    }

    /** Puts the model trained in the background in place; called only while no query uses the old one. */
    private void usePending() {
        if (pending != null) {
            closeModel();
            model = pending;
            pending = null;
        }
    }

    private boolean isBusy() {
        TaskHandle running = task.get();
        // A background training is not busy: labeling and the next batch go on beside it.
        return running != null && running != training && running.runningProperty().get();
    }

    private void closeModel() {
        if (model != null) {
            model.close();
            model = null;
        }
        if (pending != null && !isTraining()) {
            pending.close();
            pending = null;
        }
    }

    /** Frees the model; called when the window closes. */
    public void dispose() {
        closeModel();
    }

    // ------------------------------------------------------------------ properties

    /** Returns the query strategy's name. */
    public StringProperty strategyProperty() {
        return strategy;
    }

    /** Returns the batch size. */
    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    /** Returns whether a finished batch retrains the model. */
    public BooleanProperty autoRetrainProperty() {
        return autoRetrain;
    }

    /** Returns the batch. */
    public ObservableList<LabelItem> queue() {
        return queue;
    }

    /** Returns each answered clip's answer: a class name or {@link #SKIPPED}. */
    public ObservableMap<Long, String> answers() {
        return answers;
    }

    /** Returns the position of the clip shown, or -1. */
    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** Returns the clip shown, or null. */
    public ReadOnlyObjectProperty<LabelItem> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** Returns what to tell the user. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns the background job shown with its progress, or null. */
    public ReadOnlyObjectProperty<TaskHandle> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** Returns the project's classes. */
    public ObservableList<GestureClass> classes() {
        return classes;
    }

    /** Returns the pool size. */
    public ReadOnlyIntegerProperty poolSizeProperty() {
        return poolSize.getReadOnlyProperty();
    }

    /**
     * Returns how long the last label key took from the press to the next clip being handed to the replay pane
     * (the database write included), in milliseconds; the picture appears at the next screen pulse.
     */
    public double lastKeyMillis() {
        return lastKeyMillis;
    }

    /** Returns when the shown clip last changed ({@link System#nanoTime()}), for the latency measurement. */
    public long lastSwitchNanos() {
        return lastSwitchNanos;
    }
}

package org.gesturelab.app.dataset;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.ClipPictures;
import org.gesturelab.app.common.ClipReplay;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.TaskHandle;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectSettings;
import org.gesturelab.workflow.ExportData;
import org.gesturelab.workflow.ExportFormat;
import org.gesturelab.workflow.ImportData;
import org.gesturelab.workflow.TestHoldOut;
import org.gesturelab.workflow.ImportFormat;
import org.gesturelab.workflow.KeypointEngine;
import org.gesturelab.core.KeypointLayout;

/**
 * The Dataset screen's state: every clip of the project with the current model's prediction, filtered by state,
 * class and text; relabel, delete and move act on the selected rows; import and export run in the background.
 */
public final class DatasetViewModel {

    /**
     * A row of the clip table.
     *
     * @param clip the clip
     * @param label its class name, or empty
     * @param prediction the model's most likely class, or empty without a model
     * @param confidence that class's probability, or NaN
     */
    public record ClipRow(Clip clip, String label, String prediction, double confidence) {

        /** Returns the date the clip was added, local time. */
        public String added() {
            return DATE.format(clip.createdAt().atZone(ZoneId.systemDefault()));
        }
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final OpenProject projects;
    private final BackgroundExecutor executor;
    private final ClipReplay replay;
    private final KeypointEngine keypoints;
    private final ObservableList<ClipRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ClipRow> filtered = new FilteredList<>(rows);
    private final ObjectProperty<ClipState> stateFilter = new SimpleObjectProperty<>(this, "stateFilter");
    private final StringProperty labelFilter = new SimpleStringProperty(this, "labelFilter");
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyObjectWrapper<TaskHandle> task = new ReadOnlyObjectWrapper<>(this, "task");
    private final ReadOnlyStringWrapper testSummary = new ReadOnlyStringWrapper(this, "testSummary", "");
    private final ReadOnlyDoubleWrapper testShare = new ReadOnlyDoubleWrapper(this, "testShare",
            ProjectSettings.DEFAULT_TEST_SHARE);
    private int loadGeneration;

    private record Loaded(List<ClipRow> rows, String testSummary) {
    }

    /**
     * Creates the view model.
     *
     * @param projects the open project
     * @param executor loads clips and predictions, imports and exports in the background
     * @param keypoints loads MediaPipe Holistic when videos are imported
     */
    public DatasetViewModel(OpenProject projects, BackgroundExecutor executor,
            KeypointEngine keypoints) {
        this.projects = projects;
        this.executor = executor;
        this.keypoints = keypoints;
        this.replay = new ClipReplay(executor);
        stateFilter.addListener((obs, old, now) -> applyFilter());
        labelFilter.addListener((obs, old, now) -> applyFilter());
        textFilter.addListener((obs, old, now) -> applyFilter());
        projects.revisionProperty().addListener((obs, old, now) -> reload());
        projects.projectProperty().addListener((obs, old, now) -> {
            // Another project: the last one's news is not this one's.
            message.set("");
            reload();
        });
    }

    private void applyFilter() {
        ClipState state = stateFilter.get();
        String label = labelFilter.get();
        String text = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
        filtered.setPredicate(row -> (state == null || row.clip().state() == state)
                && (label == null || label.equals(row.label()))
                && (text.isEmpty() || row.clip().source().toLowerCase(Locale.ROOT).contains(text)
                        || Long.toString(row.clip().id()).equals(text)
                        || (row.clip().person() != null
                                && row.clip().person().toLowerCase(Locale.ROOT).contains(text))));
    }

    /** Reloads the clips and the model's predictions in the background. */
    public void reload() {
        Project project = projects.get();
        int generation = ++loadGeneration;
        if (project == null) {
            rows.clear();
            testSummary.set("");
            return;
        }
        testShare.set(project.settings().testShareOrDefault());
        executor.submit("Loading the clips", monitor -> {
            List<Clip> clips = project.clips(ClipQuery.all());
            List<String> names = project.classNames();
            Map<Long, float[]> predictions = new HashMap<>();
            if (ModelStore.current(project.directory()).isPresent() && !clips.isEmpty()) {
                try (TrainedClassifier model = ModelStore.loadCurrent(project.directory(), names,
                        project.sequenceLength(), KeypointLayout.FEATURES)) {
                    List<float[][]> frames = new ArrayList<>(clips.size());
                    for (Clip clip : clips) {
                        frames.add(project.loadKeypoints(clip));
                    }
                    float[][] p = model.predict(frames);
                    for (int i = 0; i < clips.size(); i++) {
                        predictions.put(clips.get(i).id(), p[i]);
                    }
                } catch (RuntimeException e) {
                    // A model that no longer fits (a class was added) just leaves the column empty.
                    predictions.clear();
                }
            }
            List<ClipRow> loaded = new ArrayList<>(clips.size());
            for (Clip clip : clips) {
                float[] p = predictions.get(clip.id());
                int best = -1;
                if (p != null) {
                    best = 0;
                    for (int i = 1; i < p.length; i++) {
                        best = p[i] > p[best] ? i : best;
                    }
                }
                loaded.add(new ClipRow(clip, clip.label() == null ? "" : names.get(clip.label()),
                        best < 0 ? "" : names.get(best), best < 0 ? Double.NaN : p[best]));
            }
            return new Loaded(loaded, TestHoldOut.describe(project));
        }, loaded -> {
            if (generation == loadGeneration) {
                rows.setAll(loaded.rows());
                testSummary.set(loaded.testSummary());
            }
        }, error -> message.set("Could not load the clips: " + error.getMessage()));
    }

    /**
     * Renders a clip's replay in the background and shows it.
     *
     * @param row the clip, or null to clear
     */
    public void replay(ClipRow row) {
        replay.show(projects.get(), row == null ? null : row.clip(), message::set);
    }

    /**
     * Labels clips; pool and skipped clips join the training set, test clips stay test clips.
     *
     * @param selected the rows
     * @param classIndex the class
     */
    public void relabel(List<ClipRow> selected, int classIndex) {
        // One transaction for the whole selection: one disk flush however many rows are selected.
        java.util.Map<Long, Integer> labels = new java.util.LinkedHashMap<>();
        selected.forEach(row -> labels.put(row.clip().id(), classIndex));
        change(selected, () -> projects.get().labelAll(labels, LabelSource.USER),
                "Labeled %d clips “" + projects.classNames().get(classIndex) + "”.");
    }

    /**
     * Moves clips to another state.
     *
     * @param selected the rows
     * @param state the new state
     */
    public void move(List<ClipRow> selected, ClipState state) {
        List<Long> ids = selected.stream().map(row -> row.clip().id()).toList();
        change(selected, () -> projects.get().moveAll(ids, state, LabelSource.USER),
                "Moved %d clips to " + state.name().toLowerCase(Locale.ROOT) + ".");
    }

    /**
     * Tags clips with the person in them, all or none.
     *
     * @param selected the rows
     * @param person the person's name; blank for unknown
     */
    public void setPerson(List<ClipRow> selected, String person) {
        List<Long> ids = selected.stream().map(row -> row.clip().id()).toList();
        boolean clear = person == null || person.isBlank();
        change(selected, () -> projects.get().setPerson(ids, person), clear ? "Cleared the person of %d clips."
                : "Tagged %d clips with “" + person.strip().replace("%", "%%") + "”.");
    }

    /**
     * Shows a message above the table.
     *
     * @param text what to say
     */
    public void showMessage(String text) {
        message.set(text);
    }

    /** Returns the people the loaded clips are tagged with, sorted. */
    public List<String> persons() {
        return allRows().stream().map(row -> row.clip().person()).filter(java.util.Objects::nonNull).distinct()
                .sorted().toList();
    }

    /**
     * Deletes clips and their files.
     *
     * @param selected the rows
     */
    public void delete(List<ClipRow> selected) {
        List<Long> ids = selected.stream().map(row -> row.clip().id()).toList();
        change(selected, () -> ids.forEach(projects.get()::delete), "Deleted %d clips.");
    }

    private void change(List<ClipRow> selected, Runnable change, String done) {
        if (projects.get() == null || selected.isEmpty()) {
            return;
        }
        try {
            change.run();
            message.set(String.format(Locale.ROOT, done, selected.size()));
        } catch (RuntimeException e) {
            message.set(e.getMessage());
        }
        projects.changed();
    }

    /**
     * Imports in the background.
     *
     * @param format the format
     * @param source the file or folder
     * @param as the state for the clips
     * @param label the class for a recording's windows, or null
     */
    public void importData(ImportFormat format, Path source, ClipState as, String label) {
        importData(ImportData.Request.of(format, source, as, label));
    }

    /**
     * Imports in the background, followed by the project's automatic test hold-out for labeled training clips;
     * failures and Cancel end in {@link #messageProperty()}.
     *
     * @param given the format, the source, the state, a recording's class, the joints' split
     */
    public void importData(ImportData.Request given) {
        // The app holds out test clips from labeled imports, as it does from recorded and labeled clips.
        ImportData.Request request = given.withHoldOut(true);
        Project project = projects.get();
        if (project == null) {
            return;
        }
        task.set(executor.submit("Importing " + request.source().getFileName(), monitor -> ImportData.run(project,
                request, keypoints, monitor), result -> {
                    message.set(String.format(Locale.ROOT, "Imported %d clips%s%s.", result.clips().size(),
                            result.classesAdded().isEmpty() ? "" : "; new gestures: "
                                    + String.join(", ", result.classesAdded()),
                            result.warnings().isEmpty() ? "" : "; " + result.warnings().size() + " warnings: "
                                    + result.warnings().get(0)));
                    projects.modelChanged();
                }, error -> message.set(error instanceof org.gesturelab.core.CancelledException
                        ? "Import cancelled; nothing was added." : "Import failed: " + error.getMessage())));
    }

    /**
     * Holds out test clips in the background: tops every class's test clips up to a share of its labeled clips and
     * makes that share the project's, as {@code gesturelab project split} does.
     *
     * @param share the share, e.g. 0.2
     */
    public void split(double share) {
        Project project = projects.get();
        if (project == null) {
            return;
        }
        task.set(executor.submit("Holding out test clips", monitor -> TestHoldOut.split(project, share,
                TestHoldOut.DEFAULT_SEED, monitor), split -> {
                    message.set(String.format(Locale.ROOT, "Moved %d training clips to the test clips; %d of %d "
                            + "labeled clips are test clips (%s held out per class).", split.moved(),
                            split.testClips(), split.labeledClips(), TestHoldOut.percent(split.share())));
                    projects.changed();
                }, error -> message.set("Could not hold out test clips: " + error.getMessage())));
    }

    /**
     * Exports in the background.
     *
     * @param format the format
     * @param out the file or folder
     * @param states the states to export, empty for all
     */
    public void exportData(ExportFormat format, Path out, Set<ClipState> states) {
        Project project = projects.get();
        if (project == null) {
            return;
        }
        // The dialog's "no box ticked" means every clip, whatever the format's default.
        Set<ClipState> chosen = states.isEmpty() ? EnumSet.allOf(ClipState.class) : states;
        task.set(executor.submit("Exporting to " + out.getFileName(), monitor -> ExportData.run(project,
                new ExportData.Request(format, out, chosen), monitor),
                result -> message.set("Exported " + result.clips() + " clips to " + out + "."),
                error -> message.set(error instanceof org.gesturelab.core.CancelledException ? "Export cancelled."
                        : "Export failed: " + error.getMessage())));
    }

    /** Returns the filtered rows. */
    public ObservableList<ClipRow> rows() {
        return filtered;
    }

    /** Returns every row. */
    public ObservableList<ClipRow> allRows() {
        return rows;
    }

    /** Returns the state filter, null for all. */
    public ObjectProperty<ClipState> stateFilterProperty() {
        return stateFilter;
    }

    /** Returns the class filter, null for all. */
    public StringProperty labelFilterProperty() {
        return labelFilter;
    }

    /** Returns the text filter (source or clip id). */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    /** Returns the replay of the selected clip, or null. */
    public ReadOnlyObjectProperty<ClipPictures> replayProperty() {
        return replay.picturesProperty();
    }

    /** Returns what to tell the user. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns the running import or export, or null. */
    public ReadOnlyObjectProperty<TaskHandle> taskProperty() {
        return task.getReadOnlyProperty();
    }

    /** Returns the line that shows the held-out test clips, e.g. "Test: 12 clips (20 % held out per class)". */
    public ReadOnlyStringProperty testSummaryProperty() {
        return testSummary.getReadOnlyProperty();
    }

    /** Returns the open project's test share, e.g. 0.2. */
    public ReadOnlyDoubleProperty testShareProperty() {
        return testShare.getReadOnlyProperty();
    }

    /** Returns the open project's class names. */
    public List<String> classNames() {
        return projects.classNames();
    }
}

package org.gesturelab.app.live;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.ProbabilityBars.ClassColor;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.spotting.GestureSpotter;
import org.gesturelab.classify.spotting.SpottedEvent;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.gesturelab.dataset.GestureClass;
import org.gesturelab.dataset.NothingClass;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.events.LiveRecognizer;
import org.gesturelab.workflow.spotting.Spotting;

/**
 * The Live screen's state: the overlay switches (remembered), the picture sink, the processing latency, and the live
 * recognition: class bars, and the gesture events of the shared {@link GestureSpotter} (the current one, a timeline
 * of recent ones, and "Nothing" as the calm state between them), with the thresholds calibration stored beside the
 * model, or the user's confidence threshold for an uncalibrated model. The events also go out over OSC and WebSocket
 * when the user switches them on ({@link EventOutputs}), through the same {@link LiveRecognizer} as
 * {@code gesturelab run}.
 */
public final class LiveViewModel {

    /** Receives finished pictures; the view passes its {@code VideoView::publish}. */
    @FunctionalInterface
    public interface PictureSink {
        /**
         * Takes a picture.
         *
         * @param width width
         * @param height height
         * @param bgr packed BGR pixels
         */
        void publish(int width, int height, byte[] bgr);
    }

    /** How many recent gestures the strip keeps. */
    public static final int RECENT_LIMIT = 8;

    private final SourcePicker picker;
    private final SettingsStore settings;
    private final BooleanProperty showPose = new SimpleBooleanProperty(this, "showPose");
    private final BooleanProperty showHands = new SimpleBooleanProperty(this, "showHands");
    private final BooleanProperty showFace = new SimpleBooleanProperty(this, "showFace");
    private final DoubleProperty latencyMillis = new SimpleDoubleProperty(this, "latencyMillis");
    private final ObservableList<ClassColor> classes = FXCollections.observableArrayList();
    private final ObjectProperty<float[]> probabilities = new SimpleObjectProperty<>(this, "probabilities");
    private final StringProperty topGesture = new SimpleStringProperty(this, "topGesture", "");
    private final DoubleProperty topConfidence = new SimpleDoubleProperty(this, "topConfidence");
    private final ObservableList<String> recent = FXCollections.observableArrayList();
    private final ObservableList<SpottedEvent> timeline = FXCollections.observableArrayList();
    private final StringProperty nothingName = new SimpleStringProperty(this, "nothingName",
            NothingClass.DEFAULT_NAME);
    private final BooleanProperty calm = new SimpleBooleanProperty(this, "calm");
    private final StringProperty recognitionStatus = new SimpleStringProperty(this, "recognitionStatus", "");
    private final javafx.beans.property.ReadOnlyIntegerWrapper sourceResets =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "sourceResets");
    private final LiveFeed.Listener listener = this::onFrame;
    private final OpenProject projects;
    private final BackgroundExecutor executor;
    private volatile PictureSink sink = (w, h, bgr) -> { };
    private long lastLatencyNanos;
    private Spotting spotting;
    private final EventOutputs outputs;
    private LiveRecognizer recognizer;
    private String lastCurrent = "";
    private volatile int resets;
    private int loadGeneration;

    /**
     * Creates the view model.
     *
     * @param picker the shared source picker
     * @param settings the remembered settings (overlay switches, threshold)
     * @param projects the open project, whose current model recognizes
     * @param executor loads the model in the background
     */
    public LiveViewModel(SourcePicker picker, SettingsStore settings, OpenProject projects,
            BackgroundExecutor executor) {
        this.picker = picker;
        this.settings = settings;
        this.projects = projects;
        this.executor = executor;
        this.outputs = new EventOutputs(settings);
        projects.projectProperty().addListener((obs, old, now) -> {
            // The recent gestures were the last project's classes.
            recent.clear();
            loadModel();
        });
        projects.modelRevisionProperty().addListener((obs, old, now) -> loadModel());
        // Another source, or the source failed: nothing of the last one stays on screen.
        picker.selectedProperty().addListener((obs, old, now) -> resetSource());
        picker.errorProperty().addListener((obs, old, now) -> {
            if (now != null) {
                resetSource();
            }
        });
        var s = settings.get();
        showPose.set(s.showPose());
        showHands.set(s.showHands());
        showFace.set(s.showFace());
        showPose.addListener((obs, old, now) -> saveOverlay());
        showHands.addListener((obs, old, now) -> saveOverlay());
        showFace.addListener((obs, old, now) -> saveOverlay());
        recognitionStatus.set(NO_MODEL);
    }

    private static final String NO_MODEL = "Recognition starts once the project has a trained model: record a few "
            + "clips of each gesture, then train.";

    /**
     * Loads the open project's current model and its spotting settings in the background (after a project opens or
     * a model was trained or calibrated).
     */
    public void loadModel() {
        Project project = projects.get();
        int generation = ++loadGeneration;
        replaceSpotting(null);
        classes.clear();
        probabilities.set(null);
        topGesture.set("");
        calm.set(false);
        timeline.clear();
        if (project == null) {
            recognitionStatus.set(NO_MODEL);
            return;
        }
        if (ModelStore.current(project.directory()).isEmpty()) {
            recognitionStatus.set(NO_MODEL);
            return;
        }
        recognitionStatus.set("Loading the model…");
        List<GestureClass> projectClasses = project.classes();
        executor.submit("Loading the model", monitor -> Spotting.load(project), loaded -> {
            if (generation != loadGeneration) {
                loaded.close();
                return;
            }
            replaceSpotting(loaded);
            classes.setAll(loaded.classifier().classes().stream().map(name -> new ClassColor(name,
                    projectClasses.stream().filter(c -> c.name().equals(name)).map(GestureClass::color)
                            .findFirst().orElse("#6B7280"))).toList());
            nothingName.set(loaded.settings().nothingClass() != null ? loaded.settings().nothingClass()
                    : NothingClass.DEFAULT_NAME);
            calm.set(true);
            recognitionStatus.set(loaded.settings().nothingClass() == null ? "This model has no Nothing class: "
                    + "standing still may read as a gesture. Record idle footage as Nothing and train again." : "");
        }, error -> recognitionStatus.set(error.getMessage()));
    }

    /**
     * Forgets everything the last source showed: its picture, its current gesture and probabilities, the recent
     * gestures, and the recognizer's window of its frames. Called when the source changes or fails.
     */
    public void resetSource() {
        probabilities.set(null);
        topGesture.set("");
        topConfidence.set(0);
        calm.set(spotting != null);
        timeline.clear();
        recent.clear();
        resets++;
        restartRecognizer();
        sourceResets.set(sourceResets.get() + 1);
    }

    private synchronized void restartRecognizer() {
        Spotting current = spotting;
        if (recognizer != null) {
            recognizer.finish();
        }
        recognizer = null;
        buildRecognizer(current);
    }

    /** Returns a counter that grows whenever the source changes or fails: the picture is to be cleared. */
    public javafx.beans.property.ReadOnlyIntegerProperty sourceResetsProperty() {
        return sourceResets.getReadOnlyProperty();
    }

    private synchronized void replaceSpotting(Spotting next) {
        if (spotting != null) {
            spotting.close();
        }
        spotting = next;
        if (recognizer != null) {
            // A gesture in progress ends for the receivers too, before another model takes over.
            recognizer.finish();
        }
        recognizer = null;
        buildRecognizer(next);
    }

    private void buildRecognizer(Spotting next) {
        if (next != null) {
            SpottingSettings settings = next.settings();
            if (!next.calibrated()) {
                // Uncalibrated: the user's confidence threshold decides, over the project's clip length (30 frames,
                // 9, or 1 for static poses: the window the spotting defaults already hold).
                settings = new SpottingSettings(settings.window(), settings.stride(), settings.smoothing(), threshold(),
                        settings.exitRatio(), settings.minFrames(), settings.refractoryFrames(), java.util.Map.of(),
                        settings.nothingClass(), null);
            }
            recognizer = new LiveRecognizer(next.classifier(), settings);
            recognizer.addSink(outputs);
        }
        lastCurrent = "";
    }

    /** Recognizes over the sliding window and spots events; runs on the feed's thread. */
    private synchronized void recognize(float[] vector) {
        if (recognizer == null || vector == null) {
            return;
        }
        LiveRecognizer.Step step = recognizer.accept(vector);
        if (step == null) {
            return;
        }
        float[] p = step.probabilities();
        SpottedEvent ended = step.ended();
        SpottedEvent current = step.current();
        String name = current == null ? "" : current.label();
        boolean fresh = step.fresh();
        if (!fresh && ended == null && name.equals(lastCurrent)) {
            return;
        }
        lastCurrent = name;
        float confidence = current == null ? 0f : current.peakConfidence();
        float[] shown = fresh ? p.clone() : null;
        int generation = resets;
        picker.uiThread().execute(() -> {
            // A step of the source before a reset is not shown after it.
            if (generation == resets) {
                showRecognition(shown, name, confidence, ended);
            }
        });
    }

    private void showRecognition(float[] p, String name, float confidence, SpottedEvent ended) {
        if (p != null) {
            probabilities.set(p);
        }
        topGesture.set(name);
        topConfidence.set(confidence);
        calm.set(name.isEmpty());
        if (ended != null) {
            timeline.add(ended);
            if (timeline.size() > RECENT_LIMIT) {
                timeline.remove(0, timeline.size() - RECENT_LIMIT);
            }
            recent.add(0, ended.label());
            if (recent.size() > RECENT_LIMIT) {
                recent.remove(RECENT_LIMIT, recent.size());
            }
        }
    }

    private void saveOverlay() {
        settings.update(s -> s.withOverlay(showPose.get(), showHands.get(), showFace.get()));
    }

    /**
     * Starts showing the feed: called when the screen is shown. With a camera, or a source chosen before, it plays.
     *
     * @param pictures where finished pictures go
     */
    public void activate(PictureSink pictures) {
        this.sink = pictures;
        picker.feed().addListener(listener);
        if (!picker.camerasListedProperty().get()) {
            picker.refreshCameras();
        }
    }

    /** Stops showing the feed: called when the screen is hidden. */
    public void deactivate() {
        picker.feed().removeListener(listener);
        sink = (w, h, bgr) -> { };
    }

    private void onFrame(LiveFrame live) {
        recognize(live.vector());
        sink.publish(live.frame().width(), live.frame().height(),
                live.picture(showPose.get(), showHands.get(), showFace.get()));
        long now = System.nanoTime();
        if (now - lastLatencyNanos > 250_000_000L) {
            lastLatencyNanos = now;
            double millis = (now - live.arrivedNanos()) / 1e6;
            picker.uiThread().execute(() -> latencyMillis.set(millis));
        }
    }

    /** Returns the OSC and WebSocket outputs. */
    public EventOutputs outputs() {
        return outputs;
    }

    /** Closes the event outputs' sockets: called when the app closes. */
    public void close() {
        outputs.close();
    }

    /** Returns the source picker. */
    public SourcePicker picker() {
        return picker;
    }

    /** Returns whether the pose skeleton is drawn. */
    public BooleanProperty showPoseProperty() {
        return showPose;
    }

    /** Returns whether the hand skeletons are drawn. */
    public BooleanProperty showHandsProperty() {
        return showHands;
    }

    /** Returns whether the face mesh is drawn. */
    public BooleanProperty showFaceProperty() {
        return showFace;
    }

    /** Returns the time from a frame's arrival to its picture, in milliseconds. */
    public DoubleProperty latencyMillisProperty() {
        return latencyMillis;
    }

    /** Returns the classes the model knows, with their colours. */
    public ObservableList<ClassColor> classes() {
        return classes;
    }

    /** Returns the latest class probabilities, or null. */
    public ObjectProperty<float[]> probabilitiesProperty() {
        return probabilities;
    }

    /** Returns the gesture being recognized now, empty when none (Nothing). */
    public StringProperty topGestureProperty() {
        return topGesture;
    }

    /** Returns the recognized gesture's probability. */
    public DoubleProperty topConfidenceProperty() {
        return topConfidence;
    }

    /** Returns the recent events, oldest first, for the timeline strip. */
    public ObservableList<SpottedEvent> timeline() {
        return timeline;
    }

    /** Returns whether a model is ready and no gesture is happening: the calm "Nothing" state. */
    public BooleanProperty calmProperty() {
        return calm;
    }

    /** Returns the name of the Nothing class shown in the calm state. */
    public StringProperty nothingNameProperty() {
        return nothingName;
    }

    /** Returns the recently recognized gestures, newest first. */
    public ObservableList<String> recent() {
        return recent;
    }

    /** Returns a line about the recognizer's state (no model yet, loading, ready). */
    public StringProperty recognitionStatusProperty() {
        return recognitionStatus;
    }

    /** Returns the current threshold. */
    public double threshold() {
        return settings.get().confidenceThreshold();
    }

    List<ClassColor> classList() {
        return List.copyOf(classes);
    }
}

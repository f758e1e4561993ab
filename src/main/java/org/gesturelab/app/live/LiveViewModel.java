package org.gesturelab.app.live;

import java.util.ArrayDeque;
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
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.dataset.GestureClass;
import org.gesturelab.dataset.Project;
import org.gesturelab.core.KeypointLayout;

/**
 * The Live screen's state: the overlay switches (remembered), the picture sink, the processing latency, and the live
 * recognition (class bars, the top gesture above the threshold, the recent gestures).
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

    /** How many frames the recognizer looks at. */
    public static final int WINDOW = 30;

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
    private final StringProperty recognitionStatus = new SimpleStringProperty(this, "recognitionStatus", "");
    private final LiveFeed.Listener listener = this::onFrame;
    private final OpenProject projects;
    private final BackgroundExecutor executor;
    private final ArrayDeque<float[]> window = new ArrayDeque<>();
    private volatile PictureSink sink = (w, h, bgr) -> { };
    private long lastLatencyNanos;
    private SequenceClassifier classifier;
    private int framesSincePrediction;
    private String lastRecognized = "";
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
        projects.projectProperty().addListener((obs, old, now) -> {
            // The recent gestures were the last project's classes.
            recent.clear();
            loadModel();
        });
        projects.modelRevisionProperty().addListener((obs, old, now) -> loadModel());
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
     * Loads the open project's current model in the background (after a project opens or a model was trained).
     */
    public void loadModel() {
        Project project = projects.get();
        int generation = ++loadGeneration;
        replaceClassifier(null);
        classes.clear();
        probabilities.set(null);
        topGesture.set("");
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
        executor.submit("Loading the model", monitor -> ModelStore.loadCurrent(project.directory(),
                project.classNames(), project.sequenceLength(), KeypointLayout.FEATURES), loaded -> {
                    if (generation != loadGeneration) {
                        loaded.close();
                        return;
                    }
                    replaceClassifier(loaded);
                    classes.setAll(loaded.classes().stream().map(name -> new ClassColor(name, projectClasses.stream()
                            .filter(c -> c.name().equals(name)).map(GestureClass::color).findFirst()
                            .orElse("#6B7280"))).toList());
                    recognitionStatus.set("");
                }, error -> recognitionStatus.set(error.getMessage()));
    }

    private synchronized void replaceClassifier(SequenceClassifier next) {
        if (classifier != null) {
            classifier.close();
        }
        classifier = next;
        window.clear();
    }

    /** Recognizes over the last 30 frames; runs on the feed's thread. */
    private synchronized void recognize(float[] vector) {
        if (classifier == null || vector == null) {
            return;
        }
        window.addLast(vector);
        while (window.size() > WINDOW) {
            window.removeFirst();
        }
        // One prediction every other frame keeps the bars lively at a fraction of the cost.
        if (window.size() < WINDOW || ++framesSincePrediction < 2) {
            return;
        }
        framesSincePrediction = 0;
        List<float[][]> clip = List.<float[][]>of(window.toArray(float[][]::new));
        float[] p = classifier.predict(clip)[0];
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        String name = p[best] >= threshold() ? classifier.classes().get(best) : "";
        float confidence = p[best];
        picker.uiThread().execute(() -> showPrediction(p, name, confidence));
    }

    private void showPrediction(float[] p, String name, float confidence) {
        probabilities.set(p);
        topGesture.set(name);
        topConfidence.set(confidence);
        if (!name.isEmpty() && !name.equals(lastRecognized)) {
            recent.add(0, name);
            if (recent.size() > RECENT_LIMIT) {
                recent.remove(RECENT_LIMIT, recent.size());
            }
        }
        if (!name.isEmpty()) {
            lastRecognized = name;
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

    /** Returns the recognized gesture, empty when none is above the threshold. */
    public StringProperty topGestureProperty() {
        return topGesture;
    }

    /** Returns the recognized gesture's probability. */
    public DoubleProperty topConfidenceProperty() {
        return topConfidence;
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

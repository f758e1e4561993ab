package org.gesturelab.app.live;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.capture.CameraInfo;
import org.gesturelab.capture.FrameSources;

/**
 * The source picker's state, shared by the Live and Record screens: the cameras found, the video files opened, the
 * test pattern; which one plays; the frame rate; and what went wrong. It drives the app's one {@link LiveFeed}.
 */
public final class SourcePicker {

    private final LiveFeed feed;
    private final BackgroundExecutor executor;
    private final Executor uiThread;
    private final ObservableList<SourceChoice> sources = FXCollections.observableArrayList();
    private final ObjectProperty<SourceChoice> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing");
    private final ReadOnlyBooleanWrapper noCamera = new ReadOnlyBooleanWrapper(this, "noCamera");
    private final ReadOnlyBooleanWrapper camerasListed = new ReadOnlyBooleanWrapper(this, "camerasListed");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper errorDetail = new ReadOnlyStringWrapper(this, "errorDetail");
    private final DoubleProperty fps = new SimpleDoubleProperty(this, "fps");
    /** How many recently opened videos the list keeps. */
    static final int MAX_VIDEOS = 5;

    private final List<SourceChoice> videos = new ArrayList<>();
    private List<SourceChoice> cameras = List.of();
    private long lastStatsNanos;

    /**
     * Creates the picker.
     *
     * @param feed the app's video feed
     * @param executor runs the camera listing in the background
     * @param uiThread runs property updates on the JavaFX thread ({@code Platform::runLater}; tests pass
     *     {@code Runnable::run})
     */
    public SourcePicker(LiveFeed feed, BackgroundExecutor executor, Executor uiThread) {
        this.feed = feed;
        this.executor = executor;
        this.uiThread = uiThread;
        sources.setAll(SourceChoice.TEST_PATTERN);
        feed.addListener(new LiveFeed.Listener() {
            @Override
            public void frame(LiveFrame frame) {
                long now = System.nanoTime();
                if (now - lastStatsNanos > 250_000_000L) {
                    lastStatsNanos = now;
                    double current = feed.fps();
                    uiThread.execute(() -> fps.set(current));
                }
            }

            @Override
            public void stopped(String problem, String detail) {
                uiThread.execute(() -> {
                    playing.set(false);
                    fps.set(0);
                    errorDetail.set(detail);
                    error.set(problem);
                });
            }
        });
    }

    /** Lists the cameras in the background; when there is none, {@link #noCameraProperty()} turns true. */
    public void refreshCameras() {
        executor.submit("Looking for cameras", monitor -> FrameSources.listCameras(), found -> {
            cameras = found.stream().map(SourceChoice::camera).toList();
            noCamera.set(found.isEmpty());
            camerasListed.set(true);
            rebuild();
        }, failure -> {
            noCamera.set(true);
            camerasListed.set(true);
        });
    }

    private void rebuild() {
        SourceChoice keep = selected.get();
        List<SourceChoice> all = new ArrayList<>(cameras);
        all.addAll(videos);
        all.add(SourceChoice.TEST_PATTERN);
        sources.setAll(all);
        if (keep != null && all.contains(keep)) {
            selected.set(keep);
        } else if (!cameras.isEmpty()) {
            selected.set(cameras.get(0));
        }
    }

    /**
     * Adds a video file to the choices and selects it.
     *
     * @param file the video
     * @return its entry
     */
    public SourceChoice addVideo(Path file) {
        SourceChoice plain = SourceChoice.video(file);
        SourceChoice choice = videos.stream().filter(v -> v.spec().equals(plain.spec())).findFirst().orElse(plain);
        videos.remove(choice);
        // Two files of the same name from different folders must not read the same: name the folder too.
        boolean sameName = videos.stream().anyMatch(v -> !v.spec().equals(plain.spec())
                && Path.of(v.spec()).getFileName().equals(file.getFileName()));
        if (sameName && choice == plain) {
            Path parent = file.toAbsolutePath().getParent();
            choice = new SourceChoice(plain.kind(), plain.label() + "  (" + (parent == null || parent
                    .getFileName() == null ? parent : parent.getFileName()) + ")", plain.spec());
        }
        videos.add(0, choice);
        // The latest few videos only: the list is for switching, not a history.
        while (videos.size() > MAX_VIDEOS) {
            videos.remove(videos.size() - 1);
        }
        rebuild();
        selected.set(choice);
        return choice;
    }

    /** Plays the selected source; does nothing when none is selected. */
    public void play() {
        SourceChoice choice = selected.get();
        if (choice == null) {
            return;
        }
        error.set(null);
        errorDetail.set(null);
        playing.set(true);
        feed.start(() -> FrameSources.open(choice.spec()), choice.kind() == SourceChoice.Kind.VIDEO);
    }

    /** Stops playing. */
    public void stop() {
        feed.stop();
        playing.set(false);
        fps.set(0);
    }

    /** Returns the feed. */
    public LiveFeed feed() {
        return feed;
    }

    /** Returns the choices. */
    public ObservableList<SourceChoice> sources() {
        return sources;
    }

    /** Returns the selected choice. */
    public ObjectProperty<SourceChoice> selectedProperty() {
        return selected;
    }

    /** Returns whether a source plays. */
    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Returns whether the camera listing found none. */
    public ReadOnlyBooleanProperty noCameraProperty() {
        return noCamera.getReadOnlyProperty();
    }

    /** Returns whether the cameras have been listed. */
    public ReadOnlyBooleanProperty camerasListedProperty() {
        return camerasListed.getReadOnlyProperty();
    }

    /** Returns what went wrong with the last source, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Returns the technical detail behind {@link #errorProperty()} (the video reader's own words), or null. */
    public ReadOnlyStringProperty errorDetailProperty() {
        return errorDetail.getReadOnlyProperty();
    }

    /** Returns the frames per second delivered. */
    public DoubleProperty fpsProperty() {
        return fps;
    }

    Executor uiThread() {
        return uiThread;
    }
}

package org.gesturelab.app.record;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.live.LiveFeed;
import org.gesturelab.app.live.LiveFrame;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.capture.Frame;
import org.gesturelab.dataset.ClipBatch;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.GestureClass;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.PersonTags;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.RecordingImport;
import org.gesturelab.dataset.ProjectStats;
import org.gesturelab.workflow.TestHoldOut;

/**
 * The Record screen's state: the project's classes with their clip counts, class editing, and the recording state
 * machine. The machine runs on the feed's thread, driven by frames (countdown by the clock, clips by frame count),
 * and publishes its state to the JavaFX thread; saving a clip (keypoints, replay video, database row) runs on the
 * background executor.
 */
public final class RecordViewModel {

    /** Where a take stands. */
    public enum Phase {
        /** Not recording. */
        IDLE,
        /** Counting down before a clip. */
        COUNTDOWN,
        /** Capturing frames. */
        RECORDING
    }

    /** What a take records. */
    public enum Target {
        /** Clips of the selected class, labeled, for training. */
        CLASS,
        /** Unlabeled footage cut into windows for the pool. */
        POOL
    }

    /**
     * A class as the list shows it.
     *
     * @param index the class index
     * @param gestureClass the class
     * @param clips its labeled clips
     */
    public record ClassRow(int index, GestureClass gestureClass, int clips) {
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** The pause between the clips of one take, so the user can return to the starting pose. */
    private static final double GAP_SECONDS = 1.0;

    private final OpenProject projects;
    private final LiveFeed feed;
    private final SettingsStore settings;
    private final BackgroundExecutor executor;
    private final Executor uiThread;
    private final ObservableList<ClassRow> classes = FXCollections.observableArrayList();
    private final ObjectProperty<ClassRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final IntegerProperty clipsPerTake = new SimpleIntegerProperty(this, "clipsPerTake");
    private final IntegerProperty poolSeconds = new SimpleIntegerProperty(this, "poolSeconds", 10);
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyIntegerWrapper countdown = new ReadOnlyIntegerWrapper(this, "countdown");
    private final ReadOnlyIntegerWrapper clipNumber = new ReadOnlyIntegerWrapper(this, "clipNumber");
    private final ReadOnlyIntegerWrapper clipsSaved = new ReadOnlyIntegerWrapper(this, "clipsSaved");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyIntegerWrapper poolClips = new ReadOnlyIntegerWrapper(this, "poolClips");
    private final ReadOnlyStringWrapper recordingPerson = new ReadOnlyStringWrapper(this, "recordingPerson", "");
    private final LiveFeed.Listener listener = this::onFrame;

    // The take, touched only on the feed thread once started.
    private volatile Take take;

    /** A take in progress. */
    private static final class Take {
        final Target target;
        final int classIndex;
        final String className;
        final int clipsWanted;
        final int framesWanted;
        final int sequenceLength;
        // Who and when, fixed for the whole take.
        final String person;
        final String session = java.time.LocalDate.now().toString();
        long deadlineNanos;
        boolean recording;
        int clipsDone;
        int lastCountdown = -1;
        final List<Frame> frames = new ArrayList<>();
        final List<float[]> keypoints = new ArrayList<>();
        double fps;

        Take(Target target, int classIndex, String className, int clipsWanted, int framesWanted, int sequenceLength,
                String person) {
            this.person = person == null || person.isBlank() ? null : person;
            this.target = target;
            this.classIndex = classIndex;
            this.className = className;
            this.clipsWanted = clipsWanted;
            this.framesWanted = framesWanted;
            this.sequenceLength = sequenceLength;
        }
    }

    /**
     * Creates the view model.
     *
     * @param projects the open project
     * @param feed the app's video feed
     * @param settings the remembered settings (clips per take, countdown)
     * @param executor saves clips in the background
     * @param uiThread runs state changes on the JavaFX thread
     */
    public RecordViewModel(OpenProject projects, LiveFeed feed, SettingsStore settings, BackgroundExecutor executor,
            Executor uiThread) {
        this.projects = projects;
        this.feed = feed;
        this.settings = settings;
        this.executor = executor;
        this.uiThread = uiThread;
        clipsPerTake.set(settings.get().clipsPerTake());
        recordingPerson.set(settings.get().recordingPerson() == null ? "" : settings.get().recordingPerson());
        clipsPerTake.addListener((obs, old, now) -> settings.update(s -> s.withPreferences(s.confidenceThreshold(),
                now.intValue(), s.countdownSeconds(), s.strategy(), s.batchSize(), s.autoRetrain())));
        projects.revisionProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Re-reads the classes and counts from the project. */
    public void refresh() {
        Project project = projects.get();
        ClassRow keep = selected.get();
        if (project == null) {
            classes.clear();
            selected.set(null);
            return;
        }
        ProjectStats stats = project.stats();
        List<ClassRow> rows = new ArrayList<>();
        List<GestureClass> all = project.classes();
        for (int i = 0; i < all.size(); i++) {
            int count = i < stats.perClass().size() ? stats.perClass().get(i).train()
                    + stats.perClass().get(i).test() : 0;
            rows.add(new ClassRow(i, all.get(i), count));
        }
        classes.setAll(rows);
        poolClips.set(stats.pool());
        int index = keep == null ? 0 : keep.index();
        selected.set(rows.isEmpty() ? null : rows.get(Math.min(index, rows.size() - 1)));
    }

    /** Starts listening to the feed: the screen is shown. */
    public void activate() {
        feed.addListener(listener);
    }

    /** Stops listening and abandons a take in progress: the screen is hidden. */
    public void deactivate() {
        feed.removeListener(listener);
        if (take != null) {
            take = null;
            phase.set(Phase.IDLE);
            message.set("Recording stopped: the Record screen was left.");
        }
    }

    // ------------------------------------------------------------------ classes

    /**
     * Adds a class with the next colour and shortcut and selects it.
     *
     * @param name the name
     * @return whether it was added (else {@link #messageProperty()} says why)
     */
    public boolean addClass(String name) {
        return edit(project -> {
            int index = project.addClass(name.strip());
            projects.changed();
            selected.set(classes.get(index));
        });
    }

    /**
     * Renames a class.
     *
     * @param index the class
     * @param name the new name
     * @return whether it worked
     */
    public boolean renameClass(int index, String name) {
        return edit(project -> project.renameClass(index, name.strip()));
    }

    /**
     * Recolours a class.
     *
     * @param index the class
     * @param color {@code #RRGGBB}
     * @return whether it worked
     */
    public boolean recolorClass(int index, String color) {
        return edit(project -> project.recolorClass(index, color));
    }

    /**
     * Sets a class's shortcut key.
     *
     * @param index the class
     * @param key one character, or null for none
     * @return whether it worked
     */
    public boolean setShortcut(int index, String key) {
        return edit(project -> project.setShortcut(index, key == null || key.isBlank() ? null : key.strip()));
    }

    /**
     * Selects the class whose shortcut is a key.
     *
     * @param key the typed character
     * @return whether a class has that shortcut
     */
    public boolean selectByShortcut(String key) {
        for (ClassRow row : classes) {
            if (key.equalsIgnoreCase(row.gestureClass().shortcut())) {
                selected.set(row);
                return true;
            }
        }
        return false;
    }

    private interface ProjectEdit {
        void apply(Project project) throws Exception;
    }

    private boolean edit(ProjectEdit change) {
        Project project = projects.get();
        if (project == null) {
            message.set("Open or create a project first (File menu).");
            return false;
        }
        try {
            change.apply(project);
            message.set("");
            projects.changed();
            return true;
        } catch (GestureLabException e) {
            message.set(e.getMessage());
            return false;
        } catch (Exception e) {
            message.set("Could not change the class: " + e);
            return false;
        }
    }

    // ------------------------------------------------------------------ recording

    /**
     * Starts a take: a countdown, then {@link #clipsPerTakeProperty()} clips of the selected class, or
     * {@link #poolSecondsProperty()} seconds of unlabeled footage.
     *
     * @param target what to record
     * @return whether it started (else {@link #messageProperty()} says why)
     */
    public boolean start(Target target) {
        Project project = projects.get();
        if (take != null) {
            return false;
        }
        if (project == null) {
            message.set("Open or create a project first (File menu).");
            return false;
        }
        if (!feed.isRunning()) {
            message.set("Start a camera, a video file or the test pattern first.");
            return false;
        }
        ClassRow row = selected.get();
        if (target == Target.CLASS && row == null) {
            message.set("Add a gesture first: type its name under the list and press Add.");
            return false;
        }
        int length = project.sequenceLength();
        double fps = Math.max(1, feed.fps() > 0 ? feed.fps() : 30);
        Take next = target == Target.CLASS
                ? new Take(target, row.index(), row.gestureClass().name(), clipsPerTake.get(), length, length,
                        recordingPerson.get())
                : new Take(target, -1, null, 1, (int) Math.max(length, Math.round(poolSeconds.get() * fps)), length,
                        recordingPerson.get());
        next.deadlineNanos = System.nanoTime() + settings.get().countdownSeconds() * NANOS_PER_SECOND;
        // The take first: the countdown's caption reads its clip count when the phase changes.
        take = next;
        clipNumber.set(1);
        countdown.set(settings.get().countdownSeconds());
        phase.set(Phase.COUNTDOWN);
        message.set(target == Target.CLASS ? "Get ready to perform “" + next.className + "”…"
                : "Get ready: recording " + poolSeconds.get() + " s of footage for the pool…");
        return true;
    }

    /**
     * "Record nothing": a take of idle footage (standing still, transitions, other movements) straight into the
     * project's Nothing class, the class continuous recognition needs to tell "no gesture" from a gesture. It selects
     * that class (giving the project one if it has none) and records it like any class.
     *
     * @return whether the take started (else {@link #messageProperty()} says why)
     */
    public boolean recordNothing() {
        if (take != null) {
            return false;
        }
        if (!edit(project -> selected.set(classes.get(project.ensureNothingClass())))) {
            return false;
        }
        if (!start(Target.CLASS)) {
            return false;
        }
        message.set("Get ready to record Nothing: stand still, or move as you do between gestures, with no "
                + "gesture…");
        return true;
    }

    /**
     * Says whether the screen must still ask who is recording: it asks once, and the answer is remembered.
     *
     * @return true until {@link #setRecordingPerson} was called on this computer
     */
    public boolean needsPerson() {
        return settings.get().recordingPerson() == null;
    }

    /**
     * Sets who is recording; every clip recorded from now on is tagged with it. Remembered in the app settings.
     *
     * @param name the person's name; blank for unknown
     * @return whether it was accepted (else {@link #messageProperty()} says why)
     */
    public boolean setRecordingPerson(String name) {
        String person;
        try {
            person = PersonTags.normalise(name);
        } catch (GestureLabException e) {
            message.set(e.getMessage());
            return false;
        }
        String stored = person == null ? "" : person;
        settings.update(s -> s.withRecordingPerson(stored));
        recordingPerson.set(stored);
        message.set(person == null ? "Clips recorded from now on name no person."
                : "Clips recorded from now on are tagged “" + person + "”.");
        return true;
    }

    /** Returns who is recording, empty when unknown. */
    public ReadOnlyStringProperty recordingPersonProperty() {
        return recordingPerson.getReadOnlyProperty();
    }

    /** Stops the take; the clips already saved stay. Unlabeled footage recorded so far is saved. */
    public void stop() {
        Take current = take;
        take = null;
        phase.set(Phase.IDLE);
        if (current != null && current.target == Target.POOL && current.frames.size() >= current.sequenceLength) {
            savePool(current, new ArrayList<>(current.frames), new ArrayList<>(current.keypoints));
        } else {
            message.set("Stopped.");
        }
    }

    private void onFrame(LiveFrame live) {
        Take current = take;
        if (current == null) {
            return;
        }
        long now = System.nanoTime();
        if (!current.recording) {
            int left = (int) Math.ceil((current.deadlineNanos - now) / (double) NANOS_PER_SECOND);
            if (left > 0) {
                if (left != current.lastCountdown) {
                    current.lastCountdown = left;
                    uiThread.execute(() -> countdown.set(left));
                }
                return;
            }
            current.recording = true;
            current.frames.clear();
            current.keypoints.clear();
            current.fps = feed.fps();
            uiThread.execute(() -> {
                countdown.set(0);
                phase.set(Phase.RECORDING);
            });
        }
        float[] vector = live.vector();
        if (vector == null) {
            take = null;
            uiThread.execute(() -> {
                phase.set(Phase.IDLE);
                message.set("Nothing recorded: no keypoints are found (" + (feed.keypointProblem() == null
                        ? "the MediaPipe models are still loading" : feed.keypointProblem()) + ").");
            });
            return;
        }
        current.frames.add(live.frame());
        current.keypoints.add(vector);
        if (current.frames.size() < current.framesWanted) {
            return;
        }
        List<Frame> frames = new ArrayList<>(current.frames);
        List<float[]> keypoints = new ArrayList<>(current.keypoints);
        current.clipsDone++;
        current.recording = false;
        current.lastCountdown = -1;
        if (current.target == Target.POOL) {
            take = null;
            uiThread.execute(() -> {
                phase.set(Phase.IDLE);
                savePool(current, frames, keypoints);
            });
            return;
        }
        boolean more = current.clipsDone < current.clipsWanted;
        if (more) {
            current.deadlineNanos = now + (long) (GAP_SECONDS * NANOS_PER_SECOND);
        } else {
            take = null;
        }
        int done = current.clipsDone;
        uiThread.execute(() -> {
            saveClip(current, frames, keypoints, done);
            if (more) {
                clipNumber.set(done + 1);
                phase.set(Phase.COUNTDOWN);
                countdown.set(1);
            } else {
                phase.set(Phase.IDLE);
            }
        });
    }

    private void saveClip(Take done, List<Frame> frames, List<float[]> keypoints, int number) {
        Project project = projects.get();
        executor.submit("Saving a clip of " + done.className, monitor -> {
            Path replay = Files.createTempFile("gesturelab-replay-", ".mp4");
            try {
                ReplayVideos.write(frames, done.fps, replay);
                // The automatic hold-out keeps a share of each class's clips for testing, so F1 means something
                // straight after recording.
                ClipState state = TestHoldOut.stateForNewLabel(project, done.classIndex);
                return project.addClip(NewClip.labeled(keypoints.toArray(float[][]::new), state,
                        done.classIndex, "recorded: " + done.className).withReplayVideo(replay)
                        .withPerson(done.person).withSession(done.session));
            } finally {
                Files.deleteIfExists(replay);
            }
        }, clip -> {
            clipsSaved.set(clipsSaved.get() + 1);
            projects.changed();
            // The take's own count, and the class's total: not the clip's number in the whole project.
            int total = done.classIndex < classes.size() ? classes.get(done.classIndex).clips() : 0;
            message.set("Saved clip " + number + " of " + done.clipsWanted + " of this take for “" + done.className
                    + "” (" + org.gesturelab.app.common.Counts.of(total, "clip") + " of it in the project)"
                    + (clip.state() == ClipState.TEST ? "; held out as a test clip." : "."));
        }, error -> message.set("Could not save the clip: " + error.getMessage()));
    }

    private void savePool(Take done, List<Frame> frames, List<float[]> keypoints) {
        Project project = projects.get();
        int length = done.sequenceLength;
        executor.submit("Saving footage for the pool", monitor -> {
            // Footage goes into the pool as back-to-back windows of the project's clip length.
            int[] starts = RecordingImport.windowStarts(frames.size(), length, length);
            try (ClipBatch batch = project.beginBatch()) {
                long recording = batch.addRecording("recorded footage", frames.size());
                for (int w = 0; w < starts.length; w++) {
                    monitor.update("Saving window " + (w + 1), w, starts.length);
                    int start = starts[w];
                    Path replay = Files.createTempFile("gesturelab-replay-", ".mp4");
                    try {
                        ReplayVideos.write(frames.subList(start, start + length), done.fps, replay);
                        batch.add(NewClip.unlabeled(keypoints.subList(start, start + length)
                                .toArray(float[][]::new), "recorded footage").withRecording(recording, start)
                                .withReplayVideo(replay).withPerson(done.person).withSession(done.session));
                    } finally {
                        Files.deleteIfExists(replay);
                    }
                }
                return batch.commit().size();
            }
        }, saved -> {
            clipsSaved.set(clipsSaved.get() + saved);
            message.set("Added " + saved + " unlabeled clips to the pool.");
            projects.changed();
        }, error -> message.set("Could not save the footage: " + error.getMessage()));
    }

    // ------------------------------------------------------------------ properties

    /** Returns the classes. */
    public ObservableList<ClassRow> classes() {
        return classes;
    }

    /** Returns the selected class. */
    public ObjectProperty<ClassRow> selectedProperty() {
        return selected;
    }

    /** Returns how many clips one take records. */
    public IntegerProperty clipsPerTakeProperty() {
        return clipsPerTake;
    }

    /** Returns how many seconds of unlabeled footage one pool take records. */
    public IntegerProperty poolSecondsProperty() {
        return poolSeconds;
    }

    /** Returns where the take stands. */
    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Returns the seconds left in the countdown. */
    public ReadOnlyIntegerProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    /** Returns the number of the clip being recorded, from 1. */
    public ReadOnlyIntegerProperty clipNumberProperty() {
        return clipNumber.getReadOnlyProperty();
    }

    /** Returns how many clips this session saved. */
    public ReadOnlyIntegerProperty clipsSavedProperty() {
        return clipsSaved.getReadOnlyProperty();
    }

    /** Returns the project's pool size. */
    public ReadOnlyIntegerProperty poolClipsProperty() {
        return poolClips.getReadOnlyProperty();
    }

    /** Returns what to tell the user. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns the target of the take in progress, or null. */
    public Target target() {
        Take current = take;
        return current == null ? null : current.target;
    }

    /** Returns the class name of the take in progress, or null. */
    public String takeClassName() {
        Take current = take;
        return current == null ? null : current.className;
    }

    /** Returns how many clips the take in progress records. */
    public int takeClips() {
        Take current = take;
        return current == null ? 0 : current.clipsWanted;
    }
}

package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;

/**
 * A gesture project: a folder holding {@code project.json} (name, classes, sequence length), {@code gesturelab.db}
 * (SQLite: clips, labels, label history, query batches, training runs, iterations) and {@code clips/} (one
 * float32 {@code .npy} per clip, frames x 1662, and optional replay videos).
 *
 * <p>Every change is durable before the method returns: the database runs in WAL mode with
 * {@code synchronous=FULL}, each change is one transaction, and clip files are flushed to disk before the
 * transaction that refers to them commits. Only one process may have a project open; a second gets a
 * {@link GestureLabException} naming the first one's pid. Within a process, an open project may be shared
 * between threads: its methods are serialized.
 *
 * <p>This class is a facade: opening and locking live in {@code ProjectOpening} and {@code ProjectLock}, the class
 * list in {@code ProjectClasses}, clips in {@code ClipStore}, labels and undo in {@code LabelHistory}, the
 * active-learning history in {@code RunHistory}, counts and checks in {@code ProjectIntegrity}, and the connection
 * and transaction rules in {@code ProjectDb}.
 *
 * <pre>{@code
 * try (Project project = Project.open(dir)) {
 *     for (Clip clip : project.clips(ClipState.POOL)) {
 *         float[][] frames = project.loadKeypoints(clip);
 *         ...
 *     }
 *     project.label(clipId, project.requireClass("hello"), LabelSource.USER);
 *     LabeledClips train = project.labeledClips(ClipState.TRAIN);
 * }
 * }</pre>
 */
public final class Project implements AutoCloseable {

    /** The settings file in a project folder. */
    public static final String SETTINGS_FILE = ProjectFiles.SETTINGS_FILE;
    /** The database file in a project folder. */
    public static final String DATABASE_FILE = ProjectFiles.DATABASE_FILE;
    /** The folder of clip files in a project folder. */
    public static final String CLIPS_DIR = ProjectFiles.CLIPS_DIR;

    static final String STAGING_PREFIX = ProjectFiles.STAGING_PREFIX;
    static final String ORPHANS_DIR = ProjectFiles.ORPHANS_DIR;

    private final ProjectFiles files;
    private final ProjectLock lock;
    private final ProjectDb db;
    private final ProjectClasses classes;
    private final ClipStore clips;
    private final LabelHistory labels;
    private final RunHistory runs;
    private final ProjectIntegrity integrity;

    Project(ProjectFiles files, ProjectLock lock, ProjectDb db, ProjectSettings settings) {
        // lock is null for a read-only view.
        this.files = files;
        this.lock = lock;
        this.db = db;
        this.classes = new ProjectClasses(files.settingsFile(), db, settings);
        this.clips = new ClipStore(db, classes, files);
        this.labels = new LabelHistory(db, classes, clips);
        this.runs = new RunHistory(db);
        this.integrity = new ProjectIntegrity(db, classes, clips);
    }

    /**
     * Creates a project with default colours and shortcuts for its classes.
     *
     * @param dir a folder that does not exist yet or is empty
     * @param name the project's name
     * @param classNames the initial classes (may be empty: imports add classes)
     * @return the open project; close it when done
     * @throws GestureLabException if the folder is not empty or a class name is unusable
     * @throws IOException if the folder cannot be written
     */
    public static Project create(Path dir, String name, List<String> classNames) throws IOException {
        return create(dir, ProjectSettings.of(name, classNames));
    }

    /**
     * Creates a project whose clips have a given length.
     *
     * @param dir a folder that does not exist yet or is empty
     * @param name the project's name
     * @param classNames the initial classes (may be empty: imports add classes)
     * @param sequenceLength frames per clip (1 for static poses)
     * @return the open project; close it when done
     * @throws GestureLabException if the folder is not empty, a class name is unusable or the length out of range
     * @throws IOException if the folder cannot be written
     */
    public static Project create(Path dir, String name, List<String> classNames, int sequenceLength)
            throws IOException {
        return create(dir, ProjectSettings.of(name, classNames, sequenceLength));
    }

    /**
     * Creates a project.
     *
     * @param dir a folder that does not exist yet or is empty
     * @param settings its settings
     * @return the open project; close it when done
     * @throws GestureLabException if the folder is not empty
     * @throws IOException if the folder cannot be written
     */
    public static Project create(Path dir, ProjectSettings settings) throws IOException {
        return ProjectOpening.create(dir, settings);
    }

    /**
     * Opens an existing project, finishing or discarding whatever an interrupted import left behind.
     *
     * @param dir the project folder
     * @return the open project; close it when done
     * @throws GestureLabException if it is not a project, is in use by another process, or is from a newer
     *     GestureLab
     * @throws IOException if it cannot be read
     */
    public static Project open(Path dir) throws IOException {
        return ProjectOpening.open(dir);
    }

    /**
     * Opens a project for reading only, even while another process has it open: for statistics and inspection
     * from a second process. SQLite's WAL mode gives the reader a consistent snapshot per query while the owner
     * keeps writing. Every method that would change the project throws {@link IllegalStateException}; nothing is
     * recovered or cleaned up.
     *
     * @param dir the project folder
     * @return a read-only view; close it when done
     * @throws GestureLabException if it is not a project or its database has another schema version
     * @throws IOException if it cannot be read
     */
    public static Project openReadOnly(Path dir) throws IOException {
        return ProjectOpening.openReadOnly(dir);
    }

    /**
     * Opens a project for a command that only reads it: {@link #open normally} where the folder can be written,
     * {@link #openReadOnly read-only} where it cannot (a read-only file system or folder), so that looking at a
     * project never needs write access.
     *
     * @param dir the project folder
     * @return the open project; close it when done
     * @throws GestureLabException if it is not a project, is in use, or is damaged
     * @throws IOException if it cannot be read
     */
    public static Project openForReading(Path dir) throws IOException {
        return ProjectOpening.openForReading(dir);
    }

    /**
     * Rebuilds what it can of a damaged project (see {@code docs/decisions/0901-damaged-projects.md}): a missing,
     * emptied or unusable database is set aside (never deleted) and a new one is built from the clip files in
     * {@code clips/} and {@code clips/.orphaned/}, with the labels that can still be read from the old database.
     *
     * @param dir the project folder
     * @return what was done
     * @throws GestureLabException if it is not a project or is in use
     * @throws IOException if it cannot be read or written
     */
    public static RepairReport repair(Path dir) throws IOException {
        return ProjectRepair.repair(dir);
    }

    /**
     * Returns whether a folder holds a project.
     *
     * @param dir the folder
     * @return true if it has a {@code project.json}
     */
    public static boolean isProject(Path dir) {
        return ProjectOpening.isProject(dir);
    }

    /** Returns whether this is a read-only view ({@link #openReadOnly}, or {@link #openForReading} of a read-only folder). */
    public boolean isReadOnly() {
        return db.isReadOnly();
    }

    /** Returns the project folder. */
    public Path directory() {
        return files.directory();
    }

    /** Returns the project's settings as stored in {@code project.json}. */
    public ProjectSettings settings() {
        return classes.settings();
    }

    /** Returns the project's name. */
    public String name() {
        return classes.settings().name();
    }

    /** Returns the frames per clip that classifiers expect. */
    public int sequenceLength() {
        return classes.settings().sequenceLength();
    }

    /**
     * Returns the name of the project's Nothing class (see {@link ProjectSettings#nothingIndex()}).
     *
     * @return its name, or empty when the project has none
     */
    public Optional<String> nothingClass() {
        int index = classes.settings().nothingIndex();
        return index < 0 ? Optional.empty() : Optional.of(classes.classes().get(index).name());
    }

    /**
     * Gives the project its Nothing class if it has none (marks the class named {@value NothingClass#DEFAULT_NAME},
     * or appends one): the migration of a project made before every project had one. Touches no clip or label,
     * since appending a class keeps every label's index.
     *
     * @return the Nothing class's index
     */
    public int ensureNothingClass() {
        return classes.ensureNothing();
    }

    /** Returns the classes; a label is an index into this list. */
    public List<GestureClass> classes() {
        return classes.classes();
    }

    /** Returns the class names, in class order. */
    public List<String> classNames() {
        return classes.settings().classNames();
    }

    /** Returns the index of the class of this exact name, or -1 if there is none. */
    public int classIndex(String name) {
        return classes.indexOf(name);
    }

    /** Returns the index of a class that must exist; a {@link GestureLabException} says if there is none. */
    public int requireClass(String name) {
        return classes.require(name);
    }

    /** Adds a class with the next default colour and shortcut, or returns the existing one of that name. */
    public int addClass(String name) {
        return classes.add(name);
    }

    /** Renames a class (to a name no other class has); its labels stay with it. */
    public void renameClass(int index, String newName) {
        String name = ClassNames.normalise(newName);
        List<String> others = new ArrayList<>(classNames());
        if (index >= 0 && index < others.size()) {
            others.remove(index);
        }
        ClassNames.requireNew(name, others);
        classes.update(index, c -> c.withName(name));
    }

    /**
     * Changes the share of each class's labeled clips that is held out for testing as labels arrive.
     *
     * @param share between 0 (no automatic hold-out) and {@value ProjectSettings#MAX_TEST_SHARE}
     */
    public void setTestShare(double share) {
        classes.setTestShare(share);
    }

    /** Changes a class's colour ({@code #RRGGBB}). */
    public void recolorClass(int index, String color) {
        classes.update(index, c -> c.withColor(color));
    }

    /** Changes the key that assigns a class: one key not used by another class, or null for none. */
    public void setShortcut(int index, String shortcut) {
        classes.update(index, c -> c.withShortcut(shortcut));
    }

    /** Returns the clips a query selects, in id order. */
    public List<Clip> clips(ClipQuery query) {
        return clips.clips(query);
    }

    /** Counts the clips a query selects (its limit is ignored). */
    public int count(ClipQuery query) {
        return clips.count(query);
    }

    /** Returns the clips in some states, in id order. */
    public List<Clip> clips(ClipState first, ClipState... more) {
        return clips.clips(ClipQuery.inState(first, more));
    }

    /** Returns one clip, or empty if there is none. */
    public Optional<Clip> clip(long id) {
        return clips.clip(id);
    }

    /** Returns one clip that must exist; a {@link GestureLabException} says if there is none. */
    public Clip requireClip(long id) {
        return clips.requireClip(id);
    }

    /**
     * Reads a clip's keypoints, {@code frames x 1662}; a {@link GestureLabException} says if the file is missing or
     * damaged.
     */
    public float[][] loadKeypoints(Clip clip) {
        return clips.loadKeypoints(clip);
    }

    /**
     * Loads every {@link ClipState#TRAIN} or {@link ClipState#TEST} clip with its label, in id order, ready for
     * training or evaluation.
     */
    public LabeledClips labeledClips(ClipState state) {
        if (!state.isLabeled()) {
            throw new IllegalArgumentException(state + " clips have no labels; use labeledClips(clips, labelOf)");
        }
        return clips.labeledClips(clips(state), Clip::label);
    }

    /**
     * Loads clips, in the given order, with labels of the caller's choosing ({@code labelOf} must not return null),
     * for example {@code Clip::hiddenLabel} in a simulation.
     */
    public LabeledClips labeledClips(List<Clip> clips, Function<Clip, Integer> labelOf) {
        return this.clips.labeledClips(clips, labelOf);
    }

    /** Adds one clip, durably; returns the stored clip. */
    public Clip addClip(NewClip clip) {
        try (ClipBatch batch = beginBatch()) {
            Clip added = batch.add(clip);
            batch.commit();
            return added;
        }
    }

    /**
     * Starts adding clips all-or-nothing: nothing becomes visible until {@link ClipBatch#commit()}, and closing the
     * batch without committing leaves the project exactly as it was. Use the batch, in a try-with-resources block,
     * from the thread that began it; other threads wait until it ends.
     */
    public ClipBatch beginBatch() {
        return beginImport(null, null);
    }

    /**
     * Starts an import: a {@link #beginBatch() batch} that is also recorded in the import history ({@code kind} like
     * {@code mp-data}, null for a plain batch; {@code source} like the folder imported).
     */
    public ClipBatch beginImport(String kind, String source) {
        return clips.beginImport(kind, source);
    }

    /**
     * Labels a clip and returns the recorded event. A pool or skipped clip moves to {@link ClipState#TRAIN}; a test
     * clip stays in the test set.
     */
    public LabelEvent label(long clipId, int classIndex, LabelSource source) {
        return labels.label(clipId, classIndex, source);
    }

    /**
     * Labels a clip into the training or the test clips in one event (so that one undo takes the whole answer back),
     * as the automatic test hold-out does with a label as it arrives.
     *
     * @param clipId the clip
     * @param classIndex its class
     * @param state {@link ClipState#TRAIN} or {@link ClipState#TEST}
     * @param source who labeled it
     * @return the recorded event
     */
    public LabelEvent label(long clipId, int classIndex, ClipState state, LabelSource source) {
        return labels.label(clipId, classIndex, state, source);
    }

    /** Sets a clip aside without a label, as the user; returns the recorded event. */
    public LabelEvent skip(long clipId) {
        return skip(clipId, LabelSource.USER);
    }

    /** Sets a clip aside without a label; returns the recorded event. */
    public LabelEvent skip(long clipId, LabelSource source) {
        return labels.skip(clipId, source);
    }

    /**
     * Moves a clip to another state and returns the recorded event. Moving to the pool or to skipped removes its
     * label (the event keeps it, so {@link #undo(int)} brings it back); moving to train or test needs a labeled
     * clip.
     */
    public LabelEvent moveTo(long clipId, ClipState state, LabelSource source) {
        return labels.moveTo(clipId, state, source);
    }

    /**
     * Labels many clips (class index per clip id, in the map's order) in one transaction, for example a simulation
     * revealing a whole query batch. Each clip gets its own event, so {@link #undo(int)} takes them back one by one.
     */
    public List<LabelEvent> labelAll(Map<Long, Integer> labels, LabelSource source) {
        return this.labels.labelAll(labels, source);
    }

    /**
     * Moves many clips in one transaction, with the rules of {@link #moveTo}; if one cannot move, none does. Returns
     * the events in order.
     */
    public List<LabelEvent> moveAll(Collection<Long> clipIds, ClipState state, LabelSource source) {
        return labels.moveAll(clipIds, state, source);
    }

    /**
     * Undoes the last {@code n} label events that are not yet undone, newest first, restoring each clip's earlier
     * label and state, and returns the undo events (fewer than {@code n} if the history is shorter). Undo events are
     * recorded too, and are not themselves undone by a later undo.
     */
    public List<LabelEvent> undo(int n) {
        return labels.undo(n);
    }

    /** Returns the latest label events, newest first: at most {@code limit}, or all for 0. */
    public List<LabelEvent> labelEvents(int limit) {
        return labels.labelEvents(limit);
    }

    /**
     * Tags clips with the person in them, in one transaction (all or none).
     *
     * @param clipIds the clips
     * @param person the person's name, or null or blank for unknown
     * @return how many clips were tagged
     * @throws GestureLabException if a clip does not exist or the name breaks {@link PersonTags}' rules
     */
    public int setPerson(Collection<Long> clipIds, String person) {
        return clips.setPerson(clipIds, person);
    }

    /** Returns the people the clips are tagged with, sorted by name; untagged clips add none. */
    public List<String> persons() {
        return clips.persons();
    }

    /** Deletes a clip, its files and its label history. This cannot be undone. */
    public void delete(long clipId) {
        clips.delete(clipId);
    }

    /** Returns every recording that clips were cut from, oldest first. */
    public List<Recording> recordings() {
        return clips.recordings();
    }

    /** Stores a query batch (its id is ignored) and returns it with its id. */
    public QueryBatch saveQueryBatch(QueryBatch batch) {
        return runs.saveQueryBatch(batch);
    }

    /** Returns every stored query batch, oldest first. */
    public List<QueryBatch> queryBatches() {
        return runs.queryBatches();
    }

    /**
     * Stores a training run, or updates it if its id is not 0 (for example to set its finish time and accuracy);
     * returns it with its id.
     */
    public TrainingRun saveTrainingRun(TrainingRun run) {
        return runs.saveTrainingRun(run);
    }

    /**
     * Stores a training run and the iteration it closes in one transaction: both rows or neither, the iteration
     * pointing at the run (the ids of both arguments, and the iteration's training run id, are ignored).
     */
    public Iteration saveTrainingRunAndIteration(TrainingRun run, Iteration iteration) {
        return runs.saveTrainingRunAndIteration(run, iteration);
    }

    /** Returns every stored training run, oldest first. */
    public List<TrainingRun> trainingRuns() {
        return runs.trainingRuns();
    }

    /**
     * Stores an active-learning iteration (its id is ignored; its session and number must be new) and returns it
     * with its id.
     */
    public Iteration saveIteration(Iteration iteration) {
        return runs.saveIteration(iteration);
    }

    /**
     * Returns the iterations of one session ({@link Iteration#INTERACTIVE} or a simulation's name; null for all), by
     * session then number.
     */
    public List<Iteration> iterations(String session) {
        return runs.iterations(session);
    }

    /** Returns counts of clips per state and per class. */
    public ProjectStats stats() {
        return integrity.stats();
    }

    /**
     * Checks the project: SQLite's integrity check, every label within the class list, every clip file present.
     *
     * @return the problems found, empty when all is well
     */
    public List<String> check() {
        return integrity.check();
    }

    /**
     * Writes a consistent copy of the project into a new zip file: {@code project.json}, the database as SQLite
     * copies it ({@code VACUUM INTO}, so nothing that is only in {@code gesturelab.db-wal} is missed) and the clip
     * files it refers to, under one top folder named like the project folder. Works on a read-only view too.
     *
     * @param zip the file to create; it must not exist and must lie outside the project folder
     * @param monitor progress and cancel
     * @return how many clips the archive holds
     * @throws IOException if the archive cannot be written
     */
    public int archive(Path zip, TaskMonitor monitor) throws IOException {
        return ProjectArchive.write(db, classes, files, clips, zip, monitor);
    }

    /**
     * Finishes what a crash interrupted (see {@link ProjectFiles#recover}), then checks that the class list still
     * covers the labels and drops empty classes that killed imports left behind.
     */
    void recover() throws IOException {
        Set<String> abandoned = files.recover(clips.referencedFileNames());
        integrity.checkClasses(abandoned, true);
    }

    /** Checks, links followed, that a clip file about to be read or copied lies inside the project. */
    Path clipFile(Path file, String what) {
        return files.requireInside(file, what);
    }

    /** Records the class list in the database (a new project). */
    void recordClasses() {
        classes.record();
    }

    /** Checks a read-only view: the same consistency rules as {@link #recover()}, changing nothing. */
    void checkReadOnly() {
        integrity.checkClasses(Set.of(), false);
    }

    /** Closes the database and releases the project for other processes. Safe to call twice. */
    @Override
    public void close() throws IOException {
        db.guard().lock();
        try {
            if (db.isClosed()) {
                return;
            }
            try {
                db.close();
            } catch (SQLException e) {
                throw new IOException("Cannot close " + files.databaseFile(), e);
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        } finally {
            db.guard().unlock();
        }
    }

    @Override
    public String toString() {
        return "Project[" + name() + " at " + directory() + "]";
    }
}

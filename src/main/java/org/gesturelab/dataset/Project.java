package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.sqlite.SQLiteConfig;

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
    public static final String SETTINGS_FILE = "project.json";
    /** The database file in a project folder. */
    public static final String DATABASE_FILE = "gesturelab.db";
    /** The folder of clip files in a project folder. */
    public static final String CLIPS_DIR = "clips";

    static final String STAGING_PREFIX = ".incoming-";
    static final String ORPHANS_DIR = ".orphaned";
    private static final Pattern CLIP_FILE = Pattern.compile("c(\\d+)\\.[A-Za-z0-9]+");
    private static final String CLIP_COLUMNS = "id, state, label, hidden_label, source, recording_id, start_frame, "
            + "frames, created_at, keypoints, replay_video";

    private final Path dir;
    private final ProjectLock lock;
    private final Connection db;
    private final ReentrantLock guard = new ReentrantLock();
    private volatile ProjectSettings settings;
    private boolean closed;

    private Project(Path dir, ProjectLock lock, Connection db, ProjectSettings settings) {
        // lock is null for a read-only view.
        this.dir = dir;
        this.lock = lock;
        this.db = db;
        this.settings = settings;
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
     * Creates a project.
     *
     * @param dir a folder that does not exist yet or is empty
     * @param settings its settings
     * @return the open project; close it when done
     * @throws GestureLabException if the folder is not empty
     * @throws IOException if the folder cannot be written
     */
    public static Project create(Path dir, ProjectSettings settings) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new GestureLabException(dir + " is a file; choose a folder for the new project.");
            }
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new GestureLabException(isProject(dir)
                            ? dir + " already holds a GestureLab project; open it instead."
                            : dir + " is not empty; choose a new or empty folder for the project.");
                }
            }
        }
        Files.createDirectories(dir.resolve(CLIPS_DIR));
        // The settings file is written last: a folder without it is not a project, so a failed create can be
        // retried after clearing the folder.
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            Project project = new Project(dir, lock, connect(dir), settings);
            try {
                settings.write(dir.resolve(SETTINGS_FILE));
            } catch (IOException | RuntimeException e) {
                project.close();
                throw e;
            }
            return project;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
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
        dir = dir.toAbsolutePath().normalize();
        if (!isProject(dir)) {
            throw new GestureLabException(dir + " is not a GestureLab project (no " + SETTINGS_FILE
                    + "); create one with 'gesturelab project init " + dir + "'.");
        }
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            ProjectSettings settings = ProjectSettings.read(dir.resolve(SETTINGS_FILE));
            Connection db = connect(dir);
            Project project = new Project(dir, lock, db, settings);
            try {
                project.recover();
            } catch (IOException | RuntimeException e) {
                project.close();
                throw e;
            }
            return project;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
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
        dir = dir.toAbsolutePath().normalize();
        if (!isProject(dir)) {
            throw new GestureLabException(dir + " is not a GestureLab project (no " + SETTINGS_FILE + ").");
        }
        ProjectSettings settings = ProjectSettings.read(dir.resolve(SETTINGS_FILE));
        Path file = dir.resolve(DATABASE_FILE);
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(10_000);
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try {
                int version = Schema.version(db);
                if (version != Schema.VERSION) {
                    throw new GestureLabException(file + " has schema version " + version + ", this GestureLab reads "
                            + Schema.VERSION + "; open the project normally once to upgrade it, or update GestureLab.");
                }
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            return new Project(dir, null, db, settings);
        } catch (SQLException e) {
            throw new GestureLabException("Cannot read the project database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Returns whether this is a {@link #openReadOnly read-only} view. */
    public boolean isReadOnly() {
        return lock == null;
    }

    /**
     * Returns whether a folder holds a project.
     *
     * @param dir the folder
     * @return true if it has a {@code project.json}
     */
    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(SETTINGS_FILE));
    }

    private static Connection connect(Path dir) {
        Path file = dir.resolve(DATABASE_FILE);
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // FULL: every commit is on the disk before it returns, so a label survives even a power cut.
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(10_000);
        try {
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try {
                Schema.migrate(db, file.toString());
            } catch (SQLException | RuntimeException e) {
                db.close();
                throw e;
            }
            return db;
        } catch (SQLException e) {
            throw new GestureLabException("Cannot open the project database " + file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- settings and classes

    /** Returns the project folder. */
    public Path directory() {
        return dir;
    }

    /** Returns the project's settings as stored in {@code project.json}. */
    public ProjectSettings settings() {
        return settings;
    }

    /** Returns the project's name. */
    public String name() {
        return settings.name();
    }

    /** Returns the frames per clip that classifiers expect. */
    public int sequenceLength() {
        return settings.sequenceLength();
    }

    /** Returns the classes; a label is an index into this list. */
    public List<GestureClass> classes() {
        return settings.classes();
    }

    /** Returns the class names, in class order. */
    public List<String> classNames() {
        return settings.classNames();
    }

    /**
     * Returns the index of a class.
     *
     * @param name the exact class name
     * @return its index, or -1 if there is none
     */
    public int classIndex(String name) {
        return settings.indexOf(name);
    }

    /**
     * Returns the index of a class that must exist.
     *
     * @param name the exact class name
     * @return its index
     * @throws GestureLabException if there is no such class
     */
    public int requireClass(String name) {
        int index = classIndex(name);
        if (index < 0) {
            throw new GestureLabException("Project '" + name() + "' has no class '" + name + "'; its classes are "
                    + classNames() + ".");
        }
        return index;
    }

    /**
     * Adds a class with the next default colour and shortcut, or returns the existing one of that name.
     *
     * @param name the class name
     * @return its index
     */
    public int addClass(String name) {
        return locked(() -> {
            int index = classIndex(name);
            if (index >= 0) {
                return index;
            }
            GestureClass.checkName(name);
            writeSettings(settings.withClassAdded(name));
            return settings.classes().size() - 1;
        });
    }

    /**
     * Renames a class; its labels stay with it.
     *
     * @param index the class index
     * @param newName the new name, not used by another class
     */
    public void renameClass(int index, String newName) {
        updateClass(index, c -> c.withName(newName));
    }

    /**
     * Changes a class's colour.
     *
     * @param index the class index
     * @param color {@code #RRGGBB}
     */
    public void recolorClass(int index, String color) {
        updateClass(index, c -> c.withColor(color));
    }

    /**
     * Changes the key that assigns a class.
     *
     * @param index the class index
     * @param shortcut one key not used by another class, or null for none
     */
    public void setShortcut(int index, String shortcut) {
        updateClass(index, c -> c.withShortcut(shortcut));
    }

    private void updateClass(int index, Function<GestureClass, GestureClass> change) {
        locked(() -> {
            checkClassIndex(index);
            List<GestureClass> classes = new ArrayList<>(settings.classes());
            classes.set(index, change.apply(classes.get(index)));
            writeSettings(settings.withClasses(classes));
            return null;
        });
    }

    void writeSettings(ProjectSettings newSettings) {
        checkWritable();
        try {
            newSettings.write(dir.resolve(SETTINGS_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(SETTINGS_FILE), e);
        }
        settings = newSettings;
    }

    private void checkClassIndex(int index) {
        if (index < 0 || index >= settings.classes().size()) {
            throw new GestureLabException("No class number " + index + "; the project has "
                    + settings.classes().size() + " classes.");
        }
    }

    // ---------------------------------------------------------------- clips

    /**
     * Returns the clips a query selects, in id order.
     *
     * @param query the conditions
     * @return the clips
     */
    public List<Clip> clips(ClipQuery query) {
        return read(() -> {
            try (PreparedStatement statement = prepare("SELECT " + CLIP_COLUMNS + " FROM clips", query, true)) {
                return readClips(statement);
            }
        });
    }

    /**
     * Counts the clips a query selects (its limit is ignored).
     *
     * @param query the conditions
     * @return how many clips match
     */
    public int count(ClipQuery query) {
        return read(() -> {
            try (PreparedStatement statement = prepare("SELECT COUNT(*) FROM clips", query, false);
                    ResultSet rs = statement.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private PreparedStatement prepare(String select, ClipQuery query, boolean ordered) throws SQLException {
        StringBuilder sql = new StringBuilder(select).append(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!query.states().isEmpty()) {
            sql.append(" AND state IN (").append(String.join(", ", query.states().stream().map(s -> "?").toList()))
                    .append(')');
            query.states().stream().sorted().forEach(s -> args.add(s.name()));
        }
        if (query.label() != null) {
            sql.append(" AND label = ?");
            args.add(query.label());
        }
        if (query.hiddenLabel() != null) {
            sql.append(" AND hidden_label = ?");
            args.add(query.hiddenLabel());
        }
        if (query.recordingId() != null) {
            sql.append(" AND recording_id = ?");
            args.add(query.recordingId());
        }
        if (ordered) {
            sql.append(" ORDER BY id");
            if (query.limit() > 0) {
                sql.append(" LIMIT ").append(query.limit());
            }
        }
        PreparedStatement statement = db.prepareStatement(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
        return statement;
    }

    /**
     * Returns the clips in some states, in id order.
     *
     * @param first a state
     * @param more more states
     * @return the clips
     */
    public List<Clip> clips(ClipState first, ClipState... more) {
        return clips(ClipQuery.inState(first, more));
    }

    /**
     * Returns one clip.
     *
     * @param id the clip's id
     * @return the clip, or empty if there is none
     */
    public Optional<Clip> clip(long id) {
        return read(() -> {
            try (PreparedStatement statement = db.prepareStatement(
                    "SELECT " + CLIP_COLUMNS + " FROM clips WHERE id = ?")) {
                statement.setLong(1, id);
                List<Clip> clips = readClips(statement);
                return clips.isEmpty() ? Optional.empty() : Optional.of(clips.get(0));
            }
        });
    }

    /**
     * Returns one clip that must exist.
     *
     * @param id the clip's id
     * @return the clip
     * @throws GestureLabException if there is none
     */
    public Clip requireClip(long id) {
        return clip(id).orElseThrow(() -> new GestureLabException("Project '" + name() + "' has no clip " + id + "."));
    }

    private List<Clip> readClips(PreparedStatement statement) throws SQLException {
        List<Clip> clips = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String video = rs.getString(11);
                clips.add(new Clip(rs.getLong(1), ClipState.valueOf(rs.getString(2)), integer(rs, 3), integer(rs, 4),
                        rs.getString(5), longOrNull(rs, 6), integer(rs, 7), rs.getInt(8),
                        Instant.ofEpochMilli(rs.getLong(9)), dir.resolve(rs.getString(10)),
                        video == null ? null : dir.resolve(video)));
            }
        }
        return clips;
    }

    /**
     * Reads a clip's keypoints.
     *
     * @param clip the clip
     * @return its frames, {@code frames x 1662}
     * @throws GestureLabException if the file is missing or damaged
     */
    public float[][] loadKeypoints(Clip clip) {
        try {
            Npy.Array array = Npy.read(clip.keypoints());
            if (array.shape().length != 2 || array.columns() != settings.features()) {
                throw new GestureLabException("Clip file " + clip.keypoints() + " is not frames x "
                        + settings.features() + ".");
            }
            return array.toMatrix();
        } catch (IOException e) {
            throw new GestureLabException("Cannot read clip " + clip.id() + " (" + clip.keypoints() + "): " + e, e);
        }
    }

    /**
     * Loads every clip in a state with its label, ready for training or evaluation.
     *
     * @param state {@link ClipState#TRAIN} or {@link ClipState#TEST}
     * @return the clips, in id order, labeled with class indices into {@link #classNames()}
     */
    public LabeledClips labeledClips(ClipState state) {
        if (!state.isLabeled()) {
            throw new IllegalArgumentException(state + " clips have no labels; use labeledClips(clips, labelOf)");
        }
        return labeledClips(clips(state), Clip::label);
    }

    /**
     * Loads clips with labels of the caller's choosing, for example {@code Clip::hiddenLabel} in a simulation.
     *
     * @param clips the clips
     * @param labelOf each clip's class index; it must not return null
     * @return the clips with their labels, in the given order
     */
    public LabeledClips labeledClips(List<Clip> clips, Function<Clip, Integer> labelOf) {
        List<float[][]> frames = new ArrayList<>(clips.size());
        int[] labels = new int[clips.size()];
        for (int i = 0; i < clips.size(); i++) {
            Integer label = labelOf.apply(clips.get(i));
            if (label == null) {
                throw new IllegalArgumentException("clip " + clips.get(i).id() + " has no such label");
            }
            labels[i] = label;
            frames.add(loadKeypoints(clips.get(i)));
        }
        return new LabeledClips(frames, labels, classNames());
    }

    /**
     * Adds one clip, durably.
     *
     * @param clip the clip
     * @return the stored clip
     */
    public Clip addClip(NewClip clip) {
        try (ClipBatch batch = beginBatch()) {
            Clip added = batch.add(clip);
            batch.commit();
            return added;
        }
    }

    /**
     * Starts adding clips all-or-nothing: nothing becomes visible until {@link ClipBatch#commit()}, and closing the
     * batch without committing leaves the project exactly as it was. Use the batch from the thread that began it;
     * other threads wait until it ends.
     *
     * @return the batch; close it in a try-with-resources block
     */
    public ClipBatch beginBatch() {
        return beginImport(null, null);
    }

    /**
     * Starts an import: a {@link #beginBatch() batch} that is also recorded in the import history.
     *
     * @param kind what is imported, for example {@code mp-data}; null for a plain batch
     * @param source where from, for example the folder imported
     * @return the batch; close it in a try-with-resources block
     */
    public ClipBatch beginImport(String kind, String source) {
        checkOpen();
        checkWritable();
        guard.lock();
        try {
            return new ClipBatch(this, kind, source);
        } catch (SQLException e) {
            guard.unlock();
            throw storeError(e);
        } catch (RuntimeException e) {
            guard.unlock();
            throw e;
        }
    }

    /**
     * Labels a clip. A pool or skipped clip moves to {@link ClipState#TRAIN}; a test clip stays in the test set.
     *
     * @param clipId the clip
     * @param classIndex its class
     * @param source who labeled it
     * @return the recorded event
     */
    public LabelEvent label(long clipId, int classIndex, LabelSource source) {
        checkClassIndex(classIndex);
        return change(clipId, source, clip -> new Change(
                clip.state() == ClipState.TEST ? ClipState.TEST : ClipState.TRAIN, classIndex));
    }

    /**
     * Sets a clip aside without a label, as the user.
     *
     * @param clipId the clip
     * @return the recorded event
     */
    public LabelEvent skip(long clipId) {
        return skip(clipId, LabelSource.USER);
    }

    /**
     * Sets a clip aside without a label.
     *
     * @param clipId the clip
     * @param source who skipped it
     * @return the recorded event
     */
    public LabelEvent skip(long clipId, LabelSource source) {
        return change(clipId, source, clip -> new Change(ClipState.SKIPPED, null));
    }

    /**
     * Moves a clip to another state. Moving to the pool or to skipped removes its label (the event keeps it, so
     * {@link #undo(int)} brings it back); moving to train or test needs a labeled clip.
     *
     * @param clipId the clip
     * @param state the new state
     * @param source who moved it
     * @return the recorded event
     */
    public LabelEvent moveTo(long clipId, ClipState state, LabelSource source) {
        return change(clipId, source, clip -> {
            if (state.isLabeled() && clip.label() == null) {
                throw new GestureLabException("Clip " + clipId + " has no label; label it before moving it to "
                        + state + ".");
            }
            return new Change(state, state.isLabeled() ? clip.label() : null);
        });
    }

    /**
     * Labels many clips in one transaction (for example a simulation revealing a whole query batch). Each clip gets
     * its own event, so {@link #undo(int)} takes them back one by one.
     *
     * @param labels class index per clip id, applied in the map's iteration order
     * @param source who labeled them
     * @return the recorded events, in order
     */
    public List<LabelEvent> labelAll(Map<Long, Integer> labels, LabelSource source) {
        return write(() -> {
            List<LabelEvent> events = new ArrayList<>(labels.size());
            labels.forEach((clipId, classIndex) -> events.add(label(clipId, classIndex, source)));
            return events;
        });
    }

    /**
     * Moves many clips in one transaction, with the rules of {@link #moveTo}; if one cannot move, none does.
     *
     * @param clipIds the clips
     * @param state the new state
     * @param source who moved them
     * @return the recorded events, in order
     */
    public List<LabelEvent> moveAll(Collection<Long> clipIds, ClipState state, LabelSource source) {
        return write(() -> {
            List<LabelEvent> events = new ArrayList<>(clipIds.size());
            for (long clipId : clipIds) {
                events.add(moveTo(clipId, state, source));
            }
            return events;
        });
    }

    private record Change(ClipState state, Integer label) {
    }

    private LabelEvent change(long clipId, LabelSource source, Function<Clip, Change> decide) {
        Objects.requireNonNull(source, "source");
        return write(() -> {
            Clip clip = requireClip(clipId);
            Change change = decide.apply(clip);
            return record(clip.id(), clip.state(), clip.label(), change.state(), change.label(), source, null);
        });
    }

    /** Updates a clip and appends the event, inside the caller's transaction. */
    private LabelEvent record(long clipId, ClipState oldState, Integer oldLabel, ClipState newState, Integer newLabel,
            LabelSource source, Long reverts) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement update = db.prepareStatement(
                "UPDATE clips SET state = ?, label = ?, updated_at = ? WHERE id = ?")) {
            update.setString(1, newState.name());
            setNullable(update, 2, newLabel);
            update.setLong(3, now);
            update.setLong(4, clipId);
            update.executeUpdate();
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO label_events "
                + "(clip_id, old_state, old_label, new_state, new_label, source, at, reverts) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, clipId);
            insert.setString(2, oldState.name());
            setNullable(insert, 3, oldLabel);
            insert.setString(4, newState.name());
            setNullable(insert, 5, newLabel);
            insert.setString(6, source.name());
            insert.setLong(7, now);
            setNullable(insert, 8, reverts);
            insert.executeUpdate();
            long id = generatedKey(insert);
            return new LabelEvent(id, clipId, oldState, oldLabel, newState, newLabel, source,
                    Instant.ofEpochMilli(now), reverts);
        }
    }

    /**
     * Undoes the last {@code n} label events that are not yet undone, newest first, restoring each clip's earlier
     * label and state. Undo events are recorded too, and are not themselves undone by a later undo.
     *
     * @param n how many events to undo
     * @return the undo events written, newest undone first (fewer than {@code n} if the history is shorter)
     */
    public List<LabelEvent> undo(int n) {
        return write(() -> {
            List<LabelEvent> targets;
            try (PreparedStatement select = db.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM label_events "
                    + "WHERE reverts IS NULL AND reverted_by IS NULL ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, n);
                targets = readEvents(select);
            }
            List<LabelEvent> undone = new ArrayList<>();
            for (LabelEvent target : targets) {
                LabelEvent event = record(target.clipId(), target.newState(), target.newLabel(), target.oldState(),
                        target.oldLabel(), LabelSource.UNDO, target.id());
                try (PreparedStatement mark = db.prepareStatement(
                        "UPDATE label_events SET reverted_by = ? WHERE id = ?")) {
                    mark.setLong(1, event.id());
                    mark.setLong(2, target.id());
                    mark.executeUpdate();
                }
                undone.add(event);
            }
            return undone;
        });
    }

    private static final String EVENT_COLUMNS =
            "id, clip_id, old_state, old_label, new_state, new_label, source, at, reverts";

    /**
     * Returns the latest label events, newest first.
     *
     * @param limit at most this many; 0 for all
     * @return the events
     */
    public List<LabelEvent> labelEvents(int limit) {
        return read(() -> {
            try (PreparedStatement select = db.prepareStatement("SELECT " + EVENT_COLUMNS
                    + " FROM label_events ORDER BY id DESC" + (limit > 0 ? " LIMIT " + limit : ""))) {
                return readEvents(select);
            }
        });
    }

    private List<LabelEvent> readEvents(PreparedStatement select) throws SQLException {
        List<LabelEvent> events = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                events.add(new LabelEvent(rs.getLong(1), rs.getLong(2), ClipState.valueOf(rs.getString(3)),
                        integer(rs, 4), ClipState.valueOf(rs.getString(5)), integer(rs, 6),
                        LabelSource.valueOf(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)), longOrNull(rs, 9)));
            }
        }
        return events;
    }

    /**
     * Deletes a clip, its files and its label history. This cannot be undone.
     *
     * @param clipId the clip
     */
    public void delete(long clipId) {
        Clip clip = write(() -> {
            Clip found = requireClip(clipId);
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM clips WHERE id = ?")) {
                delete.setLong(1, clipId);
                delete.executeUpdate();
            }
            return found;
        });
        // After the commit: a crash here leaves an unreferenced file that the next open sets aside.
        try {
            Files.deleteIfExists(clip.keypoints());
            if (clip.replayVideo() != null) {
                Files.deleteIfExists(clip.replayVideo());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Deleted clip " + clipId + " but not its files", e);
        }
    }

    /** Returns every recording that clips were cut from, oldest first. */
    public List<Recording> recordings() {
        return read(() -> {
            List<Recording> recordings = new ArrayList<>();
            try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT id, source, frames, created_at FROM recordings ORDER BY id")) {
                while (rs.next()) {
                    recordings.add(new Recording(rs.getLong(1), rs.getString(2), rs.getInt(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return recordings;
        });
    }

    // ---------------------------------------------------------------- active-learning history

    /**
     * Stores a query batch.
     *
     * @param batch the batch (its id is ignored)
     * @return the stored batch with its id
     */
    public QueryBatch saveQueryBatch(QueryBatch batch) {
        return write(() -> {
            long id;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO query_batches "
                    + "(created_at, strategy, training_run_id) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, batch.createdAt().toEpochMilli());
                insert.setString(2, batch.strategy());
                setNullable(insert, 3, batch.trainingRunId());
                insert.executeUpdate();
                id = generatedKey(insert);
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO query_batch_items "
                    + "(batch_id, rank, clip_id, score, predicted_label) VALUES (?, ?, ?, ?, ?)")) {
                for (int rank = 0; rank < batch.items().size(); rank++) {
                    QueryBatch.Item item = batch.items().get(rank);
                    insert.setLong(1, id);
                    insert.setInt(2, rank);
                    insert.setLong(3, item.clipId());
                    if (Double.isNaN(item.score())) {
                        insert.setNull(4, Types.REAL);
                    } else {
                        insert.setDouble(4, item.score());
                    }
                    setNullable(insert, 5, item.predictedLabel());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return new QueryBatch(id, batch.createdAt(), batch.strategy(), batch.trainingRunId(), batch.items());
        });
    }

    /** Returns every stored query batch, oldest first. */
    public List<QueryBatch> queryBatches() {
        return read(() -> {
            List<QueryBatch> batches = new ArrayList<>();
            try (Statement statement = db.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT id, created_at, strategy, training_run_id FROM query_batches ORDER BY id")) {
                while (rs.next()) {
                    batches.add(new QueryBatch(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            longOrNull(rs, 4), List.of()));
                }
            }
            List<QueryBatch> full = new ArrayList<>(batches.size());
            try (PreparedStatement items = db.prepareStatement("SELECT clip_id, score, predicted_label "
                    + "FROM query_batch_items WHERE batch_id = ? ORDER BY rank")) {
                for (QueryBatch batch : batches) {
                    items.setLong(1, batch.id());
                    List<QueryBatch.Item> list = new ArrayList<>();
                    try (ResultSet rs = items.executeQuery()) {
                        while (rs.next()) {
                            double score = rs.getDouble(2);
                            list.add(new QueryBatch.Item(rs.getLong(1), rs.wasNull() ? Double.NaN : score,
                                    integer(rs, 3)));
                        }
                    }
                    full.add(new QueryBatch(batch.id(), batch.createdAt(), batch.strategy(), batch.trainingRunId(),
                            list));
                }
            }
            return full;
        });
    }

    /**
     * Stores a training run, or updates it if its id is not 0 (for example to set its finish time and accuracy).
     *
     * @param run the run
     * @return the stored run with its id
     */
    public TrainingRun saveTrainingRun(TrainingRun run) {
        return write(() -> {
            boolean insert = run.id() == 0;
            try (PreparedStatement statement = db.prepareStatement(insert
                    ? "INSERT INTO training_runs (started_at, finished_at, model_path, train_clips, test_clips, "
                            + "test_accuracy, details) VALUES (?, ?, ?, ?, ?, ?, ?)"
                    : "UPDATE training_runs SET started_at = ?, finished_at = ?, model_path = ?, train_clips = ?, "
                            + "test_clips = ?, test_accuracy = ?, details = ? WHERE id = ?",
                    Statement.RETURN_GENERATED_KEYS)) {
                statement.setLong(1, run.startedAt().toEpochMilli());
                setNullable(statement, 2, run.finishedAt() == null ? null : run.finishedAt().toEpochMilli());
                statement.setString(3, run.modelPath());
                statement.setInt(4, run.trainClips());
                statement.setInt(5, run.testClips());
                setNullable(statement, 6, run.testAccuracy());
                statement.setString(7, run.details());
                if (!insert) {
                    statement.setLong(8, run.id());
                    if (statement.executeUpdate() != 1) {
                        throw new GestureLabException("No training run " + run.id() + " to update.");
                    }
                    return run;
                }
                statement.executeUpdate();
                return new TrainingRun(generatedKey(statement), run.startedAt(), run.finishedAt(), run.modelPath(),
                        run.trainClips(), run.testClips(), run.testAccuracy(), run.details());
            }
        });
    }

    /** Returns every stored training run, oldest first. */
    public List<TrainingRun> trainingRuns() {
        return read(() -> {
            List<TrainingRun> runs = new ArrayList<>();
            try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT id, started_at, finished_at, model_path, train_clips, test_clips, test_accuracy, details "
                            + "FROM training_runs ORDER BY id")) {
                while (rs.next()) {
                    Long finished = longOrNull(rs, 3);
                    runs.add(new TrainingRun(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                            finished == null ? null : Instant.ofEpochMilli(finished), rs.getString(4), rs.getInt(5),
                            rs.getInt(6), doubleOrNull(rs, 7), rs.getString(8)));
                }
            }
            return runs;
        });
    }

    /**
     * Stores an active-learning iteration.
     *
     * @param iteration the iteration (its id is ignored); its session and number must be new
     * @return the stored iteration with its id
     */
    public Iteration saveIteration(Iteration iteration) {
        return write(() -> {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO iterations (session, number, at, "
                    + "strategy, query_batch_id, training_run_id, labeled_clips, test_accuracy, details) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, iteration.session());
                insert.setInt(2, iteration.number());
                insert.setLong(3, iteration.at().toEpochMilli());
                insert.setString(4, iteration.strategy());
                setNullable(insert, 5, iteration.queryBatchId());
                setNullable(insert, 6, iteration.trainingRunId());
                insert.setInt(7, iteration.labeledClips());
                setNullable(insert, 8, iteration.testAccuracy());
                insert.setString(9, iteration.details());
                insert.executeUpdate();
                return new Iteration(generatedKey(insert), iteration.session(), iteration.number(), iteration.at(),
                        iteration.strategy(), iteration.queryBatchId(), iteration.trainingRunId(),
                        iteration.labeledClips(), iteration.testAccuracy(), iteration.details());
            }
        });
    }

    /**
     * Returns the iterations of one session, in order.
     *
     * @param session {@link Iteration#INTERACTIVE} or a simulation's name; null for every session
     * @return the iterations, by session then number
     */
    public List<Iteration> iterations(String session) {
        return read(() -> {
            try (PreparedStatement select = db.prepareStatement("SELECT id, session, number, at, strategy, "
                    + "query_batch_id, training_run_id, labeled_clips, test_accuracy, details FROM iterations"
                    + (session == null ? "" : " WHERE session = ?") + " ORDER BY session, number")) {
                if (session != null) {
                    select.setString(1, session);
                }
                List<Iteration> iterations = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        iterations.add(new Iteration(rs.getLong(1), rs.getString(2), rs.getInt(3),
                                Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), longOrNull(rs, 6),
                                longOrNull(rs, 7), rs.getInt(8), doubleOrNull(rs, 9), rs.getString(10)));
                    }
                }
                return iterations;
            }
        });
    }

    // ---------------------------------------------------------------- statistics and checks

    /** Returns counts of clips per state and per class. */
    public ProjectStats stats() {
        return read(() -> {
            int classCount = settings.classes().size();
            int[] byState = new int[ClipState.values().length];
            int[][] perClass = new int[classCount][3];
            try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT state, label, hidden_label, COUNT(*) FROM clips GROUP BY state, label, hidden_label")) {
                while (rs.next()) {
                    ClipState state = ClipState.valueOf(rs.getString(1));
                    Integer label = integer(rs, 2);
                    Integer hidden = integer(rs, 3);
                    int count = rs.getInt(4);
                    byState[state.ordinal()] += count;
                    if (label != null && label < classCount) {
                        perClass[label][state == ClipState.TEST ? 1 : 0] += count;
                    } else if (state == ClipState.POOL && hidden != null && hidden < classCount) {
                        perClass[hidden][2] += count;
                    }
                }
            }
            List<ProjectStats.ClassCount> counts = new ArrayList<>();
            for (int i = 0; i < classCount; i++) {
                counts.add(new ProjectStats.ClassCount(settings.classes().get(i).name(), perClass[i][0],
                        perClass[i][1], perClass[i][2]));
            }
            int total = 0;
            for (int count : byState) {
                total += count;
            }
            return new ProjectStats(name(), total, byState[ClipState.TRAIN.ordinal()],
                    byState[ClipState.TEST.ordinal()], byState[ClipState.POOL.ordinal()],
                    byState[ClipState.SKIPPED.ordinal()], classCount, counts);
        });
    }

    /**
     * Checks the project: SQLite's integrity check, every label within the class list, every clip file present.
     *
     * @return the problems found, empty when all is well
     */
    public List<String> check() {
        return read(() -> {
            List<String> problems = new ArrayList<>();
            try (Statement statement = db.createStatement();
                    ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        problems.add("database: " + rs.getString(1));
                    }
                }
            }
            int classCount = settings.classes().size();
            try (PreparedStatement statement = db.prepareStatement("SELECT " + CLIP_COLUMNS + " FROM clips")) {
                for (Clip clip : readClips(statement)) {
                    if (!Files.isRegularFile(clip.keypoints())) {
                        problems.add("clip " + clip.id() + ": missing " + clip.keypoints());
                    }
                    if (clip.replayVideo() != null && !Files.isRegularFile(clip.replayVideo())) {
                        problems.add("clip " + clip.id() + ": missing " + clip.replayVideo());
                    }
                    if ((clip.label() != null && clip.label() >= classCount)
                            || (clip.hiddenLabel() != null && clip.hiddenLabel() >= classCount)) {
                        problems.add("clip " + clip.id() + ": label beyond the " + classCount + " classes");
                    }
                }
            }
            return problems;
        });
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Finishes what a crash interrupted. Files staged for a committed batch are moved into place; files staged
     * for a batch that never committed are removed; clip files no row refers to (a crash between a delete's
     * commit and its file removal) are set aside in {@code clips/.orphaned} rather than deleted.
     */
    private void recover() throws IOException {
        Path clipsDir = dir.resolve(CLIPS_DIR);
        Files.createDirectories(clipsDir);
        Set<String> referenced = read(() -> {
            Set<String> names = new HashSet<>();
            try (Statement statement = db.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT keypoints, replay_video FROM clips")) {
                while (rs.next()) {
                    names.add(Path.of(rs.getString(1)).getFileName().toString());
                    if (rs.getString(2) != null) {
                        names.add(Path.of(rs.getString(2)).getFileName().toString());
                    }
                }
            }
            return names;
        });
        List<Path> staging = new ArrayList<>();
        List<Path> loose = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(clipsDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX) && Files.isDirectory(entry)) {
                    staging.add(entry);
                } else if (CLIP_FILE.matcher(name).matches() && !referenced.contains(name)) {
                    loose.add(entry);
                }
            }
        }
        for (Path stage : staging) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(stage)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    Path target = clipsDir.resolve(name);
                    if (referenced.contains(name) && !Files.exists(target)) {
                        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                    } else {
                        Files.delete(file);
                    }
                }
            }
            Files.delete(stage);
        }
        if (!loose.isEmpty()) {
            Path orphans = Files.createDirectories(clipsDir.resolve(ORPHANS_DIR));
            for (Path file : loose) {
                Files.move(file, orphans.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        FileSync.directory(clipsDir);
    }

    // ---------------------------------------------------------------- plumbing

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    Connection connection() {
        return db;
    }

    ReentrantLock guard() {
        return guard;
    }

    private <T> T locked(java.util.function.Supplier<T> work) {
        checkOpen();
        guard.lock();
        try {
            return work.get();
        } finally {
            guard.unlock();
        }
    }

    private <T> T read(SqlWork<T> work) {
        checkOpen();
        guard.lock();
        try {
            return work.run();
        } catch (SQLException e) {
            throw storeError(e);
        } finally {
            guard.unlock();
        }
    }

    /** Runs work in one transaction, committed (and on disk) before returning, rolled back on any failure. */
    private <T> T write(SqlWork<T> work) {
        checkOpen();
        checkWritable();
        guard.lock();
        try {
            boolean outer = db.getAutoCommit();
            if (!outer) {
                // Inside a batch on this thread: join its transaction.
                return work.run();
            }
            db.setAutoCommit(false);
            try {
                T result = work.run();
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw storeError(e);
        } finally {
            guard.unlock();
        }
    }

    GestureLabException storeError(SQLException e) {
        return new GestureLabException("Project database " + dir.resolve(DATABASE_FILE) + " failed: "
                + e.getMessage(), e);
    }

    private void checkWritable() {
        if (isReadOnly()) {
            throw new IllegalStateException("project " + dir + " was opened read-only");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("project " + dir + " is closed");
        }
    }

    static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    /** Binds a value that may be null; sqlite-jdbc binds a null as SQL NULL. */
    static void setNullable(PreparedStatement statement, int index, Object value) throws SQLException {
        statement.setObject(index, value);
    }

    static long generatedKey(Statement statement) throws SQLException {
        try (ResultSet keys = statement.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("no generated key");
            }
            return keys.getLong(1);
        }
    }

    /** Closes the database and releases the project for other processes. Safe to call twice. */
    @Override
    public void close() throws IOException {
        guard.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                db.close();
            } catch (SQLException e) {
                throw new IOException("Cannot close " + dir.resolve(DATABASE_FILE), e);
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        } finally {
            guard.unlock();
        }
    }

    @Override
    public String toString() {
        return "Project[" + name() + " at " + dir + "]";
    }

    // added by workflow branch
    /**
     * Stores a training run and the iteration it closes in one transaction: both rows or neither, the iteration
     * pointing at the run.
     *
     * @param run the new run (its id is ignored)
     * @param iteration the iteration (its id and training run id are ignored); its session and number must be new
     * @return the stored iteration, with its id and the run's id
     */
    public Iteration saveTrainingRunAndIteration(TrainingRun run, Iteration iteration) {
        return write(() -> {
            TrainingRun stored = saveTrainingRun(new TrainingRun(0, run.startedAt(), run.finishedAt(),
                    run.modelPath(), run.trainClips(), run.testClips(), run.testAccuracy(), run.details()));
            return saveIteration(new Iteration(0, iteration.session(), iteration.number(), iteration.at(),
                    iteration.strategy(), iteration.queryBatchId(), stored.id(), iteration.labeledClips(),
                    iteration.testAccuracy(), iteration.details()));
        });
    }
}

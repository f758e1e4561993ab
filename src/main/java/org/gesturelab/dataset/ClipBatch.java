package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gesturelab.core.GestureLabException;

/**
 * Clips being added to a project all-or-nothing, from {@link Project#beginBatch()} or
 * {@link Project#beginImport(String, String)}.
 *
 * <p>Rows go into one open database transaction; files go into a staging folder {@code clips/.incoming-*}.
 * {@link #commit()} flushes the files, commits, then moves them into {@code clips/}; if the process dies between
 * the commit and the move, {@link Project#open} finishes the move. {@link #close()} without a commit rolls the rows
 * back, removes the staged files and restores any classes the batch added, leaving the project as it was.
 */
public final class ClipBatch implements AutoCloseable {

    private final ProjectDb store;
    private final ProjectClasses classes;
    private final ProjectFiles files;
    private final Connection db;
    private final ProjectSettings settingsBefore;
    private final Path staging;
    private final Long importId;
    private final List<Path> staged = new ArrayList<>();
    private final List<Clip> added = new ArrayList<>();
    private long nextId;
    private boolean finished;

    ClipBatch(ProjectDb store, ProjectClasses classes, ProjectFiles files, String kind, String source)
            throws SQLException {
        this.store = store;
        this.classes = classes;
        this.files = files;
        this.db = store.connection();
        this.settingsBefore = classes.settings();
        db.setAutoCommit(false);
        try {
            this.nextId = nextClipId();
            if (kind != null) {
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO imports (kind, source, created_at) VALUES (?, ?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, kind);
                    insert.setString(2, source == null ? "" : source);
                    insert.setLong(3, System.currentTimeMillis());
                    insert.executeUpdate();
                    this.importId = ProjectDb.generatedKey(insert);
                }
            } else {
                this.importId = null;
            }
            this.staging = files.newStagingFolder();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            db.setAutoCommit(true);
            throw e;
        } catch (IOException e) {
            db.rollback();
            db.setAutoCommit(true);
            throw DiskTrouble.cannotWrite(files.clipsDir(), e);
        }
    }

    /** Ids are taken from SQLite's AUTOINCREMENT counter, so the file can be named before the row is written. */
    private long nextClipId() throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'clips'), 0), "
                        + "COALESCE((SELECT MAX(id) FROM clips), 0))")) {
            return rs.next() ? rs.getLong(1) + 1 : 1;
        }
    }

    /**
     * Returns the index of a class, adding it to the project if it is new. A class added by a batch that does not
     * commit is removed again. A new name is normalised to NFC and checked by the rules of {@link ClassNames}.
     *
     * @param name the class name as read
     * @return its index
     * @throws GestureLabException if the name is new and cannot be a class
     */
    public int classIndex(String name) {
        checkActive();
        int index = classes.indexOf(name);
        if (index >= 0) {
            return index;
        }
        name = ClassNames.normalise(name);
        index = classes.indexOf(name);
        if (index >= 0) {
            return index;
        }
        ClassNames.requireNew(name, classes.settings().classNames());
        // project.json is written before the rows that use the class commit: a crash in between leaves an unused
        // class, never a label without a class. The staging folder remembers it, so that the next open can drop
        // the unused class again if this batch never commits.
        try {
            Files.writeString(staging.resolve(ProjectFiles.ADDED_CLASSES), name + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw DiskTrouble.cannotWrite(staging, e);
        }
        return classes.add(name);
    }

    /**
     * Records a long recording that clips will be cut from.
     *
     * @param source where it came from
     * @param frames its length in frames
     * @return its id, for {@link NewClip#withRecording(long, int)}
     */
    public long addRecording(String source, int frames) {
        checkActive();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO recordings (source, frames, created_at) VALUES (?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, source);
            insert.setInt(2, frames);
            insert.setLong(3, System.currentTimeMillis());
            insert.executeUpdate();
            return ProjectDb.generatedKey(insert);
        } catch (SQLException e) {
            throw store.storeError(e);
        }
    }

    /**
     * Adds a clip to the batch; it becomes part of the project at {@link #commit()}.
     *
     * @param clip the clip
     * @return the clip as it will be stored
     * @throws GestureLabException if the clip is inconsistent (wrong frame width, non-finite values, a label that
     *     does not fit its state, an unknown class)
     */
    public Clip add(NewClip clip) {
        checkActive();
        validate(clip);
        long id = nextId++;
        String base = ProjectFiles.baseName(id);
        String keypoints = ProjectFiles.clipFileName(id, ".npy");
        String video = null;
        try {
            Path file = staging.resolve(base + ".npy");
            Npy.write(file, clip.keypoints());
            staged.add(file);
            if (clip.replayVideo() != null) {
                String name = clip.replayVideo().getFileName().toString();
                int dot = name.lastIndexOf('.');
                String extension = dot > 0 ? name.substring(dot).toLowerCase(Locale.ROOT) : ".mp4";
                Path copy = staging.resolve(base + extension);
                Files.copy(clip.replayVideo(), copy);
                staged.add(copy);
                video = ProjectFiles.clipFileName(id, extension);
            }
        } catch (IOException e) {
            throw DiskTrouble.cannotWrite(staging, e);
        }
        long now = System.currentTimeMillis();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO clips (id, state, label, hidden_label, "
                + "source, recording_id, start_frame, frames, keypoints, replay_video, import_id, created_at, "
                + "updated_at, person, session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, clip.state().name());
            ProjectDb.setNullable(insert, 3, clip.label());
            ProjectDb.setNullable(insert, 4, clip.hiddenLabel());
            insert.setString(5, clip.source());
            ProjectDb.setNullable(insert, 6, clip.recordingId());
            ProjectDb.setNullable(insert, 7, clip.startFrame());
            insert.setInt(8, clip.keypoints().length);
            insert.setString(9, keypoints);
            insert.setString(10, video);
            ProjectDb.setNullable(insert, 11, importId);
            insert.setLong(12, now);
            insert.setLong(13, now);
            insert.setString(14, clip.person());
            insert.setString(15, clip.session());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw store.storeError(e);
        }
        Path dir = files.directory();
        Clip stored = new Clip(id, clip.state(), clip.label(), clip.hiddenLabel(), clip.source(), clip.recordingId(),
                clip.startFrame(), clip.keypoints().length, Instant.ofEpochMilli(now), dir.resolve(keypoints),
                video == null ? null : dir.resolve(video), clip.person(), clip.session());
        added.add(stored);
        return stored;
    }

    private void validate(NewClip clip) {
        int classCount = classes.classes().size();
        String what = "Clip from " + clip.source();
        if (clip.state().isLabeled() != (clip.label() != null)) {
            throw new GestureLabException(what + ": a " + clip.state() + " clip "
                    + (clip.state().isLabeled() ? "needs a label." : "cannot have a label."));
        }
        for (Integer label : new Integer[] {clip.label(), clip.hiddenLabel()}) {
            if (label != null && (label < 0 || label >= classCount)) {
                throw new GestureLabException(what + ": class " + label + " does not exist (" + classCount
                        + " classes).");
            }
        }
        float[][] frames = clip.keypoints();
        if (frames.length == 0) {
            throw new GestureLabException(what + " has no frames.");
        }
        if (frames.length > Limits.MAX_FRAMES_PER_CLIP) {
            throw new GestureLabException(what + " has " + frames.length + " frames; a clip may have at most "
                    + Limits.MAX_FRAMES_PER_CLIP + ".");
        }
        int features = classes.settings().features();
        for (int f = 0; f < frames.length; f++) {
            if (frames[f].length != features) {
                throw new GestureLabException(what + ": frame " + f + " has " + frames[f].length + " values, not "
                        + features + ".");
            }
            for (float value : frames[f]) {
                if (!Float.isFinite(value)) {
                    throw new GestureLabException(what + ": frame " + f + " contains " + value + ".");
                }
            }
        }
    }

    /** Returns how many clips the batch holds so far. */
    public int size() {
        return added.size();
    }

    /** Returns the id of the import record, or null for a plain batch. */
    public Long importId() {
        return importId;
    }

    /**
     * Makes every clip of the batch part of the project, durably.
     *
     * @return the added clips
     */
    public List<Clip> commit() {
        checkActive();
        try {
            FileSync.files(staged);
            FileSync.directory(staging);
            db.commit();
        } catch (IOException e) {
            close();
            throw DiskTrouble.cannotWrite(staging, e);
        } catch (SQLException e) {
            close();
            throw store.storeError(e);
        }
        finished = true;
        try {
            db.setAutoCommit(true);
            Path clipsDir = staging.getParent();
            for (Path file : staged) {
                Files.move(file, clipsDir.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(staging.resolve(ProjectFiles.ADDED_CLASSES));
            Files.delete(staging);
            FileSync.directory(clipsDir);
        } catch (IOException e) {
            // Committed; the next open finishes the move.
            throw new UncheckedIOException("Clips committed but not yet moved into place; reopen the project", e);
        } catch (SQLException e) {
            throw store.storeError(e);
        } finally {
            store.guard().unlock();
        }
        return List.copyOf(added);
    }

    /** Abandons the batch unless it was committed: the project is left as it was. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            db.rollback();
            db.setAutoCommit(true);
        } catch (SQLException e) {
            throw store.storeError(e);
        } finally {
            try {
                deleteStaging();
                if (classes.settings() != settingsBefore) {
                    classes.write(settingsBefore);
                }
            } finally {
                store.guard().unlock();
            }
        }
    }

    private void deleteStaging() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path file : files) {
                Files.delete(file);
            }
            Files.delete(staging);
        } catch (IOException e) {
            // Left for the next open, which removes staged files that no committed row refers to.
        }
    }

    private void checkActive() {
        if (finished) {
            throw new IllegalStateException("batch already committed or closed");
        }
    }
}

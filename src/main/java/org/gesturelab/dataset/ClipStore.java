package org.gesturelab.dataset;

import static org.gesturelab.dataset.ProjectDb.integer;
import static org.gesturelab.dataset.ProjectDb.longOrNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.Npy;

/**
 * The clips of a project: finding them, reading their keypoints, adding them in batches and deleting them.
 * Labels and their history are {@link LabelHistory}'s.
 */
final class ClipStore {

    static final String CLIP_COLUMNS = "id, state, label, hidden_label, source, recording_id, start_frame, "
            + "frames, created_at, keypoints, replay_video, person, session";

    private final ProjectDb db;
    private final ProjectClasses classes;
    private final ProjectFiles files;

    ClipStore(ProjectDb db, ProjectClasses classes, ProjectFiles files) {
        this.db = db;
        this.classes = classes;
        this.files = files;
    }

    List<Clip> clips(ClipQuery query) {
        return db.read(() -> {
            try (PreparedStatement statement = prepare("SELECT " + CLIP_COLUMNS + " FROM clips", query, true)) {
                return readClips(statement);
            }
        });
    }

    int count(ClipQuery query) {
        return db.read(() -> {
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
        PreparedStatement statement = db.connection().prepareStatement(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            statement.setObject(i + 1, args.get(i));
        }
        return statement;
    }

    Optional<Clip> clip(long id) {
        return db.read(() -> {
            try (PreparedStatement statement = db.connection().prepareStatement(
                    "SELECT " + CLIP_COLUMNS + " FROM clips WHERE id = ?")) {
                statement.setLong(1, id);
                List<Clip> clips = readClips(statement);
                return clips.isEmpty() ? Optional.empty() : Optional.of(clips.get(0));
            }
        });
    }

    Clip requireClip(long id) {
        return clip(id).orElseThrow(() -> new GestureLabException("Project '" + classes.settings().name()
                + "' has no clip " + id + "."));
    }

    /** Returns every clip; the caller holds the project's lock. */
    List<Clip> allClips() throws SQLException {
        try (PreparedStatement statement = db.connection().prepareStatement("SELECT " + CLIP_COLUMNS + " FROM clips")) {
            return readClips(statement);
        }
    }

    private List<Clip> readClips(PreparedStatement statement) throws SQLException {
        List<Clip> clips = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String video = rs.getString(11);
                clips.add(new Clip(id, ClipState.valueOf(rs.getString(2)), integer(rs, 3), integer(rs, 4),
                        rs.getString(5), longOrNull(rs, 6), integer(rs, 7), rs.getInt(8),
                        Instant.ofEpochMilli(rs.getLong(9)),
                        files.resolveStored(rs.getString(10), "The keypoints file of clip " + id),
                        video == null ? null : files.resolveStored(video, "The replay video of clip " + id),
                        rs.getString(12), rs.getString(13)));
            }
        }
        return clips;
    }

    /** Returns the file names (without folder) that clip rows refer to. */
    /**
     * Returns the file names (without folder) that rows refer to, or {@code null} when some row holds a path that
     * is not one of this project's clip files: then nobody can tell which files are unreferenced, and crash
     * recovery must not set any aside (the bad row itself is refused wherever it is used).
     */
    Set<String> referencedFileNames() {
        return db.read(() -> {
            Set<String> names = new HashSet<>();
            boolean unreadable = false;
            try (Statement statement = db.connection().createStatement();
                    ResultSet rs = statement.executeQuery("SELECT id, keypoints, replay_video FROM clips")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    try {
                        names.add(files.resolveStored(rs.getString(2), "The keypoints file of clip " + id)
                                .getFileName().toString());
                        if (rs.getString(3) != null) {
                            names.add(files.resolveStored(rs.getString(3), "The replay video of clip " + id)
                                    .getFileName().toString());
                        }
                    } catch (GestureLabException e) {
                        unreadable = true;
                    }
                }
            }
            return unreadable ? null : names;
        });
    }

    float[][] loadKeypoints(Clip clip) {
        int features = classes.settings().features();
        try {
            Npy.Array array = Npy.read(files.requireInside(clip.keypoints(), "The keypoints file of clip " + clip.id()));
            if (array.shape().length != 2 || array.columns() != features) {
                throw new GestureLabException("Clip file " + clip.keypoints() + " is not frames x " + features + ".");
            }
            return array.toMatrix();
        } catch (IOException e) {
            throw new GestureLabException("Cannot read clip " + clip.id() + " (" + clip.keypoints() + "): " + e, e);
        }
    }

    LabeledClips labeledClips(List<Clip> clips, Function<Clip, Integer> labelOf) {
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
        return new LabeledClips(frames, labels, classes.settings().classNames());
    }

    ClipBatch beginImport(String kind, String source) {
        db.checkOpen();
        db.checkWritable();
        db.guard().lock();
        try {
            return new ClipBatch(db, classes, files, kind, source);
        } catch (SQLException e) {
            db.guard().unlock();
            throw db.storeError(e);
        } catch (RuntimeException e) {
            db.guard().unlock();
            throw e;
        }
    }

    void delete(long clipId) {
        Clip clip = db.write(() -> {
            Clip found = requireClip(clipId);
            try (PreparedStatement delete = db.connection().prepareStatement("DELETE FROM clips WHERE id = ?")) {
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

    /**
     * Sets the person tag of some clips in one transaction; if one clip does not exist, none changes.
     *
     * @param clipIds the clips
     * @param person the person, or null (or blank) for unknown
     * @return how many clips changed
     */
    int setPerson(java.util.Collection<Long> clipIds, String person) {
        String tag = PersonTags.normalise(person);
        return db.write(() -> {
            int changed = 0;
            try (PreparedStatement update = db.connection().prepareStatement(
                    "UPDATE clips SET person = ?, updated_at = ? WHERE id = ?")) {
                long now = System.currentTimeMillis();
                for (long id : clipIds) {
                    update.setString(1, tag);
                    update.setLong(2, now);
                    update.setLong(3, id);
                    if (update.executeUpdate() != 1) {
                        throw new GestureLabException("Project '" + classes.settings().name() + "' has no clip "
                                + id + "; no person was changed.");
                    }
                    changed++;
                }
            }
            return changed;
        });
    }

    /** Returns the distinct person tags of the clips, sorted; unknown (null) is left out. */
    List<String> persons() {
        return db.read(() -> {
            List<String> persons = new ArrayList<>();
            try (Statement statement = db.connection().createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT DISTINCT person FROM clips WHERE person IS NOT NULL ORDER BY person")) {
                while (rs.next()) {
                    persons.add(rs.getString(1));
                }
            }
            return persons;
        });
    }

    List<Recording> recordings() {
        return db.read(() -> {
            List<Recording> recordings = new ArrayList<>();
            try (Statement statement = db.connection().createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT id, source, frames, created_at FROM recordings ORDER BY id")) {
                while (rs.next()) {
                    recordings.add(new Recording(rs.getLong(1), rs.getString(2), rs.getInt(3),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return recordings;
        });
    }
}

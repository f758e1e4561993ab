package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.Npy;
import org.sqlite.SQLiteConfig;

/**
 * Rebuilds a damaged project's database from its clip files, deleting nothing: the old database is renamed aside,
 * clip files set aside in {@code clips/.orphaned} are moved back, every readable {@code cNNNNNNNN.npy} becomes a clip
 * again under its old id, and whatever state and label the old database still yields is put back.
 */
final class ProjectRepair {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private record OldClip(String state, Integer label, Integer hiddenLabel, String source, long createdAt,
            String person, String session) {
    }

    private ProjectRepair() {
    }

    static RepairReport repair(Path dir) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (!ProjectOpening.isProject(dir)) {
            throw new GestureLabException(dir + " is not a GestureLab project (no " + ProjectFiles.SETTINGS_FILE
                    + "); there is nothing to repair.");
        }
        if (!DiskTrouble.isWritable(dir)) {
            throw new GestureLabException(DiskTrouble.readOnly(dir));
        }
        ProjectFiles files = new ProjectFiles(dir);
        files.requireOwnClipsFolder();
        ProjectSettings settings = ProjectSettings.read(files.settingsFile());
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            Path file = files.databaseFile();
            String problem = diagnose(file, files);
            if (problem == null) {
                lock.close();
                return new RepairReport(false, "the database is sound and holds the project's clips; nothing to "
                        + "repair", null, 0, 0, 0, List.of());
            }
            Map<Long, OldClip> old = salvage(file);
            Path setAside = setAside(file);
            ProjectDb db = ProjectDb.openForWriting(file, null, e -> new GestureLabException(
                    "Cannot create a new project database " + file + ": " + e.getMessage(), e));
            Project project = new Project(files, lock, db, settings);
            try {
                lock.lockDatabase(file);
                project.recordClasses();
                return rebuild(files, db, settings, old, problem, setAside);
            } finally {
                project.close();
            }
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Returns what is wrong with the database, or null if it is sound and holds the project's clips. */
    private static String diagnose(Path file, ProjectFiles files) throws IOException {
        if (!Files.isRegularFile(file)) {
            return ProjectFiles.DATABASE_FILE + " is missing";
        }
        if (Files.size(file) == 0) {
            return ProjectFiles.DATABASE_FILE + " is empty";
        }
        try (Connection db = readOnly(file); Statement statement = db.createStatement()) {
            int version = Schema.version(db);
            if (version > Schema.VERSION) {
                throw new GestureLabException(file + " was written by a newer GestureLab (schema version " + version
                        + "); update GestureLab instead of repairing the project.");
            }
            List<String> problems = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("PRAGMA quick_check")) {
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        problems.add(rs.getString(1));
                    }
                }
            }
            if (!problems.isEmpty()) {
                return ProjectFiles.DATABASE_FILE + " is corrupt (" + problems.get(0) + ")";
            }
            if (version == 0) {
                return ProjectFiles.DATABASE_FILE + " holds no tables";
            }
            try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM clips")) {
                if (rs.next() && rs.getInt(1) == 0 && files.countClipFiles() > 0) {
                    return ProjectFiles.DATABASE_FILE + " has no clips, but " + files.countClipFiles()
                            + " clip files are in the folder";
                }
            }
            return null;
        } catch (SQLException e) {
            return ProjectFiles.DATABASE_FILE + " cannot be used (" + e.getMessage() + ")";
        }
    }

    private static Connection readOnly(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** Reads whatever clip rows the old database still yields; a damaged one may yield some, none, or fail. */
    private static Map<Long, OldClip> salvage(Path file) {
        Map<Long, OldClip> rows = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return rows;
        }
        // A database older than schema version 3 has no person tags: read the rows without them.
        for (String tags : new String[] {"person, session", "NULL, NULL"}) {
            try (Connection db = readOnly(file); Statement statement = db.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT id, state, label, hidden_label, source, created_at, " + tags + " FROM clips")) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new OldClip(rs.getString(2), ProjectDb.integer(rs, 3),
                            ProjectDb.integer(rs, 4), rs.getString(5), rs.getLong(6), rs.getString(7),
                            rs.getString(8)));
                }
                return rows;
            } catch (SQLException | RuntimeException e) {
                // Keep what was read before the damage, or try again without the tags.
                if (!rows.isEmpty()) {
                    return rows;
                }
            }
        }
        return rows;
    }

    /** Renames the database and its WAL and shared-memory files aside; a stale WAL must never meet a new database. */
    private static Path setAside(Path file) throws IOException {
        String stamp = LocalDateTime.now().format(STAMP);
        Path aside = null;
        for (String suffix : new String[] {"", ProjectOpening.WAL_SUFFIX, "-shm"}) {
            Path source = file.resolveSibling(file.getFileName() + suffix);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + suffix);
            for (int n = 2; ; n++) {
                try {
                    Files.move(source, target);
                    break;
                } catch (FileAlreadyExistsException e) {
                    target = file.resolveSibling(file.getFileName() + ".damaged-" + stamp + "-" + n + suffix);
                }
            }
            if (suffix.isEmpty()) {
                aside = target;
            }
        }
        return aside;
    }

    private static RepairReport rebuild(ProjectFiles files, ProjectDb db, ProjectSettings settings,
            Map<Long, OldClip> old, String problem, Path setAside) throws IOException {
        Path clipsDir = files.clipsDir();
        List<String> skipped = new ArrayList<>();
        int movedBack = 0;
        for (Path orphan : ProjectFiles.clipFiles(clipsDir.resolve(ProjectFiles.ORPHANS_DIR))) {
            Path target = clipsDir.resolve(orphan.getFileName());
            try {
                Files.move(orphan, target);
                movedBack++;
            } catch (FileAlreadyExistsException e) {
                skipped.add(orphan + ": " + target + " already exists");
            }
        }
        Map<Long, Path> keypoints = new TreeMap<>();
        Map<Long, Path> videos = new HashMap<>();
        for (Path clipFile : ProjectFiles.clipFiles(clipsDir)) {
            Matcher name = ProjectFiles.CLIP_FILE.matcher(clipFile.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            long id = Long.parseLong(name.group(1));
            if ("npy".equals(name.group(2))) {
                keypoints.put(id, clipFile);
            } else {
                videos.put(id, clipFile);
            }
        }
        int classCount = settings.classes().size();
        int[] counts = new int[2];
        db.write(() -> {
            try (PreparedStatement insert = db.connection().prepareStatement("INSERT INTO clips (id, state, label, "
                    + "hidden_label, source, frames, keypoints, replay_video, created_at, updated_at, person, session) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Long, Path> entry : keypoints.entrySet()) {
                    long id = entry.getKey();
                    Path npy = entry.getValue();
                    int frames;
                    try {
                        frames = checkedFrames(npy, settings.features());
                    } catch (IOException | RuntimeException e) {
                        skipped.add(npy + ": " + e.getMessage());
                        continue;
                    }
                    OldClip was = old.get(id);
                    Integer label = was == null ? null : valid(was.label(), classCount);
                    Integer hidden = was == null ? null : valid(was.hiddenLabel(), classCount);
                    String state = was == null ? null : was.state();
                    boolean labeled = "TRAIN".equals(state) || "TEST".equals(state);
                    if (state == null || (labeled && label == null) || (!labeled && !"POOL".equals(state)
                            && !"SKIPPED".equals(state))) {
                        state = ClipState.POOL.name();
                        label = null;
                    } else if (!labeled) {
                        label = null;
                    }
                    if (was != null && label != null) {
                        counts[1]++;
                    }
                    long now = System.currentTimeMillis();
                    Path video = videos.get(id);
                    insert.setLong(1, id);
                    insert.setString(2, state);
                    ProjectDb.setNullable(insert, 3, label);
                    ProjectDb.setNullable(insert, 4, hidden);
                    insert.setString(5, was != null && was.source() != null ? was.source()
                            : "repair: " + npy.getFileName());
                    insert.setInt(6, frames);
                    insert.setString(7, ProjectFiles.CLIPS_DIR + "/" + npy.getFileName());
                    insert.setString(8, video == null ? null : ProjectFiles.CLIPS_DIR + "/" + video.getFileName());
                    insert.setLong(9, was != null ? was.createdAt() : Files.getLastModifiedTime(npy).toMillis());
                    insert.setLong(10, now);
                    insert.setString(11, was == null ? null : was.person());
                    insert.setString(12, was == null ? null : was.session());
                    insert.executeUpdate();
                    counts[0]++;
                }
            } catch (IOException e) {
                throw DiskTrouble.cannotWrite(files.databaseFile(), e);
            }
            return null;
        });
        return new RepairReport(true, problem, setAside, counts[0], counts[1], movedBack, skipped);
    }

    private static Integer valid(Integer label, int classCount) {
        return label != null && label >= 0 && label < classCount ? label : null;
    }

    /** Reads a clip file fully and returns its frame count, refusing anything that is not frames x features. */
    private static int checkedFrames(Path npy, int features) throws IOException {
        float[][] frames = Npy.read(npy).toMatrix();
        if (frames.length == 0 || frames[0].length != features) {
            throw new GestureLabException("not frames x " + features);
        }
        for (float[] frame : frames) {
            for (float value : frame) {
                if (!Float.isFinite(value)) {
                    throw new GestureLabException("holds " + value);
                }
            }
        }
        return frames.length;
    }
}

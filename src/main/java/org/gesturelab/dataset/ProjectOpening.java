package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.GestureLabException;

/**
 * Creating and opening a project folder: the checks before anything is touched, the lock, the database, and the
 * clean-up of what a crash left behind. A folder that has {@code project.json} and clip files but no usable database
 * is a damaged project: it is never opened for writing, because that would start an empty database and set every
 * clip file aside (see {@code docs/decisions/0901-damaged-projects.md}).
 */
final class ProjectOpening {

    static final String WAL_SUFFIX = "-wal";

    private ProjectOpening() {
    }

    static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(ProjectFiles.SETTINGS_FILE));
    }

    static Project create(Path dir, ProjectSettings settings) throws IOException {
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
        ProjectFiles files = new ProjectFiles(dir);
        try {
            Files.createDirectories(files.clipsDir());
        } catch (IOException e) {
            throw DiskTrouble.cannotWrite(dir, e);
        }
        // The settings file is written last: a folder without it is not a project, so a failed create can be
        // retried after clearing the folder.
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            Path file = files.databaseFile();
            ProjectDb db = ProjectDb.openForWriting(file, null, e -> new GestureLabException(
                    "Cannot create the project database " + file + ": " + e.getMessage(), e));
            Project project = new Project(files, lock, db, settings);
            try {
                lock.lockDatabase(file);
                settings.write(files.settingsFile());
                project.recordClasses();
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

    static Project open(Path dir) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (!isProject(dir)) {
            throw new GestureLabException(dir + " is not a GestureLab project (no " + ProjectFiles.SETTINGS_FILE
                    + "); create one with 'gesturelab project init " + dir + "'.");
        }
        if (!DiskTrouble.isWritable(dir)) {
            throw new GestureLabException(DiskTrouble.readOnly(dir));
        }
        ProjectFiles files = new ProjectFiles(dir);
        files.requireOwnClipsFolder();
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            ProjectSettings settings = ProjectSettings.read(files.settingsFile());
            ProjectDb db = openDatabase(dir, files, lock);
            Project project = new Project(files, lock, db, settings);
            try {
                List<String> corrupt = db.quickCheck();
                if (!corrupt.isEmpty()) {
                    throw damaged(dir, "its database " + ProjectFiles.DATABASE_FILE + " is corrupt (SQLite's quick "
                            + "check: " + String.join("; ", corrupt.subList(0, Math.min(3, corrupt.size()))) + ")",
                            files.countClipFiles());
                }
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

    /** Opens the database of an existing project, refusing one that is missing, emptied or unreadable. */
    private static ProjectDb openDatabase(Path dir, ProjectFiles files, ProjectLock lock) throws IOException {
        Path file = files.databaseFile();
        int clipFiles = files.countClipFiles();
        boolean exists = Files.isRegularFile(file);
        if (!exists || Files.size(file) == 0) {
            boolean wal = Files.exists(walOf(file));
            if (clipFiles > 0 || wal) {
                throw damaged(dir, "its database " + ProjectFiles.DATABASE_FILE + (exists ? " is empty" : " is missing")
                        + (wal ? " (only " + ProjectFiles.DATABASE_FILE + WAL_SUFFIX + " is there)" : ""), clipFiles);
            }
        }
        if (exists) {
            lock.lockDatabase(file);
        }
        ProjectDb db = ProjectDb.openForWriting(file,
                clipFiles > 0 ? () -> damaged(dir, "its database " + ProjectFiles.DATABASE_FILE + " holds no tables",
                        clipFiles) : null,
                e -> damaged(dir, "its database " + ProjectFiles.DATABASE_FILE + " cannot be used (" + e.getMessage()
                        + ")", clipFiles));
        try {
            lock.lockDatabase(file);
        } catch (IOException | RuntimeException e) {
            try {
                db.close();
            } catch (java.sql.SQLException ignored) {
                // already failing
            }
            throw e;
        }
        return db;
    }

    static Project openReadOnly(Path dir) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (!isProject(dir)) {
            throw new GestureLabException(dir + " is not a GestureLab project (no " + ProjectFiles.SETTINGS_FILE
                    + ").");
        }
        ProjectFiles files = new ProjectFiles(dir);
        files.requireOwnClipsFolder();
        ProjectSettings settings = ProjectSettings.read(files.settingsFile());
        Path file = files.databaseFile();
        if (!Files.isRegularFile(file) || Files.size(file) == 0) {
            throw damaged(dir, "its database " + ProjectFiles.DATABASE_FILE + (Files.exists(file) ? " is empty"
                    : " is missing"), files.countClipFiles());
        }
        // On a read-only file system SQLite cannot create the -shm file a WAL reader needs; with no -wal file
        // there is nothing it would have to read from it, so the database can be read as immutable.
        boolean immutable = !DiskTrouble.isWritable(dir) && !Files.exists(walOf(file));
        Project project = new Project(files, null, ProjectDb.openReadOnly(file, immutable), settings);
        try {
            project.checkReadOnly();
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
        return project;
    }

    static Project openForReading(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        return isProject(absolute) && !DiskTrouble.isWritable(absolute) ? openReadOnly(absolute) : open(absolute);
    }

    static Path walOf(Path database) {
        return database.resolveSibling(database.getFileName() + WAL_SUFFIX);
    }

    /** The refusal of a damaged project: what is wrong, and the two ways out. */
    static GestureLabException damaged(Path dir, String what, int clipFiles) {
        return new GestureLabException("The project at " + dir + " is damaged: " + what
                + (clipFiles > 0 ? ", but it has " + clipFiles + " clip files" : "") + ". GestureLab will not open it "
                + "for writing, so that nothing more is lost. Restore " + ProjectFiles.DATABASE_FILE + " (with "
                + ProjectFiles.DATABASE_FILE + WAL_SUFFIX + ", if the backup has one) from a backup, or run "
                + "'gesturelab project repair " + dir + "' to rebuild the database from the clip files: nothing is "
                + "deleted, and clips whose labels cannot be read back return unlabeled to the pool.");
    }
}

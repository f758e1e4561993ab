package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gesturelab.core.GestureLabException;

/**
 * Creating and opening a project folder: the checks before anything is touched, the lock, the database, and the
 * clean-up of what a crash left behind.
 */
final class ProjectOpening {

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
        Files.createDirectories(files.clipsDir());
        // The settings file is written last: a folder without it is not a project, so a failed create can be
        // retried after clearing the folder.
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            Project project = new Project(files, lock, ProjectDb.openForWriting(files.databaseFile()), settings);
            try {
                settings.write(files.settingsFile());
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
        ProjectFiles files = new ProjectFiles(dir);
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            ProjectSettings settings = ProjectSettings.read(files.settingsFile());
            ProjectDb db = ProjectDb.openForWriting(files.databaseFile());
            Project project = new Project(files, lock, db, settings);
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

    static Project openReadOnly(Path dir) throws IOException {
        dir = dir.toAbsolutePath().normalize();
        if (!isProject(dir)) {
            throw new GestureLabException(dir + " is not a GestureLab project (no " + ProjectFiles.SETTINGS_FILE
                    + ").");
        }
        ProjectFiles files = new ProjectFiles(dir);
        ProjectSettings settings = ProjectSettings.read(files.settingsFile());
        return new Project(files, null, ProjectDb.openReadOnly(files.databaseFile()), settings);
    }
}

package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The files of a project folder besides the database: the clip files under {@code clips/}, how they are named, where
 * a batch stages them, and the clean-up after a crash.
 */
final class ProjectFiles {

    static final String SETTINGS_FILE = "project.json";
    static final String DATABASE_FILE = "gesturelab.db";
    static final String CLIPS_DIR = "clips";
    static final String STAGING_PREFIX = ".incoming-";
    static final String ORPHANS_DIR = ".orphaned";
    private static final Pattern CLIP_FILE = Pattern.compile("c(\\d+)\\.[A-Za-z0-9]+");

    private final Path dir;

    ProjectFiles(Path dir) {
        this.dir = dir;
    }

    Path directory() {
        return dir;
    }

    Path settingsFile() {
        return dir.resolve(SETTINGS_FILE);
    }

    Path databaseFile() {
        return dir.resolve(DATABASE_FILE);
    }

    Path clipsDir() {
        return dir.resolve(CLIPS_DIR);
    }

    /** Returns the stored (project-relative) name of a clip's file: {@code clips/c00000012.npy}. */
    static String clipFileName(long id, String extension) {
        return CLIPS_DIR + "/" + baseName(id) + extension;
    }

    static String baseName(long id) {
        return String.format(Locale.ROOT, "c%08d", id);
    }

    /**
     * Resolves a clip file's path as stored in the database.
     *
     * @param stored the project-relative path
     * @param what what it is, for messages
     * @return the absolute path
     */
    Path resolveStored(String stored, String what) {
        return dir.resolve(stored);
    }

    /** Creates a fresh staging folder for a batch. */
    Path newStagingFolder() throws IOException {
        return Files.createDirectories(clipsDir().resolve(STAGING_PREFIX + UUID.randomUUID()));
    }

    /**
     * Finishes what a crash interrupted. Files staged for a committed batch are moved into place; files staged
     * for a batch that never committed are removed; clip files no row refers to (a crash between a delete's
     * commit and its file removal) are set aside in {@code clips/.orphaned} rather than deleted.
     *
     * @param referenced the file names (without folder) that database rows refer to
     */
    void recover(Set<String> referenced) throws IOException {
        Path clipsDir = clipsDir();
        Files.createDirectories(clipsDir);
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
}

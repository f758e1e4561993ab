package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.gesturelab.core.ConfinedPaths;
import org.gesturelab.core.GestureLabException;

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
    /** In a staging folder: the classes its batch added to {@code project.json}, one per line. */
    static final String ADDED_CLASSES = "added-classes.txt";
    /** Exactly the names {@link ClipBatch} gives clip files: {@code c}, at least eight digits, a lower-case extension. */
    static final Pattern CLIP_FILE = Pattern.compile("c(\\d{8,})\\.([a-z0-9]{1,8})");

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
        // Lexical confinement for every row, kept cheap because clip lists of 10,000 rows are read often: only the
        // exact names this project writes pass (no "..", no absolute path, no other folder). Links are followed and
        // checked where a file is read or copied (requireInside); the clips folder itself may not be a link.
        if (stored != null && stored.startsWith(CLIPS_DIR + "/")
                && CLIP_FILE.matcher(stored.substring(CLIPS_DIR.length() + 1)).matches()) {
            return clipsDir().resolve(stored.substring(CLIPS_DIR.length() + 1));
        }
        // Anything else is refused, with ConfinedPaths' message when it even leaves the project folder.
        ConfinedPaths.resolve(dir, stored, what);
        throw new GestureLabException(what + " is '" + stored + "', which is not a clip file of this project "
                + "(clips/cNNNNNNNN.npy); the database may have been edited or crafted. GestureLab will not read, "
                + "copy or delete it. Restore " + DATABASE_FILE + " from a backup.");
    }

    /**
     * Checks, with symbolic links followed, that a clip file about to be read or copied really lies in the project.
     *
     * @param file a path from {@link #resolveStored}
     * @param what what it is, for the message
     * @return the file
     */
    Path requireInside(Path file, String what) {
        return ConfinedPaths.resolve(dir, dir.relativize(file).toString(), what);
    }

    /**
     * Refuses a {@code clips} folder that is a symbolic link: the project would otherwise read, move and delete files
     * wherever the link points.
     */
    void requireOwnClipsFolder() {
        Path clips = clipsDir();
        if (Files.isSymbolicLink(clips)) {
            String target;
            try {
                target = Files.readSymbolicLink(clips).toString();
            } catch (IOException e) {
                target = "somewhere else";
            }
            throw new GestureLabException(clips + " is a symbolic link (to " + target + "); GestureLab does not follow "
                    + "it, so that it never moves or deletes files outside the project. Replace the link with the "
                    + "folder itself.");
        }
        if (Files.exists(clips, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(clips, LinkOption.NOFOLLOW_LINKS)) {
            throw new GestureLabException(clips + " is not a folder; a project keeps its clip files there.");
        }
    }

    /** Counts the files under {@code clips/} and {@code clips/.orphaned/} that carry the project's own clip naming. */
    int countClipFiles() throws IOException {
        return clipFiles(clipsDir()).size() + clipFiles(clipsDir().resolve(ORPHANS_DIR)).size();
    }

    /** Lists the regular files (links not followed) in a folder that carry the project's own clip naming. */
    static List<Path> clipFiles(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (CLIP_FILE.matcher(entry.getFileName().toString()).matches()
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return found;
    }

    /**
     * Moves a file into a folder under its own name, or under {@code name-2.ext}, {@code name-3.ext}... when that is
     * taken: set-aside files are never overwritten.
     */
    static Path moveWithoutOverwriting(Path file, Path folder) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot) : "";
        for (int n = 1; ; n++) {
            Path target = folder.resolve(n == 1 ? name : stem + "-" + n + extension);
            // No ATOMIC_MOVE: on POSIX that is rename(2), which silently replaces an existing target.
            try {
                return Files.move(file, target);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next name
            }
            if (n > 100_000) {
                throw new IOException("No free name for " + name + " in " + folder);
            }
        }
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
     * @return the classes that batches left behind in their staging folders had added
     */
    Set<String> recover(Set<String> referenced) throws IOException {
        Path clipsDir = clipsDir();
        requireOwnClipsFolder();
        Files.createDirectories(clipsDir);
        List<Path> staging = new ArrayList<>();
        List<Path> loose = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(clipsDir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    staging.add(entry);
                } else if (CLIP_FILE.matcher(name).matches() && !referenced.contains(name)
                        && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    loose.add(entry);
                }
            }
        }
        Set<String> addedClasses = new HashSet<>();
        for (Path stage : staging) {
            Path added = stage.resolve(ADDED_CLASSES);
            if (Files.isRegularFile(added, LinkOption.NOFOLLOW_LINKS)) {
                addedClasses.addAll(Files.readAllLines(added, StandardCharsets.UTF_8));
            }
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
                moveWithoutOverwriting(file, orphans);
            }
        }
        FileSync.directory(clipsDir);
        return addedClasses;
    }
}

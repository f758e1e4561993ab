package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.gesturelab.core.GestureLabException;

/**
 * Turns the ways a full disk or a read-only folder show up (SQLite's {@code SQLITE_FULL}, {@code SQLITE_IOERR_SHMSIZE},
 * "cannot commit - no transaction is active" after SQLite rolled back by itself, "No space left on device",
 * "Read-only file system") into one plain sentence that says what is wrong and where.
 */
final class DiskTrouble {

    /** Below this much free space any failed write is taken for a full disk. */
    private static final long NEARLY_FULL = 1L << 20;

    private DiskTrouble() {
    }

    /**
     * Describes a failure to write at a place.
     *
     * @param e the failure
     * @param where a file or folder on the disk concerned
     * @return "the disk is full (N MB free at PATH)", the read-only sentence, or the failure's own message
     */
    static String describe(Exception e, Path where) {
        if (isDiskFull(e, where)) {
            return diskFull(where);
        }
        if (isReadOnly(e)) {
            return readOnly(folderOf(where));
        }
        return e.getMessage();
    }

    /** Returns a failure to write in a project folder as a {@link GestureLabException} with a plain message. */
    static GestureLabException cannotWrite(Path where, Exception e) {
        if (isDiskFull(e, where)) {
            return new GestureLabException("Cannot write " + where + ": " + diskFull(where) + ".", e);
        }
        if (isReadOnly(e)) {
            return new GestureLabException(readOnly(folderOf(where)), e);
        }
        return new GestureLabException("Cannot write " + where + ": " + e.getMessage(), e);
    }

    static String diskFull(Path where) {
        Path existing = existing(where);
        long free = freeBytes(existing);
        return "the disk is full (" + (free < 0 ? "?" : String.valueOf(free / (1L << 20))) + " MB free at "
                + existing + ")";
    }

    static String readOnly(Path folder) {
        return "The project folder " + folder + " is read-only, so GestureLab cannot change it. Commands that only "
                + "read (stats, evaluate, export) still work; to change the project, copy the folder to a place "
                + "where you can write.";
    }

    static boolean isDiskFull(Throwable e, Path where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("sqlite_full") || text.contains("disk is full") || text.contains("no space left")
                    || text.contains("sqlite_ioerr_shmsize") || text.contains("enospc")
                    || (t instanceof FileSystemException fs
                            && String.valueOf(fs.getReason()).toLowerCase(Locale.ROOT).contains("no space"))) {
                return true;
            }
        }
        long free = freeBytes(existing(where));
        return free >= 0 && free < NEARLY_FULL;
    }

    static boolean isReadOnly(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (text.contains("read-only file system") || text.contains("sqlite_readonly")
                    || t instanceof AccessDeniedException) {
                return true;
            }
        }
        return false;
    }

    /** Returns whether a project folder can be written: false on a read-only file system or without permission. */
    static boolean isWritable(Path dir) {
        return Files.isWritable(dir) && (!Files.exists(dir.resolve(ProjectFiles.DATABASE_FILE))
                || Files.isWritable(dir.resolve(ProjectFiles.DATABASE_FILE)));
    }

    private static Path folderOf(Path where) {
        return Files.isDirectory(where) ? where : where.getParent() == null ? where : where.getParent();
    }

    private static Path existing(Path where) {
        Path p = where.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? where.toAbsolutePath() : p;
    }

    private static long freeBytes(Path where) {
        try {
            return Files.getFileStore(where).getUsableSpace();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}

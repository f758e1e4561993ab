package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Flushes files and directory entries to the disk, so that what a commit refers to survives a power cut. */
final class FileSync {

    private FileSync() {
    }

    /** Forces a file's contents to the disk. */
    static void file(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /**
     * Forces a directory's entries (new names, renames) to the disk where the platform allows it; Windows
     * cannot open a directory for this and makes renames durable by itself.
     */
    static void directory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not supported on this platform; nothing more can be done.
        }
    }
}

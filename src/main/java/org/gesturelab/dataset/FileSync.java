package org.gesturelab.dataset;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Flushes files and directory entries to the disk, so that what a commit refers to survives a power cut. */
final class FileSync {

    private static final int PARALLEL_SYNCS = 8;

    private FileSync() {
    }

    /**
     * Forces many files to the disk at once. One fsync waits for the disk each time; an import of hundreds of clips
     * spends most of its time there unless the waits overlap, so a short-lived pool issues them side by side and
     * is gone before this returns.
     *
     * @param files the files
     * @throws IOException if any cannot be flushed
     */
    static void files(List<Path> files) throws IOException {
        if (files.size() < 4) {
            for (Path file : files) {
                file(file);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_SYNCS, files.size()), runnable -> {
            Thread thread = new Thread(runnable, "gesturelab-fsync");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pending = new ArrayList<>(files.size());
            for (Path file : files) {
                pending.add(pool.submit(() -> {
                    file(file);
                    return null;
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while flushing clip files");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
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

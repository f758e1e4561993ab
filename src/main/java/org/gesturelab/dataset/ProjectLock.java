package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.gesturelab.core.GestureLabException;

/**
 * Keeps a project to one GestureLab at a time. An operating-system lock on {@code gesturelab.lock} is held while
 * the project is open; the system drops it when the process dies, even by kill -9, so a crash never leaves a
 * stale lock. The file also holds the owner's process id so that the refusal can name it.
 */
final class ProjectLock implements AutoCloseable {

    static final String FILE = "gesturelab.lock";
    /** The lock covers a byte far beyond the pid, so other processes can still read the pid on every platform. */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock.
     *
     * @param dir the project folder
     * @return the held lock
     * @throws GestureLabException if another process (or another open of this process) holds it
     * @throws IOException if the lock file cannot be created
     */
    static ProjectLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock(LOCK_POSITION, 1, false);
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw inUse(dir, ProcessHandle.current().pid() + ", this process");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw inUse(dir, ownerPid(file));
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
        return new ProjectLock(channel, lock);
    }

    private static String ownerPid(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return text.isEmpty() ? "unknown" : text;
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static GestureLabException inUse(Path dir, String pid) {
        return new GestureLabException("Project " + dir + " is in use by another GestureLab (pid " + pid
                + "). Close it there first.");
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gesturelab.core.GestureLabException;

/**
 * Keeps a project to one GestureLab at a time. An operating-system lock on {@code gesturelab.lock} is held while
 * the project is open; the system drops it when the process dies, even by kill -9, so a crash never leaves a
 * stale lock. The file also holds the owner's process id so that the refusal can name it.
 *
 * <p>A lock file can be deleted while it is held, and a second GestureLab would then lock a new file of the same
 * name. So the owner also locks a byte of {@code gesturelab.db} (far beyond anything SQLite reads or locks), which
 * cannot be replaced without destroying the project. Within one process the held folders are also remembered, so
 * that a second open never opens (and, by POSIX rules, closing releases) another descriptor of a locked file.
 */
final class ProjectLock implements AutoCloseable {

    static final String FILE = "gesturelab.lock";
    /** The lock covers a byte far beyond the pid, so other processes can still read the pid on every platform. */
    private static final long LOCK_POSITION = Long.MAX_VALUE - 1;

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;
    private FileChannel databaseChannel;

    private ProjectLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
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
        Path key = dir.toRealPath();
        if (!HELD.add(key)) {
            throw inUse(dir, ProcessHandle.current().pid() + ", this process");
        }
        try {
            return acquire(dir, key);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static ProjectLock acquire(Path dir, Path key) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw DiskTrouble.cannotWrite(dir, e);
        }
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
        return new ProjectLock(key, channel, lock);
    }

    /**
     * Also locks the database file, once it exists. Call it before SQLite opens the file, or right after SQLite
     * created it; never open another descriptor of the database file in this process while it is held.
     *
     * @param database the project's database file
     * @throws GestureLabException if another process holds it (its lock file was deleted)
     * @throws IOException if the file cannot be opened
     */
    void lockDatabase(Path database) throws IOException {
        if (databaseChannel != null) {
            return;
        }
        FileChannel db = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = db.tryLock(LOCK_POSITION, 1, false);
        } catch (IOException | RuntimeException e) {
            db.close();
            throw e;
        }
        if (held == null) {
            db.close();
            throw inUse(key, "unknown: its " + FILE + " was deleted");
        }
        databaseChannel = db;
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
            if (databaseChannel != null) {
                // Closing the channel releases its lock; SQLite has closed the database before this runs.
                databaseChannel.close();
            }
            lock.release();
        } finally {
            channel.close();
            HELD.remove(key);
        }
    }
}

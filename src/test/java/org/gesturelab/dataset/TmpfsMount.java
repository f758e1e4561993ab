package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a test folder, for real "disk full" and "read-only file system" conditions. Mounting needs
 * root with mount rights (as on the build machines); elsewhere {@link #tryMount} returns null and the tests skip.
 */
public final class TmpfsMount implements AutoCloseable {

    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /**
     * Mounts a tmpfs of the given size on a new folder.
     *
     * @param dir the folder to create and mount on
     * @param kilobytes the file system's size
     * @return the mount, or null if this machine does not allow it
     */
    public static TmpfsMount tryMount(Path dir, int kilobytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        return run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", dir.toString())
                ? new TmpfsMount(dir) : null;
    }

    /** Returns the mounted folder. */
    public Path dir() {
        return dir;
    }

    /** Makes the file system read-only, as a write-protected stick or a read-only share would be. */
    public void remountReadOnly() throws IOException, InterruptedException {
        if (!run("mount", "-o", "remount,ro", dir.toString())) {
            throw new IOException("cannot remount " + dir + " read-only");
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        process.getInputStream().readAllBytes();
        return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
    }

    @Override
    public void close() throws IOException {
        try {
            run("umount", "-l", dir.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

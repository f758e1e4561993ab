package org.gesturelab.mediapipe;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a second JVM by {@link ModelInstallerTest}: holds an installer lock file the way another installing
 * process would, says "locked", and lets go when its standard input closes.
 */
public final class LockHolder {

    private LockHolder() {
    }

    /**
     * Holds the lock.
     *
     * @param args the lock file
     * @throws Exception if locking fails
     */
    public static void main(String[] args) throws Exception {
        try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
            System.out.println("locked");
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}

package org.gesturelab;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real third-party gesture data that lives beside the project ({@code ../shared/data}), never inside it.
 * Tests that need it call {@link #require(String)}, which skips them with a clear message on a user's fresh clone.
 */
public final class SharedData {

    private SharedData() {
    }

    /** Returns the data folder, from {@code GESTURELAB_SHARED_DATA} or {@code ../shared/data}, or null if absent. */
    public static Path root() {
        String configured = System.getenv("GESTURELAB_SHARED_DATA");
        Path candidate = configured != null && !configured.isBlank()
                ? Path.of(configured) : Path.of("..", "shared", "data");
        return Files.isDirectory(candidate) ? candidate.toAbsolutePath().normalize() : null;
    }

    /**
     * Returns a path inside the shared data, skipping the calling test when it is absent.
     *
     * @param relative a path relative to the data folder, for example {@code asl6-holistic/MP_Data}
     * @return the absolute path
     */
    public static Path require(String relative) {
        Path root = root();
        assumeTrue(root != null, "Shared gesture data not found: set GESTURELAB_SHARED_DATA or place it at "
                + "../shared/data; skipping.");
        Path path = root.resolve(relative);
        assumeTrue(Files.exists(path), "Shared gesture data lacks " + relative + "; skipping.");
        return path;
    }

    /**
     * Links a shared file into a temporary folder under a new name (never copies it, never links into the project
     * tree), skipping the calling test when it is absent.
     *
     * @param folder the folder to link into, created if needed
     * @param name the link's name
     * @param relative the shared file, relative to the data folder
     * @return the link
     * @throws IOException when the link cannot be made
     */
    public static Path linkInto(Path folder, String name, String relative) throws IOException {
        Path target = require(relative);
        Files.createDirectories(folder);
        return Files.createSymbolicLink(folder.resolve(name), target);
    }
}

package org.gesturelab.mediapipe;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a model directory holds a complete, intact installation, as {@link ModelInstaller#status} found it.
 *
 * @param state the verdict
 * @param directory the model directory
 * @param detail what is missing or wrong, for a person to read; empty when installed
 * @param manifest the manifest, when it could be read
 */
public record InstallStatus(State state, Path directory, String detail, Optional<ModelManifest> manifest) {

    /** The possible verdicts. */
    public enum State {
        /** Every model is there and every file matches its SHA-256. */
        INSTALLED,
        /** Nothing is installed (no manifest). */
        MISSING,
        /** Installed from another package version, or by an older GestureLab: install again. */
        OUTDATED,
        /** A file is missing, changed or unreadable: install again. */
        CORRUPT
    }

    /** Returns whether the models are installed and intact. */
    public boolean isInstalled() {
        return state == State.INSTALLED;
    }

    @Override
    public String toString() {
        return state + " at " + directory + (detail.isEmpty() ? "" : ": " + detail);
    }
}

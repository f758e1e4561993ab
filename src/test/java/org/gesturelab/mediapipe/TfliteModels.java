package org.gesturelab.mediapipe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gesturelab.mediapipe.ModelPackage.PackagedModel;
import org.gesturelab.core.TaskMonitor;

/**
 * Finds the original MediaPipe {@code .tflite} files for tests that need real models. They are never part of the
 * project. A test looks in {@code -Dgesturelab.tflite.dir}, then {@code GESTURELAB_TFLITE_DIR}, then the installed
 * model directory ({@link ModelDirectory}), then the tests' cache beside it ({@link InstalledModels#cacheDirectory()}),
 * taking the first file that matches the pinned SHA-256. When none does, it obtains the model as the product does:
 * a catalogue model by installing the models ({@link InstalledModels#require()}), a packaged file the installer
 * does not keep (such as {@link #FACE_LANDMARK_WITH_ATTENTION}) by extracting it from the package tarball with the
 * installer's own {@link PackageExtractor} into the cache. So on a fresh machine with npm nothing is skipped; the
 * calling test is skipped only when the package cannot be fetched.
 */
public final class TfliteModels {

    /** System property naming a folder of original {@code ID.tflite} files. */
    public static final String PROPERTY = "gesturelab.tflite.dir";
    /** Environment variable naming a folder of original {@code ID.tflite} files. */
    public static final String ENV = "GESTURELAB_TFLITE_DIR";

    /**
     * The face mesh with attention: in the packed assets of {@link ModelPackage#HOLISTIC} but not installed, since
     * its custom operators have no ONNX equivalent. The converter must refuse it by name.
     */
    public static final PackagedModel FACE_LANDMARK_WITH_ATTENTION = new PackagedModel(
            "face_landmark_with_attention", "883b7411747bac657c30c462d305d312e9dec6adbf8b85e2f5d8d722fca9455d", false);

    /** Verified files by SHA-256, so each is hashed once per JVM. */
    private static final Map<String, Path> FOUND = new ConcurrentHashMap<>();

    private TfliteModels() {
    }

    /**
     * Returns the path of a verified original catalogue model, installing the models when it is nowhere else.
     *
     * @param model the model
     * @return its {@code .tflite} file
     */
    public static Path require(MediaPipeModel model) {
        return require(PackagedModel.of(model));
    }

    /**
     * Returns the path of a verified original model of {@link ModelPackage#HOLISTIC}, in the catalogue or not,
     * obtaining it from the package when it is nowhere else.
     *
     * @param model the model and its pinned SHA-256
     * @return its {@code .tflite} file
     */
    public static synchronized Path require(PackagedModel model) {
        Path known = FOUND.get(model.tfliteSha256());
        if (known != null && Files.isRegularFile(known)) {
            return known;
        }
        try {
            Path found = find(model);
            if (found == null) {
                found = obtain(model);
            }
            FOUND.put(model.tfliteSha256(), found);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path find(PackagedModel model) throws IOException {
        for (String folder : new String[] {System.getProperty(PROPERTY), System.getenv(ENV),
            ModelDirectory.resolve(null).toString(), InstalledModels.cacheDirectory().toString()}) {
            if (folder != null && !folder.isBlank()) {
                Path candidate = Path.of(folder, model.tfliteFileName());
                if (Files.isRegularFile(candidate)) {
                    if (model.tfliteSha256().equals(Checksums.sha256(candidate))) {
                        return candidate;
                    }
                    System.err.println(candidate + " does not match the pinned SHA-256 of " + model.artifactId()
                            + "; looking further.");
                }
            }
        }
        return null;
    }

    private static Path obtain(PackagedModel model) throws IOException {
        boolean installed = ModelPackage.HOLISTIC.models().stream()
                .anyMatch(m -> m.artifactId().equals(model.artifactId()));
        if (installed) {
            // The installer checked the SHA-256 of every model it installed.
            return InstalledModels.require().resolve(model.tfliteFileName());
        }
        return extract(model);
    }

    /** Takes one model out of the package tarball into the tests' cache, through a folder renamed into place. */
    private static Path extract(PackagedModel model) throws IOException {
        ModelPackage holistic = ModelPackage.HOLISTIC;
        Path tarball = InstalledModels.packageTarball();
        Path cache = Files.createDirectories(InstalledModels.cacheDirectory());
        Path work = Files.createTempDirectory(cache, "extract-");
        try {
            ModelPackage single = new ModelPackage(holistic.name(), holistic.version(), holistic.tarballSha256(),
                    List.of(model));
            // The extractor checks the model's pinned SHA-256 and fails when the package lacks it.
            Path extracted = PackageExtractor.extract(tarball, single, work, TaskMonitor.SILENT)
                    .get(model.artifactId());
            Path target = cache.resolve(model.tfliteFileName());
            Files.move(extracted, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } finally {
            InstalledModels.deleteRecursively(work);
        }
    }
}

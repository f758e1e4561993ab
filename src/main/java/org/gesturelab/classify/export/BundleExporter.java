package org.gesturelab.classify.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.gesturelab.classify.ModelStore;
import org.gesturelab.core.FileTrees;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.Npy;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.mediapipe.Checksums;
import org.gesturelab.mediapipe.MediaPipeModel;
import org.gesturelab.mediapipe.ModelDirectory;
import org.gesturelab.mediapipe.ModelManifest;

/**
 * Writes everything needed to recognize a project's gestures wherever ONNX Runtime runs: the classifier exported by
 * {@link OnnxExporter} with its card, the installed MediaPipe Holistic ONNX models and their manifest, a sample
 * keypoint clip, runnable Node.js and Python examples, a README, and {@code SHA256SUMS} over every file.
 *
 * <pre>
 * FOLDER/README.md
 * FOLDER/classifier.onnx, classifier.json
 * FOLDER/mediapipe/ID.onnx (ten models), manifest.json
 * FOLDER/example/clip.npy, recognize.mjs, recognize.py
 * FOLDER/SHA256SUMS
 * </pre>
 *
 * The folder is built under a temporary name beside FOLDER and renamed at the end, so a failure leaves nothing.
 */
public final class BundleExporter {

    /** The classifier's file name inside a bundle. */
    public static final String CLASSIFIER = "classifier.onnx";
    /** The checksum list's file name (the format {@code sha256sum -c} reads). */
    public static final String CHECKSUMS = "SHA256SUMS";

    private BundleExporter() {
    }

    /**
     * A sample clip for the worked example.
     *
     * @param clip raw keypoints, frames x 1662
     * @param label its class, or null when unlabeled
     */
    public record Sample(float[][] clip, String label) {
    }

    /**
     * What a bundle holds.
     *
     * @param folder the bundle folder
     * @param card the classifier's card
     * @param files every file, relative to the folder
     * @param bytes their total size
     */
    public record Result(Path folder, OnnxModelCard card, List<String> files, long bytes) {
    }

    /**
     * Writes a bundle.
     *
     * @param projectDir the project whose current model is exported
     * @param modelsDir the MediaPipe model directory ({@link ModelDirectory#resolve} of the user's choice)
     * @param sample a clip for the worked example, or null for none
     * @param out the bundle folder; must not exist, or be empty
     * @param threshold the recognition threshold for the card
     * @param monitor progress and cancellation
     * @return what was written
     * @throws GestureLabException if the project has no model, the MediaPipe models are missing or damaged, or the
     *     folder cannot be written
     */
    public static Result export(Path projectDir, Path modelsDir, Sample sample, Path out, double threshold,
            TaskMonitor monitor) {
        Path model = ModelStore.current(projectDir).orElseThrow(() -> new GestureLabException("The project "
                + projectDir + " has no trained model yet. Train one with 'gesturelab train " + projectDir
                + "', then export it."));
        ModelManifest manifest = installedManifest(modelsDir);
        requireEmpty(out);
        Path target = out.toAbsolutePath().normalize();
        Path staging = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            if (Files.exists(staging)) {
                FileTrees.deleteRecursively(staging);
            }
            Files.createDirectories(staging);
            MediaPipeModel[] models = MediaPipeModel.values();
            int steps = models.length + 3;
            OnnxExporter.Result exported = OnnxExporter.export(model, staging.resolve(CLASSIFIER), threshold,
                    TaskMonitor.SILENT);
            monitor.update("Exported the classifier", 1, steps);
            Path mediapipe = Files.createDirectories(staging.resolve("mediapipe"));
            for (int i = 0; i < models.length; i++) {
                monitor.checkCancelled();
                copyVerified(modelsDir, manifest, models[i], mediapipe);
                monitor.update("Copied " + models[i].onnxFileName(), 2 + i, steps);
            }
            Files.copy(modelsDir.resolve(ModelDirectory.MANIFEST), mediapipe.resolve(ModelDirectory.MANIFEST));
            Path example = Files.createDirectories(staging.resolve("example"));
            copyResource("recognize.mjs", example.resolve("recognize.mjs"));
            copyResource("recognize.py", example.resolve("recognize.py"));
            if (sample != null) {
                Npy.write(example.resolve("clip.npy"), sample.clip());
            }
            Files.writeString(staging.resolve("README.md"), BundleReadme.text(exported.modelCard(), manifest,
                    sample), StandardCharsets.UTF_8);
            List<String> files = checksums(staging);
            monitor.update("Wrote the checksums", steps, steps);
            if (Files.exists(target)) {
                Files.delete(target); // empty, checked above
            }
            Files.move(staging, target);
            long bytes = 0;
            for (String file : files) {
                bytes += Files.size(target.resolve(file));
            }
            return new Result(target, exported.modelCard(), files, bytes);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new GestureLabException("Cannot write the bundle " + out + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
    }

    private static ModelManifest installedManifest(Path modelsDir) {
        Path file = modelsDir.resolve(ModelDirectory.MANIFEST);
        if (!Files.isRegularFile(file)) {
            throw new GestureLabException("The MediaPipe models are not installed in " + modelsDir + ". Install "
                    + "them with 'gesturelab models install' (or pass --models DIR), then export again.");
        }
        try {
            return ModelManifest.read(file);
        } catch (IOException e) {
            throw new GestureLabException("Cannot read " + file + ": " + e.getMessage() + ". Reinstall the models "
                    + "with 'gesturelab models install'.", e);
        }
    }

    /** Copies one model's ONNX file, checking its SHA-256 against the manifest on the copy. */
    private static void copyVerified(Path modelsDir, ModelManifest manifest, MediaPipeModel model, Path to)
            throws IOException {
        ModelManifest.Entry entry = manifest.entry(model.artifactId()).orElseThrow(() -> new GestureLabException(
                "The model manifest in " + modelsDir + " lacks " + model.artifactId() + ". Reinstall the models "
                        + "with 'gesturelab models install'."));
        Path source = modelsDir.resolve(model.onnxFileName());
        if (!Files.isRegularFile(source)) {
            throw new GestureLabException(source + " is missing. Reinstall the models with 'gesturelab models "
                    + "install'.");
        }
        Path copy = to.resolve(model.onnxFileName());
        Files.copy(source, copy);
        String actual = Checksums.sha256(copy);
        if (!actual.equals(entry.onnx().sha256())) {
            throw new GestureLabException(source + " does not match its checksum in the manifest (expected "
                    + entry.onnx().sha256() + ", found " + actual + "). Reinstall the models with 'gesturelab "
                    + "models install'.");
        }
    }

    private static void copyResource(String name, Path to) throws IOException {
        try (InputStream in = BundleExporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the jar");
            }
            Files.copy(in, to);
        }
    }

    /**
     * Returns the text of a bundled example script, as the bundle and docs/deploy.md carry it.
     *
     * @param name {@code recognize.mjs} or {@code recognize.py}
     * @return the script
     */
    public static String exampleScript(String name) {
        try (InputStream in = BundleExporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example script " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GestureLabException("Cannot read the example " + name + ": " + e.getMessage(), e);
        }
    }

    /** Writes SHA256SUMS over every file and returns the files, sorted, relative, with forward slashes. */
    private static List<String> checksums(Path folder) throws IOException {
        List<String> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.add(folder.relativize(file).toString().replace('\\', '/'));
            }
        }
        StringBuilder sums = new StringBuilder();
        for (String file : files) {
            sums.append(Checksums.sha256(folder.resolve(file))).append("  ").append(file).append('\n');
        }
        Files.writeString(folder.resolve(CHECKSUMS), sums.toString(), StandardCharsets.UTF_8);
        files.add(CHECKSUMS);
        return files;
    }

    private static void requireEmpty(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new GestureLabException(out + " exists and is not a folder. Choose a new folder for the bundle.");
        }
        try (Stream<Path> children = Files.list(out)) {
            if (children.findAny().isPresent()) {
                throw new GestureLabException(out + " is not empty. Choose a new folder for the bundle, or delete "
                        + "this one first.");
            }
        } catch (IOException e) {
            throw new GestureLabException("Cannot read " + out + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            if (Files.exists(folder)) {
                FileTrees.deleteRecursively(folder);
            }
        } catch (IOException ignored) {
            // The original failure is what the user needs to see.
        }
    }

    /** Formats a byte count for messages. */
    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}

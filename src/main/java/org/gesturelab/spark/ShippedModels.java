package org.gesturelab.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.keypoints.PoseModel;
import org.gesturelab.mediapipe.MediaPipeModel;
import org.gesturelab.mediapipe.ModelDirectory;
import org.gesturelab.mediapipe.ModelManifest;
import org.gesturelab.mediapipe.OnnxIntegrity;

/**
 * The MediaPipe models a job ships to its executors: the converted models the holistic pipeline loads and the
 * {@code manifest.json} of the installation they come from, staged by the driver into one folder that Spark copies to
 * every executor ({@code SparkContext.addFile}), and checked on each executor before use: every file must have the
 * SHA-256 pinned in GestureLab ({@link OnnxIntegrity}) and the manifest must record that same digest.
 */
final class ShippedModels {

    /** The staged folder's name, by which executors find their copy ({@code SparkFiles.get}). */
    static final String FOLDER = "gesturelab-models";

    /** Folders already checked in this JVM (an executor runs many tasks). */
    private static final Set<Path> CHECKED = ConcurrentHashMap.newKeySet();

    private ShippedModels() {
    }

    /**
     * Returns the models the pipeline loads with a pose model: the rest of an installation (the TFLite originals, the
     * palm detectors, the other pose models) stays home.
     *
     * @param pose the pose landmark model
     * @return the models
     */
    static List<MediaPipeModel> needed(PoseModel pose) {
        return List.of(MediaPipeModel.POSE_DETECTION, pose.model(), MediaPipeModel.HAND_RECROP,
                MediaPipeModel.HAND_LANDMARK_FULL, MediaPipeModel.FACE_DETECTION_SHORT_RANGE,
                MediaPipeModel.FACE_LANDMARK);
    }

    /**
     * Checks a model folder (once per JVM and folder).
     *
     * @param dir the folder
     * @param pose the pose landmark model
     * @throws GestureLabException naming the file that is missing, damaged or disagrees with the manifest
     */
    static void verify(Path dir, PoseModel pose) {
        Path key = dir.toAbsolutePath().normalize();
        if (CHECKED.contains(key)) {
            return;
        }
        Path manifestFile = key.resolve(ModelDirectory.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new GestureLabException("No MediaPipe models in " + key + " (no " + ModelDirectory.MANIFEST
                    + "): install them with 'gesturelab models install', or name the folder with --models.");
        }
        ModelManifest manifest;
        try {
            manifest = ModelManifest.read(manifestFile);
        } catch (IOException e) {
            throw new GestureLabException("Cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
        for (MediaPipeModel model : needed(pose)) {
            String recorded = manifest.entry(model.artifactId()).map(entry -> entry.onnx().sha256()).orElseThrow(
                    () -> new GestureLabException(manifestFile + " lists no " + model.artifactId()
                            + "; reinstall the models with 'gesturelab models install'."));
            if (!recorded.equals(model.onnxSha256())) {
                throw new GestureLabException(manifestFile + " records another SHA-256 for " + model.onnxFileName()
                        + " than this GestureLab pins; reinstall the models with 'gesturelab models install'.");
            }
            OnnxIntegrity.requireIntact(model, key.resolve(model.onnxFileName()));
        }
        CHECKED.add(key);
    }

    /**
     * Stages the files to ship into {@code parent/}{@value #FOLDER}: hard links where the file system allows them,
     * copies elsewhere.
     *
     * @param installed the model folder ({@code --models} or the installed one)
     * @param pose the pose landmark model
     * @param parent an empty temporary folder
     * @return the staged folder
     * @throws IOException if the files cannot be linked or copied
     */
    static Path stage(Path installed, PoseModel pose, Path parent) throws IOException {
        Path staged = Files.createDirectories(parent.resolve(FOLDER));
        link(installed.resolve(ModelDirectory.MANIFEST), staged);
        for (MediaPipeModel model : needed(pose)) {
            link(installed.resolve(model.onnxFileName()), staged);
        }
        return staged;
    }

    private static void link(Path file, Path dir) throws IOException {
        Path target = dir.resolve(file.getFileName().toString());
        try {
            Files.createLink(target, file.toRealPath());
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, target);
        }
    }
}

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
 * {@code manifest.json} of the installation they come from, each added by the driver with
 * {@code SparkContext.addFile}, so that Spark copies them into every executor's files folder
 * ({@code SparkFiles.getRootDirectory()}), and checked on each executor before use: every file must have the SHA-256
 * pinned in GestureLab ({@link OnnxIntegrity}) and the manifest must record that same digest. (Spark ships folders
 * only in local mode, hence one file at a time.)
 */
final class ShippedModels {

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
     * Returns the files to ship: the manifest and the models the pipeline loads (about 70 MB of the 150 MB).
     *
     * @param installed the model folder ({@code --models} or the installed one)
     * @param pose the pose landmark model
     * @return the files
     */
    static List<Path> files(Path installed, PoseModel pose) {
        List<Path> files = new java.util.ArrayList<>();
        files.add(installed.resolve(ModelDirectory.MANIFEST));
        needed(pose).forEach(model -> files.add(installed.resolve(model.onnxFileName())));
        return files;
    }
}

package org.gesturelab.cli;

import java.nio.file.Path;

import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.PoseModel;

import org.gesturelab.mediapipe.ModelDirectory;
import picocli.CommandLine.Option;

/** The keypoint models a command runs: {@code --pose-model} and {@code --models}, shared as a picocli mixin. */
final class HolisticModelOptions {

    @Option(names = "--pose-model", paramLabel = "lite|full|heavy", defaultValue = "full",
            description = "Pose landmark model (default: ${DEFAULT-VALUE}).")
    PoseModel poseModel;

    @Option(names = "--models", paramLabel = "DIR",
            description = ModelDirectory.OPTION_DESCRIPTION)
    Path models;

    /** Returns the pipeline options with the chosen pose model and model directory. */
    HolisticOptions holisticOptions() {
        return HolisticOptions.defaults().withPoseModel(poseModel).withModelDir(models);
    }
}

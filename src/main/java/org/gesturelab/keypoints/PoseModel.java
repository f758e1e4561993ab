package org.gesturelab.keypoints;

import org.gesturelab.mediapipe.MediaPipeModel;

/** Which pose landmark model to run: lite is fastest, heavy most accurate, full the default. */
public enum PoseModel {
    /** {@code pose_landmark_lite}. */
    LITE(MediaPipeModel.POSE_LANDMARK_LITE),
    /** {@code pose_landmark_full}, the default. */
    FULL(MediaPipeModel.POSE_LANDMARK_FULL),
    /** {@code pose_landmark_heavy}. */
    HEAVY(MediaPipeModel.POSE_LANDMARK_HEAVY);

    private final MediaPipeModel model;

    PoseModel(MediaPipeModel model) {
        this.model = model;
    }

    /** Returns the model file it runs. */
    public MediaPipeModel model() {
        return model;
    }
}

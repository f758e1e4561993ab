package org.gesturelab.keypoints;

import java.nio.file.Path;

/**
 * How to run Holistic.
 *
 * @param poseModel which pose landmark model
 * @param face whether to find the face mesh (two more models per frame)
 * @param modelDir the model directory, or null for the default
 */
public record HolisticOptions(PoseModel poseModel, boolean face, Path modelDir) {

    /** The defaults: full pose model, face on, the default model directory. */
    public static HolisticOptions defaults() {
        return new HolisticOptions(PoseModel.FULL, true, null);
    }

    /**
     * Returns these options with another pose model.
     *
     * @param model the pose model
     * @return new options
     */
    public HolisticOptions withPoseModel(PoseModel model) {
        return new HolisticOptions(model, face, modelDir);
    }

    /**
     * Returns these options with another model directory.
     *
     * @param dir the directory, or null for the default
     * @return new options
     */
    public HolisticOptions withModelDir(Path dir) {
        return new HolisticOptions(poseModel, face, dir);
    }
}

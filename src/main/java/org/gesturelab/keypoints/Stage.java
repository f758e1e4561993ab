package org.gesturelab.keypoints;

/** The timed steps of one frame, for the per-stage medians that {@code extract} and {@code bench} report. */
public enum Stage {
    /** Reading and decoding the frame. */
    DECODE,
    /** The pose detector (only on frames where tracking was lost). */
    POSE_DETECTION,
    /** The pose landmark model, with its crop, heatmap refinement and smoothing. */
    POSE_LANDMARKS,
    /** Both hands: re-crop and landmark models. */
    HANDS,
    /** The face: detector and mesh. */
    FACE,
    /** From the start of pose work to the end of face work for this frame. */
    TOTAL
}

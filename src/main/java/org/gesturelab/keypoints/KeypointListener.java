package org.gesturelab.keypoints;

import org.gesturelab.capture.Frame;

/** Receives each processed frame with its keypoints, in order, on the thread that runs the pipeline. */
@FunctionalInterface
public interface KeypointListener {

    /**
     * Called once per processed frame.
     *
     * @param frame the picture (for display or overlay drawing)
     * @param keypoints what was found in it
     */
    void onFrame(Frame frame, FrameKeypoints keypoints);
}

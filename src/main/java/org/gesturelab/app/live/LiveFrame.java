package org.gesturelab.app.live;

import org.gesturelab.capture.Frame;
import org.gesturelab.keypoints.FrameKeypoints;

/**
 * A frame of the live feed with the keypoints found in it.
 *
 * @param frame the picture
 * @param keypoints what MediaPipe Holistic found, or null when no keypoint tracker runs (models not installed)
 * @param arrivedNanos when the frame came out of the source ({@link System#nanoTime()}), for latency
 */
public record LiveFrame(Frame frame, FrameKeypoints keypoints, long arrivedNanos) {

    /** Returns the 1662-float keypoint vector, or null without keypoints. */
    public float[] vector() {
        return keypoints == null ? null : keypoints.toVector();
    }
}

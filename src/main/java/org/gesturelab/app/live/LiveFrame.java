package org.gesturelab.app.live;

import java.util.Map;

import org.gesturelab.capture.Frame;
import org.gesturelab.keypoints.FrameKeypoints;
import org.gesturelab.keypoints.KeypointOverlay;

/**
 * A frame of the live feed with the keypoints found in it.
 *
 * @param frame the picture
 * @param keypoints what MediaPipe Holistic found, or null when no keypoint tracker runs (models not installed)
 * @param arrivedNanos when the frame came out of the source ({@link System#nanoTime()}), for latency
 */
public record LiveFrame(Frame frame, FrameKeypoints keypoints, long arrivedNanos) {

    /**
     * Returns the picture with the chosen parts of the skeleton drawn on it (by {@link KeypointOverlay}), or the
     * frame's own pixels when there are no keypoints or no part is chosen.
     *
     * @param pose draw the pose skeleton
     * @param hands draw both hands
     * @param face draw the face mesh points
     * @return packed BGR pixels of the frame's size
     */
    public byte[] picture(boolean pose, boolean hands, boolean face) {
        if (keypoints == null || !(pose || hands || face)) {
            return frame.bgr();
        }
        FrameKeypoints chosen = new FrameKeypoints(keypoints.index(), keypoints.timestampMillis(), keypoints.width(),
                keypoints.height(), pose ? keypoints.pose() : null, face ? keypoints.face() : null,
                hands ? keypoints.leftHand() : null, hands ? keypoints.rightHand() : null, Map.of());
        return KeypointOverlay.draw(frame, chosen).bgr();
    }

    /** Returns the 1662-float keypoint vector, or null without keypoints. */
    public float[] vector() {
        return keypoints == null ? null : keypoints.toVector();
    }
}

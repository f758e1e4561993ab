package org.gesturelab.app.live;

import org.gesturelab.capture.Frame;

/**
 * A frame of the live feed with what the feed learned about it.
 *
 * @param frame the picture
 * @param keypoints the 1662-float holistic keypoint vector, or null when no keypoint tracker runs (models not
 *     installed)
 * @param overlay the picture with the skeleton drawn on it (packed BGR, same size), or null to show the frame
 * @param arrivedNanos when the frame came out of the source ({@link System#nanoTime()}), for latency
 */
public record LiveFrame(Frame frame, float[] keypoints, byte[] overlay, long arrivedNanos) {

    /** Returns the pixels to show: the overlay when drawn, else the frame. */
    public byte[] picture() {
        return overlay != null ? overlay : frame.bgr();
    }
}

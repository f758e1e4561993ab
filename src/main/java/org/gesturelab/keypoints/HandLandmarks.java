package org.gesturelab.keypoints;

/**
 * The hand landmark model's output, projected into the frame.
 *
 * @param landmarks 21 x (x, y, z) normalized as MediaPipe (z in units of the frame width, wrist-relative depth)
 * @param presence hand presence score in [0, 1]
 * @param roi the rectangle the model looked at
 */
public record HandLandmarks(float[] landmarks, float presence, Roi roi) {
}

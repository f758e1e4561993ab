package org.gesturelab.keypoints;

/**
 * The face mesh model's output, projected into the frame.
 *
 * @param landmarks 468 x (x, y, z) normalized as MediaPipe (z in units of the frame width)
 * @param presence face presence score in [0, 1]
 * @param roi the rectangle the model looked at
 */
public record FaceLandmarks(float[] landmarks, float presence, Roi roi) {
}

package org.gesturelab.keypoints;

/**
 * The pose landmark model's output for one frame, projected into the frame.
 *
 * @param landmarks 33 x (x, y, z, visibility) normalized as MediaPipe (x / width, y / height, z in units of the
 *     width, visibility in [0, 1])
 * @param auxiliary the two tracking landmarks (hip centre, scale point), 2 x (x, y, z) normalized
 * @param score the model's pose presence score in [0, 1]
 * @param roi the rectangle the model looked at
 */
public record PoseLandmarks(float[] landmarks, float[] auxiliary, float score, Roi roi) {
}

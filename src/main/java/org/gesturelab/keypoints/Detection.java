package org.gesturelab.keypoints;

/**
 * One detector output in normalized coordinates of the detector's input (before letterbox removal).
 *
 * @param score confidence in [0, 1]
 * @param xmin left edge
 * @param ymin top edge
 * @param xmax right edge
 * @param ymax bottom edge
 * @param keypoints x, y pairs
 */
public record Detection(float score, float xmin, float ymin, float xmax, float ymax, float[] keypoints) {

    /** Returns the number of keypoints. */
    public int keypointCount() {
        return keypoints.length / 2;
    }

    /** Returns keypoint {@code i}'s x. */
    public float keypointX(int i) {
        return keypoints[2 * i];
    }

    /** Returns keypoint {@code i}'s y. */
    public float keypointY(int i) {
        return keypoints[2 * i + 1];
    }

    /**
     * Returns the intersection over union of the two boxes.
     *
     * @param other another detection
     * @return IoU in [0, 1]
     */
    public float iou(Detection other) {
        float ix = Math.min(xmax, other.xmax) - Math.max(xmin, other.xmin);
        float iy = Math.min(ymax, other.ymax) - Math.max(ymin, other.ymin);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        float intersection = ix * iy;
        float union = (xmax - xmin) * (ymax - ymin) + (other.xmax - other.xmin) * (other.ymax - other.ymin)
                - intersection;
        return union <= 0 ? 0 : intersection / union;
    }
}

package org.gesturelab.mediapipe;

import org.gesturelab.mediapipe.convert.NamedTensor;
import java.util.Arrays;

/**
 * How far one tensor is from a reference: the largest absolute difference, and that difference relative to the
 * reference's range (largest minus smallest value). A single-valued reference has no range, so its magnitude (at
 * least 1) stands in.
 *
 * @param name the tensor's name
 * @param maxAbsoluteDifference the largest absolute element-wise difference
 * @param scale the reference's range, or the stand-in for a constant reference
 */
public record TensorComparison(String name, double maxAbsoluteDifference, double scale) {

    /** Returns the largest difference as a fraction of the scale. */
    public double relativeDifference() {
        return maxAbsoluteDifference / scale;
    }

    /**
     * Compares a tensor with a reference of the same shape.
     *
     * @param reference the expected values
     * @param actual the values to check
     * @return the comparison; NaN in either tensor gives an infinite difference
     * @throws IllegalArgumentException if the shapes differ
     */
    public static TensorComparison of(NamedTensor reference, NamedTensor actual) {
        if (!Arrays.equals(reference.shape(), actual.shape())) {
            throw new IllegalArgumentException("Tensor " + reference.name() + " has shape "
                    + Arrays.toString(reference.shape()) + " but the other has " + Arrays.toString(actual.shape()));
        }
        float[] expected = reference.data();
        float[] got = actual.data();
        double maxDifference = 0;
        double maxMagnitude = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs((double) got[i] - expected[i]);
            if (Double.isNaN(difference)) {
                difference = Double.POSITIVE_INFINITY;
            }
            maxDifference = Math.max(maxDifference, difference);
            maxMagnitude = Math.max(maxMagnitude, Math.abs(expected[i]));
        }
        double range = reference.range();
        double scale = range > 0 ? range : Math.max(maxMagnitude, 1.0);
        return new TensorComparison(reference.name(), maxDifference, scale);
    }
}

package org.gesturelab.mediapipe.convert;

import java.util.Arrays;

/**
 * A named float32 tensor in row-major order, the currency between the model runtimes and their callers.
 *
 * <p>The constructor copies nothing: callers that keep using the arrays must not mutate them afterwards.
 *
 * @param name the tensor's name in the model
 * @param shape its dimensions, outermost first
 * @param data its values, row-major; {@code data.length} equals the product of {@code shape}
 */
public record NamedTensor(String name, int[] shape, float[] data) {

    /** Checks that the data fills the shape exactly. */
    public NamedTensor {
        long elements = elementCount(shape);
        if (elements != data.length) {
            throw new IllegalArgumentException("Tensor " + name + " has shape " + Arrays.toString(shape) + " ("
                    + elements + " values) but " + data.length + " values");
        }
    }

    /**
     * Returns the number of elements a shape holds.
     *
     * @param shape the dimensions
     * @return their product
     */
    public static long elementCount(int[] shape) {
        long count = 1;
        for (int dimension : shape) {
            count *= dimension;
        }
        return count;
    }

    /** Returns the largest value minus the smallest, 0 for an empty tensor. */
    public float range() {
        if (data.length == 0) {
            return 0f;
        }
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float value : data) {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        return max - min;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamedTensor that && name.equals(that.name) && Arrays.equals(shape, that.shape)
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NamedTensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}

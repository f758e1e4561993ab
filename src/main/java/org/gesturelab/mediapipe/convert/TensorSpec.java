package org.gesturelab.mediapipe.convert;

import java.util.Arrays;

/**
 * The name and shape of a model input or output.
 *
 * @param name the tensor's name in the model
 * @param shape its dimensions, outermost first
 */
public record TensorSpec(String name, int[] shape) {

    /** Copies the shape so the record stays immutable. */
    public TensorSpec {
        shape = shape.clone();
    }

    /** Returns a copy of the dimensions. */
    @Override
    public int[] shape() {
        return shape.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TensorSpec that && name.equals(that.name) && Arrays.equals(shape, that.shape);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}

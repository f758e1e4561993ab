package org.gesturelab.keypoints;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Small helpers the translators share: NHWC input tensors, outputs picked by element count, the sigmoid. */
final class ModelTensors {

    private ModelTensors() {
    }

    /**
     * Cuts a region into a one-image NHWC batch.
     *
     * @param manager the translator's scoped manager
     * @param request frame and region
     * @param size model input side
     * @param min value of black
     * @param max value of full intensity
     * @param zeroBorder black outside the frame (detectors) rather than repeated edges
     * @return the input list
     */
    static NDList input(NDManager manager, CropRequest request, int size, float min, float max, boolean zeroBorder) {
        float[] pixels = request.image().crop(request.roi(), size, size, min, max, zeroBorder);
        NDArray array = manager.create(pixels, new Shape(1, size, size, 3));
        return new NDList(array);
    }

    /**
     * Returns the first output with the given number of elements.
     *
     * @param outputs the model's outputs
     * @param elements the element count that identifies it
     * @return its values
     */
    static float[] output(NDList outputs, long elements) {
        for (NDArray array : outputs) {
            if (array.size() == elements) {
                return array.toFloatArray();
            }
        }
        throw new IllegalStateException("the model has no output with " + elements + " values: " + outputs);
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }
}

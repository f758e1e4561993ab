package org.gesturelab.keypoints;

import java.util.ArrayList;
import java.util.List;

/**
 * Anchor centres of MediaPipe's single-shot detectors ({@code SsdAnchorsCalculator} with fixed anchor size): for each
 * stride a grid of cells, each holding two anchors per layer of that stride (an aspect-ratio-1 anchor and the
 * interpolated-scale one), centred at ((x + 0.5) / cells, (y + 0.5) / cells). Consecutive layers with the same
 * stride share one grid.
 */
public final class SsdAnchors {

    private SsdAnchors() {
    }

    /**
     * Generates the anchors of a square detector.
     *
     * @param inputSize the model's input side in pixels, for example 224
     * @param strides the stride of every layer, for example {8, 16, 32, 32, 32}
     * @return anchor centres as {x, y} pairs in [0, 1], in the model's output order
     */
    public static float[][] generate(int inputSize, int... strides) {
        List<float[]> anchors = new ArrayList<>();
        int layer = 0;
        while (layer < strides.length) {
            int last = layer;
            int perCell = 0;
            while (last < strides.length && strides[last] == strides[layer]) {
                perCell += 2;
                last++;
            }
            int cells = (int) Math.ceil((double) inputSize / strides[layer]);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int a = 0; a < perCell; a++) {
                        anchors.add(new float[] {(x + 0.5f) / cells, (y + 0.5f) / cells});
                    }
                }
            }
            layer = last;
        }
        return anchors.toArray(new float[0][]);
    }

    /** The pose detector's 2254 anchors (224x224; strides 8, 16, 32, 32, 32). */
    public static float[][] poseDetector() {
        return generate(224, 8, 16, 32, 32, 32);
    }
}

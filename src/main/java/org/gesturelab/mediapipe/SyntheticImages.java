package org.gesturelab.mediapipe;

import java.util.Random;

/**
 * Deterministic synthetic images for checking and benchmarking models without camera data: smooth gradients and
 * soft blobs with a little noise, row-major NHWC floats in [0, 1].
 */
public final class SyntheticImages {

    private SyntheticImages() {
    }

    /** Returns an image of the given NHWC shape; the same seed gives the same image. */
    public static float[] nhwc(int[] shape, long seed) {
        int height = shape[1];
        int width = shape[2];
        int channels = shape[3];
        Random random = new Random(seed);
        double[][] blobs = new double[6][];
        for (int b = 0; b < blobs.length; b++) {
            blobs[b] = new double[] {random.nextDouble() * width, random.nextDouble() * height,
                (0.05 + 0.2 * random.nextDouble()) * width, random.nextDouble(), random.nextDouble(),
                random.nextDouble()};
        }
        float[] image = new float[shape[0] * height * width * channels];
        int i = 0;
        for (int n = 0; n < shape[0]; n++) {
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    for (int c = 0; c < channels; c++) {
                        double value = 0.3 * x / width + 0.2 * y / height;
                        for (double[] blob : blobs) {
                            double dx = (x - blob[0]) / blob[2];
                            double dy = (y - blob[1]) / blob[2];
                            value += 0.6 * blob[3 + c % 3] * Math.exp(-(dx * dx + dy * dy));
                        }
                        value += 0.05 * random.nextGaussian();
                        image[i++] = (float) Math.max(0, Math.min(1, value));
                    }
                }
            }
        }
        return image;
    }
}

package org.gesturelab.classify;

import java.util.Random;

/**
 * Random changes applied to training clips each epoch, so that a few recorded examples cover more of the ways a
 * gesture can look.
 *
 * @param noise standard deviation of Gaussian noise added to the standardized features
 * @param scale maximum relative change of the x and y scales, drawn independently (0.1 means 0.9 to 1.1)
 * @param rotationDegrees maximum in-plane rotation, in degrees either way
 * @param timeWarp strength of the time warp: up to half of it is cropped from either end, and the middle is sped
 *     up or slowed down by up to twice it
 * @param mirror whether half of the clips are mirrored with left and right swapped; off by default because many
 *     signs differ only in the hand used
 */
public record Augmentation(double noise, double scale, double rotationDegrees, double timeWarp, boolean mirror) {

    /** The default: light noise, ±10 % scale, ±10° rotation, mild time warp, no mirroring. */
    public static final Augmentation DEFAULT = new Augmentation(0.05, 0.1, 10, 0.2, false);
    /** No augmentation at all. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, false);

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException if a value is negative, or the scale or warp is too strong to make sense
     */
    public Augmentation {
        if (noise < 0 || scale < 0 || scale >= 1 || rotationDegrees < 0 || timeWarp < 0 || timeWarp >= 0.5) {
            throw new IllegalArgumentException("augmentation out of range: noise >= 0, 0 <= scale < 1, rotation >= 0,"
                    + " 0 <= timeWarp < 0.5");
        }
    }

    /** Returns whether this changes nothing. */
    public boolean isNone() {
        return noise == 0 && scale == 0 && rotationDegrees == 0 && timeWarp == 0 && !mirror;
    }

    /**
     * Computes an augmented, not yet standardized feature sequence of a clip.
     *
     * @param extractor the feature extractor
     * @param clip raw frames
     * @param random the source of randomness
     * @return {@code sequenceLength x dimension} features
     */
    float[][] sequence(FeatureExtractor extractor, float[][] clip, Random random) {
        double angle = Math.toRadians(rotationDegrees * (2 * random.nextDouble() - 1));
        double sx = 1 + scale * (2 * random.nextDouble() - 1);
        double sy = 1 + scale * (2 * random.nextDouble() - 1);
        boolean flip = mirror && random.nextBoolean();
        float[][] frames = extractor.frameFeatures(clip, FrameTransform.of(angle, sx, sy, flip));
        return extractor.resample(frames, warpedPositions(extractor.sequenceLength(), clip.length, random));
    }

    private double[] warpedPositions(int length, int frames, Random random) {
        double last = frames - 1;
        double start = last * random.nextDouble() * timeWarp / 2;
        double end = last * (1 - random.nextDouble() * timeWarp / 2);
        // u + alpha * u * (1 - u) stays monotone while |alpha| < 1: a smooth speed change without reordering.
        double alpha = 2 * timeWarp * (2 * random.nextDouble() - 1);
        double[] positions = new double[length];
        for (int i = 0; i < length; i++) {
            double u = (double) i / (length - 1);
            positions[i] = start + (end - start) * (u + alpha * u * (1 - u));
        }
        return positions;
    }

    /**
     * Adds Gaussian noise to the present features of a standardized sequence, in place.
     *
     * @param sequence the standardized sequence
     * @param flagOfColumn from {@link FeatureExtractor#flagOfColumn()}
     * @param random the source of randomness
     */
    void addNoise(float[][] sequence, int[] flagOfColumn, Random random) {
        if (noise == 0) {
            return;
        }
        for (float[] frame : sequence) {
            for (int f = 0; f < frame.length; f++) {
                int flag = flagOfColumn[f];
                if (flag >= 0 && frame[flag] > 0.5f) {
                    frame[f] += (float) (noise * random.nextGaussian());
                }
            }
        }
    }
}

package org.gesturelab.classify;

import java.util.List;

/**
 * Per-feature mean and standard deviation, computed on the training sequences after the geometric normalization
 * and stored with the model so that prediction standardizes exactly as training did.
 *
 * <p>Statistics of a part's features count only frames where that part is present; a missing part stays at zero
 * (the mean) after standardization, and its presence flag (left as 0 or 1) tells the network it is missing.
 *
 * @param mean per-feature mean
 * @param std per-feature standard deviation, never zero
 */
public record FeatureStatistics(float[] mean, float[] std) {

    /** Standard deviations below this are treated as constant features (divided by 1). */
    private static final double MIN_STD = 1e-4;
    /** Standardized values are clipped to this magnitude so that one wild landmark cannot dominate. */
    public static final float CLIP = 10f;

    /**
     * Validates and copies the arrays.
     *
     * @throws IllegalArgumentException if the lengths differ or a deviation is not positive
     */
    public FeatureStatistics {
        mean = mean.clone();
        std = std.clone();
        if (mean.length != std.length) {
            throw new IllegalArgumentException(mean.length + " means but " + std.length + " deviations");
        }
        for (float s : std) {
            if (!(s > 0)) {
                throw new IllegalArgumentException("standard deviations must be positive");
            }
        }
    }

    /** Returns a copy of the means. */
    @Override
    public float[] mean() {
        return mean.clone();
    }

    /** Returns a copy of the deviations. */
    @Override
    public float[] std() {
        return std.clone();
    }

    /** Returns the number of features. */
    public int dimension() {
        return mean.length;
    }

    /**
     * Computes the statistics of a set of feature sequences.
     *
     * @param sequences sequences from {@link FeatureExtractor}, not yet standardized
     * @param flagOfColumn from {@link FeatureExtractor#flagOfColumn()}
     * @return the statistics
     */
    static FeatureStatistics fit(List<float[][]> sequences, int[] flagOfColumn) {
        int dimension = flagOfColumn.length;
        double[] sum = new double[dimension];
        double[] sumSquares = new double[dimension];
        long[] count = new long[dimension];
        for (float[][] sequence : sequences) {
            for (float[] frame : sequence) {
                for (int f = 0; f < dimension; f++) {
                    int flag = flagOfColumn[f];
                    if (flag >= 0 && frame[flag] > 0.5f) {
                        sum[f] += frame[f];
                        sumSquares[f] += (double) frame[f] * frame[f];
                        count[f]++;
                    }
                }
            }
        }
        float[] mean = new float[dimension];
        float[] std = new float[dimension];
        for (int f = 0; f < dimension; f++) {
            if (flagOfColumn[f] < 0 || count[f] == 0) {
                std[f] = 1;
                continue;
            }
            double m = sum[f] / count[f];
            double variance = Math.max(0, sumSquares[f] / count[f] - m * m);
            double s = Math.sqrt(variance);
            mean[f] = (float) m;
            std[f] = (float) (s < MIN_STD ? 1 : s);
        }
        return new FeatureStatistics(mean, std);
    }

    /**
     * Standardizes a sequence in place: present features become {@code (x - mean) / std}, clipped to ±10; features
     * of a missing part become 0; presence flags stay as they are.
     *
     * @param sequence the sequence to change
     * @param flagOfColumn from {@link FeatureExtractor#flagOfColumn()}
     */
    void standardize(float[][] sequence, int[] flagOfColumn) {
        for (float[] frame : sequence) {
            for (int f = 0; f < frame.length; f++) {
                int flag = flagOfColumn[f];
                if (flag < 0) {
                    continue;
                }
                if (frame[flag] > 0.5f) {
                    float z = (frame[f] - mean[f]) / std[f];
                    frame[f] = Math.max(-CLIP, Math.min(CLIP, z));
                } else {
                    frame[f] = 0;
                }
            }
        }
    }
}

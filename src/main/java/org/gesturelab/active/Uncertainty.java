package org.gesturelab.active;

/**
 * Uncertainty measures over predicted class probabilities. Each returns one value per clip, oriented so that a
 * higher value means the model is less sure (except {@link #margin}, which returns the raw gap).
 */
public final class Uncertainty {

    private Uncertainty() {
    }

    /**
     * Shannon entropy in nats, {@code -sum p log p}; 0 for a certain prediction, {@code log C} for a uniform one.
     *
     * @param probabilities one row of class probabilities per clip
     * @return each row's entropy
     */
    public static double[] entropy(float[][] probabilities) {
        double[] result = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            result[i] = entropyOf(probabilities[i]);
        }
        return result;
    }

    /**
     * Least confidence, {@code 1 - max p}.
     *
     * @param probabilities one row of class probabilities per clip
     * @return each row's least-confidence value
     */
    public static double[] leastConfidence(float[][] probabilities) {
        double[] result = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            double max = 0;
            for (float p : probabilities[i]) {
                max = Math.max(max, p);
            }
            result[i] = 1 - max;
        }
        return result;
    }

    /**
     * The margin between the two most likely classes, {@code p1 - p2}: small means the model hesitates between two
     * classes. Unlike the other measures, smaller is more uncertain.
     *
     * @param probabilities one row of class probabilities per clip
     * @return each row's margin
     */
    public static double[] margin(float[][] probabilities) {
        double[] result = new double[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            double first = Double.NEGATIVE_INFINITY;
            double second = Double.NEGATIVE_INFINITY;
            for (float p : probabilities[i]) {
                if (p > first) {
                    second = first;
                    first = p;
                } else if (p > second) {
                    second = p;
                }
            }
            result[i] = probabilities[i].length < 2 ? 1 : first - second;
        }
        return result;
    }

    /**
     * BALD's mutual information between the prediction and the model's weights, estimated from Monte Carlo dropout
     * passes: the entropy of the mean prediction minus the mean entropy of the passes. It is high when the passes
     * disagree with each other (the model does not know), not merely when each pass is unsure (the clip is
     * ambiguous).
     *
     * @param passes {@code passes x clips x classes} probabilities
     * @return each clip's mutual information in nats, never negative
     */
    public static double[] mutualInformation(float[][][] passes) {
        if (passes.length == 0) {
            throw new IllegalArgumentException("BALD needs at least one dropout pass");
        }
        int clips = passes[0].length;
        int classes = clips == 0 ? 0 : passes[0][0].length;
        double[] result = new double[clips];
        float[] mean = new float[classes];
        for (int i = 0; i < clips; i++) {
            java.util.Arrays.fill(mean, 0f);
            double meanEntropy = 0;
            for (float[][] pass : passes) {
                float[] row = pass[i];
                for (int c = 0; c < classes; c++) {
                    mean[c] += row[c] / passes.length;
                }
                meanEntropy += entropyOf(row) / passes.length;
            }
            // Rounding can push a tiny true value below zero.
            result[i] = Math.max(0, entropyOf(mean) - meanEntropy);
        }
        return result;
    }

    /**
     * Returns each row's most likely class.
     *
     * @param probabilities one row of class probabilities per clip
     * @return the index of each row's largest value (the first on ties)
     */
    public static int[] argmax(float[][] probabilities) {
        int[] result = new int[probabilities.length];
        for (int i = 0; i < probabilities.length; i++) {
            float[] row = probabilities[i];
            int best = 0;
            for (int c = 1; c < row.length; c++) {
                if (row[c] > row[best]) {
                    best = c;
                }
            }
            result[i] = best;
        }
        return result;
    }

    private static double entropyOf(float[] row) {
        double h = 0;
        for (float p : row) {
            if (p > 0) {
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}

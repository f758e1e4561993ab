package org.gesturelab.core;

import java.util.List;

/**
 * Clips with their labels, the input of training and evaluation.
 *
 * @param clips raw keypoint clips, {@code frames x 1662} each
 * @param labels each clip's class, an index into {@code classes}
 * @param classes the class names
 * @param weights how much each clip counts in training, relative to the others, or null when every clip counts the
 *     same (evaluation ignores them)
 */
public record LabeledClips(List<float[][]> clips, int[] labels, List<String> classes, double[] weights) {

    /**
     * Checks that every clip has a label in range, and a positive weight when there are weights.
     *
     * @throws IllegalArgumentException if not
     */
    public LabeledClips {
        clips = List.copyOf(clips);
        labels = labels.clone();
        classes = List.copyOf(classes);
        weights = weights == null ? null : weights.clone();
        if (clips.size() != labels.length) {
            throw new IllegalArgumentException(clips.size() + " clips but " + labels.length + " labels");
        }
        for (int label : labels) {
            if (label < 0 || label >= classes.size()) {
                throw new IllegalArgumentException("label " + label + " out of range for " + classes.size() + " classes");
            }
        }
        if (weights != null) {
            if (weights.length != labels.length) {
                throw new IllegalArgumentException(labels.length + " clips but " + weights.length + " weights");
            }
            for (double weight : weights) {
                if (!(weight > 0) || Double.isInfinite(weight)) {
                    throw new IllegalArgumentException("a clip's weight must be positive, got " + weight);
                }
            }
        }
    }

    /**
     * Clips that all count the same.
     *
     * @param clips raw keypoint clips
     * @param labels each clip's class
     * @param classes the class names
     */
    public LabeledClips(List<float[][]> clips, int[] labels, List<String> classes) {
        this(clips, labels, classes, null);
    }

    /**
     * Returns the same clips with training weights.
     *
     * @param clipWeights one positive weight per clip, or null for equal weights
     * @return the weighted clips
     */
    public LabeledClips withWeights(double[] clipWeights) {
        return new LabeledClips(clips, labels, classes, clipWeights);
    }

    /**
     * Returns how much a clip counts in training.
     *
     * @param index the clip
     * @return its weight, 1 without weights
     */
    public double weight(int index) {
        return weights == null ? 1 : weights[index];
    }

    /** Returns the number of clips. */
    public int size() {
        return clips.size();
    }
}

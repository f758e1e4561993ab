package org.gesturelab.core;

import java.util.List;

/**
 * Clips with their labels, the input of training and evaluation.
 *
 * @param clips raw keypoint clips, {@code frames x 1662} each
 * @param labels each clip's class, an index into {@code classes}
 * @param classes the class names
 */
public record LabeledClips(List<float[][]> clips, int[] labels, List<String> classes) {

    /**
     * Checks that every clip has a label in range.
     *
     * @throws IllegalArgumentException if not
     */
    public LabeledClips {
        clips = List.copyOf(clips);
        labels = labels.clone();
        classes = List.copyOf(classes);
        if (clips.size() != labels.length) {
            throw new IllegalArgumentException(clips.size() + " clips but " + labels.length + " labels");
        }
        for (int label : labels) {
            if (label < 0 || label >= classes.size()) {
                throw new IllegalArgumentException("label " + label + " out of range for " + classes.size() + " classes");
            }
        }
    }

    /** Returns the number of clips. */
    public int size() {
        return clips.size();
    }
}

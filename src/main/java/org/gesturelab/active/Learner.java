package org.gesturelab.active;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;

/**
 * Trains a classifier on the clips labeled so far; the loop's only view of training. Production code adapts the DJL
 * trainer of {@code org.gesturelab.classify}; tests may use any genuinely trained model.
 */
@FunctionalInterface
public interface Learner {

    /**
     * Trains a model.
     *
     * @param labeled every labeled clip so far
     * @param previous the previous round's model to continue from (warm start), or null to train from scratch; the
     *     learner must not close it, the loop does
     * @param monitor progress and cancellation
     * @return a new model, owned by the caller
     */
    GestureClassifier fit(LabeledClips labeled, GestureClassifier previous, TaskMonitor monitor);
}

package org.gesturelab.active;

import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.core.TaskMonitor;

/**
 * The loop's learner backed by the DJL trainer of {@code org.gesturelab.classify}. A warm start continues from the
 * previous round's weights and needs fewer epochs, so it gets its own settings.
 */
public final class TrainerLearner implements Learner {

    private final TrainingConfig fromScratch;
    private final TrainingConfig warm;

    /**
     * Creates the learner.
     *
     * @param fromScratch the settings for a model trained from scratch
     * @param warm the settings for a model continued from the previous round's
     */
    public TrainerLearner(TrainingConfig fromScratch, TrainingConfig warm) {
        this.fromScratch = fromScratch;
        this.warm = warm;
    }

    @Override
    public GestureClassifier fit(LabeledClips labeled, GestureClassifier previous, TaskMonitor monitor) {
        return ClassifierTrainer.train(labeled, previous == null ? fromScratch : warm, previous, monitor);
    }
}

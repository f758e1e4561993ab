package org.gesturelab.dataset;

import java.time.Instant;

/**
 * One training of a classifier on the project's labels.
 *
 * @param id the run's id (0 before {@link Project#saveTrainingRun} stores it)
 * @param startedAt when training started
 * @param finishedAt when it finished, or null if it did not
 * @param modelPath where the trained model was saved (relative to the project or absolute), or null
 * @param trainClips how many clips it trained on
 * @param testClips how many test clips it was evaluated on
 * @param testAccuracy its accuracy on those, or null if not evaluated
 * @param details anything else as JSON (settings, per-class metrics, model card), or null
 */
public record TrainingRun(long id, Instant startedAt, Instant finishedAt, String modelPath, int trainClips,
        int testClips, Double testAccuracy, String details) {
}

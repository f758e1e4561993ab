package org.gesturelab.dataset;

import java.time.Instant;

/**
 * One round of active learning: a model was trained, a batch was queried. The app's history table and the
 * learning curves of simulations read these.
 *
 * @param id the iteration's id (0 before {@link Project#saveIteration} stores it)
 * @param session which series it belongs to: {@code interactive} for the user's own labeling, or a simulation's
 *     name so that several simulated runs can live side by side
 * @param number its position within the session, from 1
 * @param at when it ended
 * @param strategy the query strategy's name, or null
 * @param queryBatchId the batch it queried, or null
 * @param trainingRunId the model it trained, or null
 * @param labeledClips how many training clips were labeled when it ended
 * @param testAccuracy the model's test accuracy, or null
 * @param details anything else as JSON, or null
 */
public record Iteration(long id, String session, int number, Instant at, String strategy, Long queryBatchId,
        Long trainingRunId, int labeledClips, Double testAccuracy, String details) {

    /** The session name of the user's own labeling. */
    public static final String INTERACTIVE = "interactive";
}

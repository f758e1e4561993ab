package org.gesturelab.dataset;

import java.time.Instant;
import java.util.List;

/**
 * The clips an active-learning strategy asked the user to label, in the order it ranked them.
 *
 * @param id the batch's id (0 before {@link Project#saveQueryBatch} stores it)
 * @param createdAt when the strategy chose them
 * @param strategy the strategy's name, for example {@code entropy} or {@code claus}
 * @param trainingRunId the model that scored them, or null
 * @param items the chosen clips, best first
 */
public record QueryBatch(long id, Instant createdAt, String strategy, Long trainingRunId, List<Item> items) {

    /** Copies the items. */
    public QueryBatch {
        items = List.copyOf(items);
    }

    /**
     * Returns an unsaved batch made now.
     *
     * @param strategy the strategy's name
     * @param trainingRunId the model that scored the clips, or null
     * @param items the chosen clips, best first
     * @return the batch
     */
    public static QueryBatch of(String strategy, Long trainingRunId, List<Item> items) {
        return new QueryBatch(0, Instant.now(), strategy, trainingRunId, items);
    }

    /**
     * One chosen clip.
     *
     * @param clipId the clip
     * @param score the strategy's score (higher means more informative), or NaN
     * @param predictedLabel the model's guess, or null
     */
    public record Item(long clipId, double score, Integer predictedLabel) {
    }
}

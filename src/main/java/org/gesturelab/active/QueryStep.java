package org.gesturelab.active;

import java.util.List;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.TaskMonitor;

/**
 * The query at the start of every labeling round, wherever the round runs (the active-learning loop of
 * {@code label} and {@code simulate}, the app's Label screen, a cold start): the strategy picks clips from the pool
 * with the current model, at random while there is none yet, and the batch is recorded.
 */
public final class QueryStep {

    private QueryStep() {
    }

    /**
     * Picks and records a batch.
     *
     * @param data where the batch is recorded and the labels counted
     * @param pool the clips that may be offered
     * @param model the current model, or null to pick at random
     * @param strategy the strategy to use with a model
     * @param round the round's number
     * @param k how many clips
     * @param seed the strategy's seed
     * @param monitor progress and cancellation
     * @return the recorded batch, best clip first
     */
    public static RankedBatch pick(LabelingData data, List<PoolClip> pool, GestureClassifier model,
            QueryStrategy strategy, int round, int k, long seed, TaskMonitor monitor) {
        QueryStrategy used = model == null ? new RandomStrategy() : strategy;
        List<RankedClip> picked = used.select(model, pool, k, seed, monitor);
        RankedBatch batch = new RankedBatch(round, used.name(), data.labeled().size(), picked);
        data.recordBatch(batch);
        return batch;
    }
}

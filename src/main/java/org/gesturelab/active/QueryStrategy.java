package org.gesturelab.active;

import java.util.List;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.TaskMonitor;

/**
 * Picks the pool clips whose labels should help the model most. Strategies are stateless: the loop asks the
 * <em>current</em> model every round.
 */
public interface QueryStrategy {

    /** Returns the strategy's command-line name, e.g. {@code entropy}. */
    String name();

    /**
     * Ranks the pool and returns the best {@code k} clips, best first.
     *
     * @param model the current model
     * @param pool the unlabeled clips that may be offered
     * @param k how many clips to return at most
     * @param seed the seed for any randomness (random choice, k-means initialization, dropout masks)
     * @param monitor progress and cancellation
     * @return at most {@code k} clips, ranks 1, 2, ...
     */
    List<RankedClip> select(GestureClassifier model, List<PoolClip> pool, int k, long seed, TaskMonitor monitor);

    /**
     * Returns the frames of every pool clip, in pool order, to hand to the model in one call.
     *
     * @param pool the pool
     * @return the clips' frames
     */
    static List<float[][]> framesOf(List<PoolClip> pool) {
        return pool.stream().map(PoolClip::frames).toList();
    }
}

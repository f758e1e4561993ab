package org.gesturelab.active;

import java.util.List;

import org.gesturelab.core.LabeledClips;

/**
 * Where the loop's clips live and where its labels, batches and iterations go: a project on disk, or memory in a
 * simulation.
 */
public interface LabelingData {

    /** Returns the labeled training clips so far. */
    LabeledClips labeled();

    /** Returns the fixed test split. */
    LabeledClips test();

    /** Returns the unlabeled clips that may still be queried, skipped ones included. */
    List<PoolClip> pool();

    /**
     * Stores a batch's answers: labeled clips join the training set and leave the pool; skipped clips stay in the
     * pool and are remembered as skipped.
     *
     * @param answers the answers, in labeling order
     */
    void apply(List<Labeler.Answer> answers);

    /**
     * Records a query batch.
     *
     * @param batch the batch
     */
    default void recordBatch(RankedBatch batch) {
    }

    /**
     * Records an iteration.
     *
     * @param iteration the iteration
     */
    default void recordIteration(CurvePoint iteration) {
    }
}

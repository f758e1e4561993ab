package org.gesturelab.active;

import java.util.List;

/**
 * Gives labels to a batch of queried clips: the person at the keyboard, or in a simulation an oracle that knows
 * the true labels.
 */
@FunctionalInterface
public interface Labeler {

    /**
     * Labels a batch.
     *
     * @param batch the clips to label, best first
     * @return the answers, and whether to stop after this batch
     */
    Result label(RankedBatch batch);

    /**
     * One answer: a class index, or {@link #SKIPPED}.
     *
     * @param clipId the clip
     * @param label the class index, or {@link #SKIPPED}
     */
    record Answer(long clipId, int label) {

        /** The label of a skipped clip. */
        public static final int SKIPPED = -1;

        /** Returns whether the clip was skipped. */
        public boolean skipped() {
            return label == SKIPPED;
        }
    }

    /**
     * A labeled batch.
     *
     * @param answers one answer per clip the labeler got to, in labeling order; may be fewer than the batch when
     *     the user stopped early
     * @param stop whether the user asked to stop the loop after this batch
     */
    record Result(List<Answer> answers, boolean stop) {

        /** Copies the answers. */
        public Result {
            answers = List.copyOf(answers);
        }
    }
}

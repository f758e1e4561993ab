package org.gesturelab.active;

import java.util.Objects;

/**
 * A clip a strategy picked for labeling, with its place in the batch and the reason it was picked.
 *
 * @param clipId the {@link PoolClip#id()} of the clip
 * @param rank its position in the batch, 1 for the clip to label first
 * @param score the value the strategy ranked by (higher is picked earlier)
 * @param why what the score is made of
 */
public record RankedClip(long clipId, int rank, double score, Why why) {

    /** Checks the fields. */
    public RankedClip {
        Objects.requireNonNull(why, "why");
        if (rank < 1) {
            throw new IllegalArgumentException("rank starts at 1, got " + rank);
        }
    }

    /**
     * Why a clip was ranked where it is.
     *
     * @param measure the uncertainty measure ({@code entropy}, {@code margin}, {@code bald}, {@code random}, ...)
     * @param uncertainty the measure's raw value for the clip (for {@code margin}, the gap between the two most
     *     likely classes; smaller is more uncertain)
     * @param predicted the class the current model finds most likely, or -1 when the strategy did not ask the model
     * @param cluster the embedding cluster the clip belongs to, or -1 when the strategy does not cluster
     * @param penalty the fraction taken off the score for diversity (0 when none), e.g. for being within a few
     *     frames of a window of the same recording already in the batch
     */
    public record Why(String measure, double uncertainty, int predicted, int cluster, double penalty) {

        /** Checks the fields. */
        public Why {
            Objects.requireNonNull(measure, "measure");
        }

        /**
         * Returns a one-line explanation for people, e.g. {@code entropy 1.042, cluster 3, penalty 0.50}.
         *
         * @return the explanation
         */
        public String describe() {
            StringBuilder text = new StringBuilder(measure);
            if (!"random".equals(measure)) {
                text.append(String.format(" %.3f", uncertainty));
            }
            if (cluster >= 0) {
                text.append(", cluster ").append(cluster);
            }
            if (penalty > 0) {
                text.append(String.format(", penalty %.2f", penalty));
            }
            return text.toString();
        }
    }
}

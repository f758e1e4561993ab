package org.gesturelab.active;

import java.util.Objects;

/**
 * How the labeling loop runs.
 *
 * @param strategy the query strategy
 * @param batchSize clips queried per round
 * @param targetF1 the macro F1 on the test split at which the loop stops
 * @param warmStart whether each retraining continues from the previous model (faster) instead of starting over
 * @param skipCooldown how many following batches a skipped clip is kept out of; 0 offers it again at once
 * @param maxRounds the most query rounds to run, or 0 for no limit
 * @param maxLabels stop once this many clips are labeled, or 0 for no limit
 * @param seed the base seed; round r queries with {@code seed + r}
 */
public record LoopSettings(QueryStrategy strategy, int batchSize, double targetF1, boolean warmStart,
        int skipCooldown, int maxRounds, int maxLabels, long seed) {

    /** The default target macro F1. */
    public static final double DEFAULT_TARGET_F1 = 0.9;

    /** Checks the fields. */
    public LoopSettings {
        Objects.requireNonNull(strategy, "strategy");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (skipCooldown < 0 || maxRounds < 0 || maxLabels < 0) {
            throw new IllegalArgumentException("skipCooldown, maxRounds and maxLabels must not be negative");
        }
    }

    /**
     * Returns the defaults for a strategy: batches of 10, target 0.9, warm start, skipped clips kept out of the
     * next batch, no limits, seed 42.
     *
     * @param strategy the strategy
     * @return the settings
     */
    public static LoopSettings defaults(QueryStrategy strategy) {
        return new LoopSettings(strategy, 10, DEFAULT_TARGET_F1, true, 1, 0, 0, 42);
    }

    /**
     * Returns a copy with another target.
     *
     * @param target the target macro F1
     * @return the copy
     */
    public LoopSettings withTargetF1(double target) {
        return new LoopSettings(strategy, batchSize, target, warmStart, skipCooldown, maxRounds, maxLabels, seed);
    }
}

package org.gesturelab.active;

import java.util.ArrayList;
import java.util.List;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.TaskMonitor;

/**
 * Uncertainty sampling from one forward pass over the pool: entropy, least confidence or margin. The classic
 * baselines of active learning, and cheap: one prediction per pool clip.
 */
public final class UncertaintyStrategy implements QueryStrategy {

    /** Which uncertainty measure to rank by. */
    public enum Measure {
        /** Shannon entropy of the prediction: uncertain over all classes. */
        ENTROPY("entropy"),
        /** One minus the top probability. */
        LEAST_CONFIDENCE("least-confidence"),
        /** The smallest gap between the two most likely classes. */
        MARGIN("margin");

        private final String label;

        Measure(String label) {
            this.label = label;
        }

        /** Returns the command-line name. */
        public String label() {
            return label;
        }

        /**
         * Returns the measure's raw value per clip (for {@link #MARGIN} the gap, where smaller is more uncertain).
         *
         * @param probabilities one row of class probabilities per clip
         * @return the values
         */
        public double[] raw(float[][] probabilities) {
            return switch (this) {
                case ENTROPY -> Uncertainty.entropy(probabilities);
                case LEAST_CONFIDENCE -> Uncertainty.leastConfidence(probabilities);
                case MARGIN -> Uncertainty.margin(probabilities);
            };
        }

        /**
         * Turns raw values into scores where higher is more uncertain ({@code 1 - margin} for the margin).
         *
         * @param raw the values of {@link #raw}
         * @return the scores
         */
        public double[] score(double[] raw) {
            if (this != MARGIN) {
                return raw;
            }
            double[] score = new double[raw.length];
            for (int i = 0; i < raw.length; i++) {
                score[i] = 1 - raw[i];
            }
            return score;
        }
    }

    private final Measure measure;

    /**
     * Creates the strategy.
     *
     * @param measure the measure to rank by
     */
    public UncertaintyStrategy(Measure measure) {
        this.measure = measure;
    }

    @Override
    public String name() {
        return measure.label();
    }

    @Override
    public List<RankedClip> select(GestureClassifier model, List<PoolClip> pool, int k, long seed,
            TaskMonitor monitor) {
        monitor.checkCancelled();
        monitor.update("Scoring the pool (" + name() + ")", 0, pool.size());
        float[][] probabilities = model.predict(QueryStrategy.framesOf(pool));
        monitor.update("Scoring the pool (" + name() + ")", pool.size(), pool.size());
        return rank(probabilities, pool, k);
    }

    /**
     * Ranks pool clips from their predicted probabilities; the part of {@link #select} after the model.
     *
     * @param probabilities one row per pool clip
     * @param pool the pool, in the same order
     * @param k how many to return
     * @return the best {@code k}, best first
     */
    public List<RankedClip> rank(float[][] probabilities, List<PoolClip> pool, int k) {
        double[] raw = measure.raw(probabilities);
        double[] score = measure.score(raw);
        int[] predicted = Uncertainty.argmax(probabilities);
        List<RankedClip> batch = new ArrayList<>();
        for (int index : Ranking.topK(score, k)) {
            batch.add(new RankedClip(pool.get(index).id(), batch.size() + 1, score[index],
                    new RankedClip.Why(name(), raw[index], predicted[index], -1, 0)));
        }
        return batch;
    }
}

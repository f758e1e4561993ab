package org.gesturelab.active;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.core.TaskMonitor;

/**
 * BALD (Houlsby et al. 2011, with Gal et al.'s Monte Carlo dropout): ranks by the mutual information between the
 * prediction and the model weights, estimated from several forward passes with dropout left on. It prefers clips
 * the model <em>could</em> learn from over clips that are ambiguous in themselves.
 */
public final class BaldStrategy implements QueryStrategy {

    /** The default number of dropout passes. */
    public static final int DEFAULT_PASSES = 10;

    private final int passes;

    /**
     * Creates the strategy.
     *
     * @param passes the number of dropout passes, at least 2
     */
    public BaldStrategy(int passes) {
        if (passes < 2) {
            throw new IllegalArgumentException("BALD needs at least 2 dropout passes, got " + passes);
        }
        this.passes = passes;
    }

    @Override
    public String name() {
        return "bald";
    }

    /**
     * Says why BALD cannot rank with a model, if it cannot: a model without dropout (a classical one) gives the
     * same prediction on every pass, so BALD ranks by entropy instead.
     *
     * @param model the model, or null
     * @return the sentence to show the user, or empty when BALD works with this model
     */
    public static Optional<String> fallbackNote(GestureClassifier model) {
        if (model == null || model.hasDropout()) {
            return Optional.empty();
        }
        String name = model instanceof TrainedClassifier trained ? "the " + trained.card().architecture() + " model"
                : "this model";
        return Optional.of("BALD needs Monte Carlo dropout, which " + name + " does not have: these clips are ranked "
                + "by entropy instead.");
    }

    @Override
    public List<RankedClip> select(GestureClassifier model, List<PoolClip> pool, int k, long seed,
            TaskMonitor monitor) {
        monitor.checkCancelled();
        if (!model.hasDropout()) {
            // Every dropout pass would be the same prediction, so the mutual information is 0 everywhere.
            return new UncertaintyStrategy(UncertaintyStrategy.Measure.ENTROPY).select(model, pool, k, seed, monitor);
        }
        monitor.update("Scoring the pool (BALD, " + passes + " dropout passes)", 0, pool.size());
        float[][][] samples = model.predictWithDropout(QueryStrategy.framesOf(pool), passes, seed);
        monitor.update("Scoring the pool (BALD, " + passes + " dropout passes)", pool.size(), pool.size());
        return rank(samples, pool, k);
    }

    /**
     * Ranks pool clips from their dropout passes; the part of {@link #select} after the model.
     *
     * @param samples {@code passes x clips x classes} probabilities
     * @param pool the pool, in clip order
     * @param k how many to return
     * @return the best {@code k}, best first
     */
    public List<RankedClip> rank(float[][][] samples, List<PoolClip> pool, int k) {
        double[] information = Uncertainty.mutualInformation(samples);
        int[] predicted = Uncertainty.argmax(meanOf(samples));
        List<RankedClip> batch = new ArrayList<>();
        for (int index : Ranking.topK(information, k)) {
            batch.add(new RankedClip(pool.get(index).id(), batch.size() + 1, information[index],
                    new RankedClip.Why(name(), information[index], predicted[index], -1, 0)));
        }
        return batch;
    }

    private static float[][] meanOf(float[][][] samples) {
        int clips = samples[0].length;
        float[][] mean = new float[clips][];
        for (int i = 0; i < clips; i++) {
            mean[i] = new float[samples[0][i].length];
            for (float[][] pass : samples) {
                for (int c = 0; c < mean[i].length; c++) {
                    mean[i][c] += pass[i][c] / samples.length;
                }
            }
        }
        return mean;
    }
}

package org.gesturelab.active;

import java.util.ArrayList;
import java.util.List;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.TaskMonitor;

/**
 * A clustering-aware hybrid after CLAUS (Clustering-Aware Uncertainty Scoring, Rana and Rawat, CVPR 2023):
 * uncertainty tells which clips the model would learn from, clustering keeps the batch diverse.
 *
 * <p>The pool is clustered with k-means on the current model's embeddings; clips are then picked greedily by
 * uncertainty, with two diversity rules: no cluster may take more than a share of the batch (so ten near-copies of
 * one confusing gesture do not fill it), and a window of a recording within a few frames of a window already picked
 * loses part of its score (CLAUS's suppression of neighbouring frames: overlapping windows show the same motion).
 * When every remaining clip sits in a full cluster the cap is lifted rather than returning a short batch.
 */
public final class ClausStrategy implements QueryStrategy {

    /**
     * How CLAUS trades uncertainty for diversity.
     *
     * @param clusters the number of k-means clusters; 0 picks {@code max(2, k)} for a batch of k
     * @param maxClusterShare the largest fraction of a batch one cluster may take, in (0, 1]
     * @param neighbourFrames windows of one recording whose start frames differ by at most this many frames are
     *     neighbours
     * @param neighbourPenalty the fraction of a clip's score taken off for each neighbour already in the batch,
     *     in [0, 1]
     * @param measure the uncertainty measure
     */
    public record Settings(int clusters, double maxClusterShare, int neighbourFrames, double neighbourPenalty,
            UncertaintyStrategy.Measure measure) {

        /** The defaults: clusters as many as the batch, at most 30% of a batch per cluster, 15 frames, half off. */
        public static final Settings DEFAULT = new Settings(0, 0.3, 15, 0.5, UncertaintyStrategy.Measure.ENTROPY);

        /** Checks the fields. */
        public Settings {
            if (clusters < 0) {
                throw new IllegalArgumentException("clusters must be 0 (automatic) or more, got " + clusters);
            }
            if (!(maxClusterShare > 0 && maxClusterShare <= 1)) {
                throw new IllegalArgumentException("maxClusterShare must be in (0, 1], got " + maxClusterShare);
            }
            if (neighbourFrames < 0) {
                throw new IllegalArgumentException("neighbourFrames must not be negative, got " + neighbourFrames);
            }
            if (!(neighbourPenalty >= 0 && neighbourPenalty <= 1)) {
                throw new IllegalArgumentException("neighbourPenalty must be in [0, 1], got " + neighbourPenalty);
            }
        }

        /**
         * Returns how many clips one cluster may contribute to a batch of {@code k}.
         *
         * @param k the batch size
         * @return at least 1
         */
        public int clusterCap(int k) {
            return Math.max(1, (int) Math.ceil(k * maxClusterShare - 1e-9));
        }
    }

    private final Settings settings;

    /**
     * Creates the strategy.
     *
     * @param settings the trade-off settings
     */
    public ClausStrategy(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "claus";
    }

    @Override
    public List<RankedClip> select(GestureClassifier model, List<PoolClip> pool, int k, long seed,
            TaskMonitor monitor) {
        monitor.checkCancelled();
        String message = "Scoring and clustering the pool (claus)";
        monitor.update(message, 0, 3);
        List<float[][]> frames = QueryStrategy.framesOf(pool);
        float[][] probabilities = model.predict(frames);
        monitor.update(message, 1, 3);
        monitor.checkCancelled();
        float[][] embeddings = model.embed(frames);
        monitor.update(message, 2, 3);
        monitor.checkCancelled();
        int clusters = settings.clusters() > 0 ? settings.clusters() : Math.max(2, k);
        KMeans.Clustering clustering = KMeans.fit(embeddings, clusters, seed, KMeans.DEFAULT_MAX_ITERATIONS);
        monitor.update(message, 3, 3);
        double[] uncertainty = settings.measure().score(settings.measure().raw(probabilities));
        return pick(uncertainty, Uncertainty.argmax(probabilities), clustering.assignment(), pool, k);
    }

    /**
     * The greedy, diversity-aware pick; the part of {@link #select} after the model and the clustering.
     *
     * @param uncertainty each pool clip's uncertainty (higher is more uncertain)
     * @param predicted each clip's predicted class
     * @param cluster each clip's cluster
     * @param pool the pool, in the same order
     * @param k the batch size
     * @return the batch, best first
     */
    public List<RankedClip> pick(double[] uncertainty, int[] predicted, int[] cluster, List<PoolClip> pool, int k) {
        int n = pool.size();
        int size = Math.min(k, n);
        int cap = settings.clusterCap(k);
        int clusterCount = 0;
        for (int c : cluster) {
            clusterCount = Math.max(clusterCount, c + 1);
        }
        int[] taken = new int[clusterCount];
        boolean[] picked = new boolean[n];
        List<Integer> chosen = new ArrayList<>();
        List<RankedClip> batch = new ArrayList<>();
        for (int step = 0; step < size; step++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            int fallback = -1;
            double fallbackScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (picked[i]) {
                    continue;
                }
                double score = uncertainty[i] * (1 - penalty(pool, chosen, i));
                if (score > fallbackScore) {
                    fallbackScore = score;
                    fallback = i;
                }
                if (taken[cluster[i]] < cap && score > bestScore) {
                    bestScore = score;
                    best = i;
                }
            }
            int index = best >= 0 ? best : fallback;
            double penalty = penalty(pool, chosen, index);
            picked[index] = true;
            chosen.add(index);
            taken[cluster[index]]++;
            batch.add(new RankedClip(pool.get(index).id(), batch.size() + 1, uncertainty[index] * (1 - penalty),
                    new RankedClip.Why("claus/" + settings.measure().label(), uncertainty[index], predicted[index],
                            cluster[index], penalty)));
        }
        return batch;
    }

    /** The fraction of clip {@code i}'s score taken off for the neighbouring windows already chosen. */
    private double penalty(List<PoolClip> pool, List<Integer> chosen, int i) {
        if (settings.neighbourPenalty() == 0) {
            return 0;
        }
        PoolClip clip = pool.get(i);
        int neighbours = 0;
        for (int j : chosen) {
            PoolClip other = pool.get(j);
            if (other.recording().equals(clip.recording())
                    && Math.abs(other.startFrame() - clip.startFrame()) <= settings.neighbourFrames()) {
                neighbours++;
            }
        }
        return neighbours == 0 ? 0 : 1 - Math.pow(1 - settings.neighbourPenalty(), neighbours);
    }
}

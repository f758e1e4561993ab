package org.gesturelab.active;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded k-means with k-means++ initialization (Arthur and Vassilvitskii 2007): the same points, k and seed always
 * give the same clusters.
 */
public final class KMeans {

    /** The default cap on Lloyd iterations; pools of a few thousand clips converge well before it. */
    public static final int DEFAULT_MAX_ITERATIONS = 50;

    private KMeans() {
    }

    /**
     * The result of clustering.
     *
     * @param assignment each point's cluster, in {@code 0..k-1}
     * @param centroids the cluster centres, {@code k x dimensions}
     * @param iterations the Lloyd iterations run
     */
    public record Clustering(int[] assignment, float[][] centroids, int iterations) {

        /** Returns the number of clusters. */
        public int k() {
            return centroids.length;
        }

        /** Returns how many points each cluster holds. */
        public int[] sizes() {
            int[] sizes = new int[centroids.length];
            for (int cluster : assignment) {
                sizes[cluster]++;
            }
            return sizes;
        }
    }

    /**
     * Clusters points.
     *
     * @param points the points, all of one length
     * @param k the number of clusters; reduced to the number of points when larger
     * @param seed the seed for k-means++
     * @param maxIterations the cap on Lloyd iterations
     * @return the clustering
     */
    public static Clustering fit(float[][] points, int k, long seed, int maxIterations) {
        int n = points.length;
        if (n == 0) {
            return new Clustering(new int[0], new float[0][], 0);
        }
        int clusters = Math.max(1, Math.min(k, n));
        int dims = points[0].length;
        float[][] centroids = initialize(points, clusters, new SplittableRandom(seed));
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        int iteration = 0;
        boolean changed = true;
        while (changed && iteration < maxIterations) {
            iteration++;
            changed = false;
            for (int i = 0; i < n; i++) {
                int nearest = nearest(points[i], centroids);
                if (nearest != assignment[i]) {
                    assignment[i] = nearest;
                    changed = true;
                }
            }
            double[][] sums = new double[clusters][dims];
            int[] counts = new int[clusters];
            for (int i = 0; i < n; i++) {
                counts[assignment[i]]++;
                for (int d = 0; d < dims; d++) {
                    sums[assignment[i]][d] += points[i][d];
                }
            }
            for (int c = 0; c < clusters; c++) {
                if (counts[c] == 0) {
                    // An emptied cluster takes over the point farthest from its centre, so k stays k.
                    int farthest = farthestPoint(points, assignment, centroids);
                    centroids[c] = points[farthest].clone();
                    assignment[farthest] = c;
                    changed = true;
                    continue;
                }
                for (int d = 0; d < dims; d++) {
                    centroids[c][d] = (float) (sums[c][d] / counts[c]);
                }
            }
        }
        return new Clustering(assignment, centroids, iteration);
    }

    private static float[][] initialize(float[][] points, int k, SplittableRandom random) {
        int n = points.length;
        float[][] centroids = new float[k][];
        centroids[0] = points[random.nextInt(n)].clone();
        double[] distance = new double[n];
        for (int i = 0; i < n; i++) {
            distance[i] = squaredDistance(points[i], centroids[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double d : distance) {
                total += d;
            }
            int chosen;
            if (total <= 0) {
                // Fewer distinct points than clusters: any point will do, the duplicates stay empty-proof.
                chosen = random.nextInt(n);
            } else {
                double target = random.nextDouble() * total;
                chosen = n - 1;
                double cumulative = 0;
                for (int i = 0; i < n; i++) {
                    cumulative += distance[i];
                    if (cumulative >= target && distance[i] > 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centroids[c] = points[chosen].clone();
            for (int i = 0; i < n; i++) {
                distance[i] = Math.min(distance[i], squaredDistance(points[i], centroids[c]));
            }
        }
        return centroids;
    }

    private static int farthestPoint(float[][] points, int[] assignment, float[][] centroids) {
        int farthest = 0;
        double worst = -1;
        for (int i = 0; i < points.length; i++) {
            double d = squaredDistance(points[i], centroids[assignment[i]]);
            if (d > worst) {
                worst = d;
                farthest = i;
            }
        }
        return farthest;
    }

    static int nearest(float[] point, float[][] centroids) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double d = squaredDistance(point, centroids[c]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        return best;
    }

    static double squaredDistance(float[] a, float[] b) {
        double sum = 0;
        for (int d = 0; d < a.length; d++) {
            double diff = a[d] - b[d];
            sum += diff * diff;
        }
        return sum;
    }
}

package org.gesturelab.active;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ClausStrategyTest {

    /** Three well separated blobs of 20 points each, shuffled. */
    private static float[][] blobs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] points = new float[60][];
        for (int i = 0; i < 60; i++) {
            int blob = i % 3;
            points[i] = new float[] {blob * 10 + (float) random.nextDouble(), (float) random.nextDouble()};
        }
        return points;
    }

    @Test
    void kMeansIsDeterministicForASeedAndFindsSeparatedBlobs() {
        float[][] points = blobs(1);
        KMeans.Clustering a = KMeans.fit(points, 3, 5, 50);
        KMeans.Clustering b = KMeans.fit(points, 3, 5, 50);
        assertArrayEquals(a.assignment(), b.assignment());
        assertArrayEquals(new int[] {20, 20, 20}, a.sizes());
        for (int i = 3; i < 60; i++) {
            assertEquals(a.assignment()[i % 3], a.assignment()[i], "point " + i + " left its blob");
        }
        assertNotEquals(a.assignment()[0], a.assignment()[1]);
        assertNotEquals(a.assignment()[1], a.assignment()[2]);
    }

    @Test
    void kMeansHandlesMoreClustersThanDistinctPoints() {
        float[][] points = {{0, 0}, {0, 0}, {1, 1}};
        KMeans.Clustering c = KMeans.fit(points, 5, 1, 50);
        assertEquals(3, c.k());
        assertEquals(3, c.assignment().length);
        assertEquals(c.assignment()[0] == c.assignment()[1] || c.assignment()[0] != c.assignment()[2], true);
    }

    @Test
    void clusterCapSpreadsTheBatchOverClusters() {
        // The six most uncertain clips all sit in cluster 0.
        double[] uncertainty = {0.99, 0.98, 0.97, 0.96, 0.95, 0.94, 0.5, 0.4, 0.3, 0.2};
        int[] cluster = {0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
        List<PoolClip> pool = StrategyMathTest.pool(10);
        ClausStrategy claus = new ClausStrategy(new ClausStrategy.Settings(3, 0.4, 15, 0.5,
                UncertaintyStrategy.Measure.ENTROPY));
        List<RankedClip> batch = claus.pick(uncertainty, new int[10], cluster, pool, 5);
        // cap = ceil(5 * 0.4) = 2 per cluster
        assertArrayEquals(new long[] {100, 101, 106, 107, 108},
                batch.stream().mapToLong(RankedClip::clipId).toArray());
        assertEquals(1, batch.get(2).why().cluster());
        assertTrue(batch.get(0).why().describe().contains("cluster 0"), batch.get(0).why().describe());
    }

    @Test
    void capIsLiftedWhenOnlyFullClustersRemain() {
        double[] uncertainty = {0.9, 0.8, 0.7, 0.6};
        int[] cluster = {0, 0, 0, 0};
        ClausStrategy claus = new ClausStrategy(new ClausStrategy.Settings(1, 0.25, 15, 0.5,
                UncertaintyStrategy.Measure.ENTROPY));
        List<RankedClip> batch = claus.pick(uncertainty, new int[4], cluster, StrategyMathTest.pool(4), 3);
        assertEquals(3, batch.size());
        assertArrayEquals(new long[] {100, 101, 102}, batch.stream().mapToLong(RankedClip::clipId).toArray());
    }

    @Test
    void neighbouringWindowsOfOneRecordingArePenalized() {
        // Windows of recording "a" every 5 frames; recording "b" slightly less uncertain.
        List<PoolClip> pool = new ArrayList<>();
        pool.add(new PoolClip(1, "a", 0, new float[1][1]));
        pool.add(new PoolClip(2, "a", 5, new float[1][1]));
        pool.add(new PoolClip(3, "a", 40, new float[1][1]));
        pool.add(new PoolClip(4, "b", 5, new float[1][1]));
        double[] uncertainty = {1.0, 0.95, 0.9, 0.8};
        int[] cluster = {0, 0, 0, 0};
        ClausStrategy claus = new ClausStrategy(new ClausStrategy.Settings(1, 1.0, 10, 0.5,
                UncertaintyStrategy.Measure.ENTROPY));
        List<RankedClip> batch = claus.pick(uncertainty, new int[4], cluster, pool, 4);
        // Clip 2 starts 5 frames after clip 1 in the same recording: 0.95 * 0.5 < 0.8, so it drops to last.
        assertArrayEquals(new long[] {1, 3, 4, 2}, batch.stream().mapToLong(RankedClip::clipId).toArray());
        assertEquals(0.5, batch.get(3).why().penalty(), 1e-9);
        assertEquals(0.475, batch.get(3).score(), 1e-9);
        assertEquals(0, batch.get(2).why().penalty(), 1e-9); // other recording, same frames: no penalty
        // Without the penalty the order is plain uncertainty.
        ClausStrategy plain = new ClausStrategy(new ClausStrategy.Settings(1, 1.0, 10, 0,
                UncertaintyStrategy.Measure.ENTROPY));
        assertArrayEquals(new long[] {1, 2, 3, 4}, plain.pick(uncertainty, new int[4], cluster, pool, 4).stream()
                .mapToLong(RankedClip::clipId).toArray());
    }
}

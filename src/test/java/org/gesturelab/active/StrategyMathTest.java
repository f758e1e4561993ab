package org.gesturelab.active;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.junit.jupiter.api.Test;

class StrategyMathTest {

    private static final float[][] PROBABILITIES = {
        {0.98f, 0.01f, 0.01f},   // 0: sure
        {0.34f, 0.33f, 0.33f},   // 1: nearly uniform: top entropy
        {0.50f, 0.49f, 0.01f},   // 2: torn between two: smallest margin
        {0.60f, 0.20f, 0.20f},   // 3: spread
        {0.45f, 0.10f, 0.45f},   // 4: exact tie between two
    };

    static List<PoolClip> pool(int n) {
        List<PoolClip> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pool.add(new PoolClip(100 + i, "rec" + i, 0, new float[1][1]));
        }
        return pool;
    }

    private static long[] ids(List<RankedClip> batch) {
        return batch.stream().mapToLong(RankedClip::clipId).toArray();
    }

    @Test
    void entropyMatchesTheFormulaAndRanksUniformFirst() {
        double[] h = Uncertainty.entropy(PROBABILITIES);
        assertEquals(-(0.98 * Math.log(0.98) + 2 * 0.01 * Math.log(0.01)), h[0], 1e-6);
        assertEquals(Math.log(3), Uncertainty.entropy(new float[][] {{1f / 3, 1f / 3, 1f / 3}})[0], 1e-6);
        assertEquals(0, Uncertainty.entropy(new float[][] {{1f, 0f, 0f}})[0], 1e-12);
        List<RankedClip> batch = new UncertaintyStrategy(UncertaintyStrategy.Measure.ENTROPY)
                .rank(PROBABILITIES, pool(5), 5);
        // 1 (uniform, 1.099) > 3 (0.950) > 4 (0.949) > 2 (0.742) > 0
        assertArrayEquals(new long[] {101, 103, 104, 102, 100}, ids(batch));
        assertEquals(1, batch.get(0).rank());
        assertEquals(h[1], batch.get(0).score(), 1e-9);
        assertEquals("entropy", batch.get(0).why().measure());
        assertEquals(0, batch.get(0).why().predicted());
        assertTrue(batch.get(0).why().describe().startsWith("entropy 1.09"), batch.get(0).why().describe());
    }

    @Test
    void leastConfidenceIsOneMinusTheTopProbability() {
        double[] lc = Uncertainty.leastConfidence(PROBABILITIES);
        assertEquals(0.02, lc[0], 1e-6);
        assertEquals(0.66, lc[1], 1e-6);
        assertEquals(0.55, lc[4], 1e-6);
        List<RankedClip> batch = new UncertaintyStrategy(UncertaintyStrategy.Measure.LEAST_CONFIDENCE)
                .rank(PROBABILITIES, pool(5), 2);
        assertArrayEquals(new long[] {101, 104}, ids(batch));
    }

    @Test
    void marginPrefersTheSmallestGapBetweenTheTwoMostLikely() {
        double[] margin = Uncertainty.margin(PROBABILITIES);
        assertEquals(0.97, margin[0], 1e-6);
        assertEquals(0.01, margin[2], 1e-6);
        assertEquals(0.0, margin[4], 1e-6);
        List<RankedClip> batch = new UncertaintyStrategy(UncertaintyStrategy.Measure.MARGIN)
                .rank(PROBABILITIES, pool(5), 3);
        // 4 (tie) < 2 < 1 (0.01 too, but later in pool order: equal scores keep pool order)
        assertEquals(104, batch.get(0).clipId());
        assertEquals(0.0, batch.get(0).why().uncertainty(), 1e-6);
        assertEquals(1.0, batch.get(0).score(), 1e-6);
        assertArrayEquals(new long[] {104, 101, 102}, ids(batch));
    }

    @Test
    void baldIsHighWhenPassesDisagreeNotWhenEachPassIsUnsure() {
        float[][][] passes = {
            {{0.5f, 0.5f}, {0.9f, 0.1f}, {1f, 0f}},
            {{0.5f, 0.5f}, {0.1f, 0.9f}, {1f, 0f}},
        };
        double[] mi = Uncertainty.mutualInformation(passes);
        assertEquals(0, mi[0], 1e-7); // ambiguous but consistent: nothing to learn
        double hMean = Math.log(2);
        double meanH = -(0.9 * Math.log(0.9) + 0.1 * Math.log(0.1));
        assertEquals(hMean - meanH, mi[1], 1e-6);
        assertEquals(0, mi[2], 1e-9);
        List<RankedClip> batch = new BaldStrategy(2).rank(passes, pool(3), 1);
        assertEquals(101, batch.get(0).clipId());
        assertEquals("bald", batch.get(0).why().measure());
    }

    @Test
    void topKIsStableAndBounded() {
        assertArrayEquals(new int[] {1, 3, 0}, Ranking.topK(new double[] {1, 2, 0, 2}, 3));
        assertArrayEquals(new int[] {1, 0}, Ranking.topK(new double[] {1, 2}, 10));
        assertEquals(0, Ranking.topK(new double[] {1, 2}, 0).length);
    }

    @Test
    void randomIsSeededAndNeverRepeatsAClip() {
        List<PoolClip> pool = pool(50);
        RandomStrategy strategy = new RandomStrategy();
        List<RankedClip> a = strategy.select(null, pool, 10, 7, org.gesturelab.core.TaskMonitor.SILENT);
        List<RankedClip> b = strategy.select(null, pool, 10, 7, org.gesturelab.core.TaskMonitor.SILENT);
        List<RankedClip> c = strategy.select(null, pool, 10, 8, org.gesturelab.core.TaskMonitor.SILENT);
        assertEquals(a, b);
        assertTrue(!a.equals(c));
        assertEquals(10, a.stream().mapToLong(RankedClip::clipId).distinct().count());
    }

    @Test
    void strategiesAreFoundByName() {
        for (String name : QueryStrategies.NAMES) {
            assertEquals(name, QueryStrategies.forName(name).name());
        }
        assertThrows(GestureLabException.class, () -> QueryStrategies.forName("coreset"));
    }
}

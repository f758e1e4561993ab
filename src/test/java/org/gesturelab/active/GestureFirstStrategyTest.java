package org.gesturelab.active;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class GestureFirstStrategyTest {

    private static final float[][] PROBABILITIES = {
        {0.90f, 0.05f, 0.05f}, // 0: idle, and sure of it
        {0.10f, 0.85f, 0.05f}, // 1: a gesture the model is sure of
        {0.10f, 0.46f, 0.44f}, // 2: a gesture, but which one?
        {0.50f, 0.26f, 0.24f}, // 3: gesture or idle, and which gesture?
        {0.60f, 0.21f, 0.19f}, // 4: idle or a gesture, torn between two gestures
    };

    private static List<PoolClip> pool() {
        List<PoolClip> pool = new ArrayList<>();
        for (int i = 0; i < PROBABILITIES.length; i++) {
            pool.add(new PoolClip(100 + i, "recording", i * 30, new float[1][1]));
        }
        return pool;
    }

    private static List<Long> order(GestureFirstStrategy strategy) {
        return strategy.rank(PROBABILITIES, pool(), PROBABILITIES.length).stream().map(RankedClip::clipId).toList();
    }

    @Test
    void likelyGesturesComeFirstAndTheUncertainAmongThemFirst() {
        // p(gesture) x (1 + u) / 2: clip 2 0.89, clip 1 0.50, clip 3 0.49, clip 4 0.39, the sure idle clip 0.10.
        assertEquals(List.of(102L, 101L, 103L, 104L, 100L), order(new GestureFirstStrategy(0)));
    }

    @Test
    void withoutANothingClassItRanksByTheMargin() {
        List<Long> order = order(new GestureFirstStrategy(-1));
        // Margins over all three classes: clip 2 0.02, clip 3 0.24, clip 4 0.39, clip 1 0.75, clip 0 0.85.
        assertEquals(List.of(102L, 103L, 104L, 101L, 100L), order);
    }

    @Test
    void theDefaultStrategyKnowsTheProjectsNothingClass() {
        QueryStrategy strategy = QueryStrategies.forName(QueryStrategies.DEFAULT, 0);
        assertEquals(GestureFirstStrategy.NAME, strategy.name());
        assertEquals(List.of(102L), ((GestureFirstStrategy) strategy).rank(PROBABILITIES, pool(), 1).stream()
                .map(RankedClip::clipId).toList());
    }
}

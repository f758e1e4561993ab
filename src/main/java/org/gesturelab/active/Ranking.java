package org.gesturelab.active;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** Top-k selection shared by the strategies: deterministic, ties broken by pool order. */
final class Ranking {

    private Ranking() {
    }

    /**
     * Returns the indices of the {@code k} largest scores, largest first; equal scores keep pool order.
     *
     * @param scores one score per pool clip
     * @param k how many to return at most
     * @return the indices, best first
     */
    static int[] topK(double[] scores, int k) {
        int n = Math.min(k, scores.length);
        if (n <= 0) {
            return new int[0];
        }
        // A min-heap of the best n keeps this O(N log k) for large pools.
        Comparator<Integer> worseFirst = Comparator.<Integer>comparingDouble(i -> scores[i])
                .thenComparing(Comparator.<Integer>naturalOrder().reversed());
        PriorityQueue<Integer> heap = new PriorityQueue<>(n + 1, worseFirst);
        for (int i = 0; i < scores.length; i++) {
            heap.add(i);
            if (heap.size() > n) {
                heap.poll();
            }
        }
        List<Integer> best = new ArrayList<>(heap);
        best.sort(worseFirst.reversed());
        return best.stream().mapToInt(Integer::intValue).toArray();
    }
}

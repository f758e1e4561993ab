package org.gesturelab.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gesturelab.active.GestureSet;
import org.gesturelab.active.Simulation;

/**
 * The figure of active learning on real footage: how many of a mostly-Nothing pool's gesture clips a strategy finds
 * in its first K queries, K = 2 x the gesture clips in the pool (issue 12). Means over seeds.
 *
 * <p>The pool is what the strategies query: the clips a simulation draws as its initial labels (a few of each class)
 * are not in it, since no query can find them. Counting them too would cap every strategy below 80 % (26 of
 * bodygesture15's 123 gesture windows at 2 initial labels per class).
 *
 * @param nothing the Nothing class's index, or -1
 * @param gestures gesture (not Nothing) clips the queries can find: those of the pool less the initial labels
 * @param initialGestures gesture clips among the initial labels
 * @param k the number of first queries that count
 */
record FirstQueries(int nothing, int gestures, int initialGestures, int k) {

    static FirstQueries of(GestureSet pool, int nothing, int initPerClass) {
        int[] perClass = new int[pool.classes().size()];
        for (int label : pool.labels()) {
            perClass[label]++;
        }
        int gestures = 0;
        int initial = 0;
        for (int c = 0; c < perClass.length; c++) {
            if (c != nothing) {
                gestures += perClass[c];
                // Splits.perClass draws this many of each class before the first query.
                initial += Math.min(initPerClass, perClass[c]);
            }
        }
        int queryable = gestures - initial;
        return new FirstQueries(nothing, queryable, initial, nothing < 0 ? 0 : 2 * queryable);
    }

    /** Mean gesture clips found in the first K queries, per strategy, in the result's order. */
    Map<String, Double> found(Simulation.Result result) {
        Map<String, Double> found = new LinkedHashMap<>();
        for (Simulation.Summary summary : result.summaries()) {
            found.put(summary.strategy(), result.runs().stream().filter(r -> r.strategy().equals(summary.strategy()))
                    .mapToInt(r -> r.gesturesInFirst(k, nothing)).average().orElse(0));
        }
        return found;
    }

    String table(Simulation.Result result) {
        if (k == 0) {
            return "The project has no Nothing class: every pool clip is a gesture, so no first-K figure.\n";
        }
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%nGesture clips found in the first K = %d queries (pool: %d gesture clips after the %d among the "
                        + "initial labels, %d Nothing):%n", k, gestures, initialGestures,
                result.poolSize() - result.initialLabels() - gestures));
        Map<String, Double> found = found(result);
        Double random = found.get("random");
        for (Map.Entry<String, Double> entry : found.entrySet()) {
            text.append(String.format(Locale.ROOT, "%-18s %7.1f  %5.1f %% of the gesture clips%s%n", entry.getKey(),
                    entry.getValue(), 100 * entry.getValue() / Math.max(1, gestures),
                    random == null || entry.getKey().equals("random") ? ""
                            : String.format(Locale.ROOT, "  (random: %.1f)", random)));
        }
        return text.toString();
    }

    String addTo(String json, Simulation.Result result) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = (ObjectNode) mapper.readTree(json);
        root.put("gesture_clips", gestures);
        root.put("initial_gesture_clips", initialGestures);
        root.put("first_k", k);
        ObjectNode strategies = (ObjectNode) root.get("strategies");
        found(result).forEach((strategy, value) -> {
            ObjectNode entry = (ObjectNode) strategies.get(strategy);
            entry.put("gestures_found_in_first_k", value);
            entry.put("gestures_found_fraction", value / Math.max(1, gestures));
        });
        return mapper.writeValueAsString(root);
    }
}

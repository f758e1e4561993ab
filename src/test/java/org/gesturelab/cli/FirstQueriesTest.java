package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.active.ActiveLearningLoop;
import org.gesturelab.active.CurvePoint;
import org.gesturelab.active.GestureSet;
import org.gesturelab.active.Simulation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-K figure of {@code simulate --project}: gesture clips among a strategy's first queries. */
class FirstQueriesTest {

    @TempDir
    Path temp;

    private static Simulation.Run run(String strategy, List<Integer> queried) {
        List<CurvePoint> curve = List.of(new CurvePoint(0, 4, 0.5, 0.5, 0.5, "initial", 0));
        return new Simulation.Run(strategy, 1, 0.9, curve, ActiveLearningLoop.StopReason.TARGET_REACHED, queried);
    }

    @Test
    void countsGestureClipsAmongTheFirstKQueries() {
        // Class 2 is Nothing: 3 gesture clips, 5 Nothing clips, none drawn as initial labels, so K = 6.
        int[] labels = {0, 1, 2, 2, 0, 2, 2, 2};
        List<float[][]> clips = new ArrayList<>();
        List<String> recordings = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            clips.add(new float[30][1662]);
            recordings.add("clip " + i);
        }
        GestureSet pool = new GestureSet(clips, labels, List.of("a", "b", "Nothing"), recordings);
        FirstQueries first = FirstQueries.of(pool, 2, 0);
        assertEquals(3, first.gestures());
        assertEquals(6, first.k());
        // One initial label per class takes one clip of a and one of b out of what the queries can find.
        FirstQueries afterInitial = FirstQueries.of(pool, 2, 1);
        assertEquals(1, afterInitial.gestures());
        assertEquals(2, afterInitial.initialGestures());
        assertEquals(2, afterInitial.k());

        Simulation.Run random = run("random", List.of(2, 2, 0, 2, 2, 2, 1, 0));
        Simulation.Run margin = run("margin", List.of(0, 1, 0, 2, 2, 2, 2, 2));
        assertEquals(1, random.gesturesInFirst(6, 2), "the gesture queried 7th is past K");
        assertEquals(3, margin.gesturesInFirst(6, 2));
        assertEquals(6, margin.gesturesInFirst(6, -1), "without a Nothing class every query is a gesture");
        assertEquals(0, FirstQueries.of(pool, -1, 0).k(), "no Nothing class, no figure");
    }

    @Test
    void simulateTakesExactlyOnePool() {
        CliRunner neither = new CliRunner();
        assertEquals(2, neither.run("simulate", "--out", temp.resolve("o").toString()));
        assertTrue(neither.err().contains("--project"), neither.err());
        CliRunner both = new CliRunner();
        assertEquals(2, both.run("simulate", "--mp-data", temp.toString(), "--project", temp.toString(), "--out",
                temp.resolve("o").toString()));
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }
}

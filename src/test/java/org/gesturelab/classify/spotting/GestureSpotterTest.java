package org.gesturelab.classify.spotting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gesturelab.core.GestureLabException;
import org.junit.jupiter.api.Test;

class GestureSpotterTest {

    private static final List<String> CLASSES = List.of("Nothing", "wave", "stop");

    /** No smoothing, no lag, min 3 frames, refractory 4, exit ratio 0.5, threshold 0.6. */
    private static SpottingSettings plain() {
        return new SpottingSettings(1, 1, 1, 0.6, 0.5, 3, 4, Map.of(), "Nothing", null);
    }

    /** Builds frames: each run is (class, probability of that class, frames); the rest goes to Nothing. */
    private static float[][] frames(Object... runs) {
        List<float[]> rows = new ArrayList<>();
        for (int i = 0; i < runs.length; i += 3) {
            int c = (Integer) runs[i];
            float p = ((Number) runs[i + 1]).floatValue();
            for (int k = 0; k < (Integer) runs[i + 2]; k++) {
                float[] row = new float[CLASSES.size()];
                row[c] = p;
                row[0] += 1 - p;
                rows.add(row);
            }
        }
        return rows.toArray(float[][]::new);
    }

    @Test
    void oneGestureBecomesOneEventWithItsFramesAndPeak() {
        List<SpottedEvent> events = GestureSpotter.spot(CLASSES, plain(),
                frames(0, 1, 10, 1, 0.7, 3, 1, 0.9, 4, 0, 1, 10));
        assertEquals(1, events.size());
        SpottedEvent e = events.get(0);
        assertEquals("wave", e.label());
        assertEquals(10, e.start());
        assertEquals(17, e.end());
        assertEquals(0.9f, e.peakConfidence(), 1e-6);
        assertEquals(12, e.detectedAt(), "confirmed after the minimum of 3 frames");
    }

    @Test
    void nothingIsNeverAnEvent() {
        assertTrue(GestureSpotter.spot(CLASSES, plain(), frames(0, 1, 50)).isEmpty());
    }

    @Test
    void hysteresisKeepsOneEventThroughADipAboveTheExitLevel() {
        // 0.4 is under the 0.6 start threshold but over the 0.3 exit level: still one gesture.
        List<SpottedEvent> events = GestureSpotter.spot(CLASSES, plain(),
                frames(0, 1, 5, 1, 0.8, 4, 1, 0.4, 3, 1, 0.8, 4, 0, 1, 10));
        assertEquals(1, events.size());
        assertEquals(5, events.get(0).start());
        assertEquals(16, events.get(0).end());
        // Under the exit level the dip splits it: two events (the refractory gap of 4 is over by then).
        List<SpottedEvent> split = GestureSpotter.spot(CLASSES, plain(),
                frames(0, 1, 5, 1, 0.8, 4, 1, 0.1, 6, 1, 0.8, 4, 0, 1, 10));
        assertEquals(2, split.size());
    }

    @Test
    void blipsShorterThanTheMinimumDurationAreDropped() {
        assertTrue(GestureSpotter.spot(CLASSES, plain(), frames(0, 1, 5, 2, 0.95, 2, 0, 1, 5)).isEmpty());
        assertEquals(1, GestureSpotter.spot(CLASSES, plain(), frames(0, 1, 5, 2, 0.95, 3, 0, 1, 5)).size());
    }

    @Test
    void theRefractoryGapSuppressesAnEventRightAfterAnother() {
        List<SpottedEvent> close = GestureSpotter.spot(CLASSES, plain(),
                frames(1, 0.9, 5, 0, 1, 2, 2, 0.9, 5, 0, 1, 10));
        assertEquals(1, close.size(), "the second gesture started 2 frames after the first ended");
        List<SpottedEvent> apart = GestureSpotter.spot(CLASSES, plain(),
                frames(1, 0.9, 5, 0, 1, 6, 2, 0.9, 5, 0, 1, 10));
        assertEquals(List.of("wave", "stop"), apart.stream().map(SpottedEvent::label).toList());
    }

    @Test
    void perClassThresholdsDecideWhichGesturesStart() {
        SpottingSettings strictWave = plain().withThresholds(Map.of("wave", 0.95), null);
        float[][] probabilities = frames(0, 1, 5, 1, 0.9, 6, 0, 1, 10, 2, 0.9, 6, 0, 1, 5);
        assertEquals(List.of("stop"), GestureSpotter.spot(CLASSES, strictWave, probabilities).stream()
                .map(SpottedEvent::label).toList());
        assertEquals(2, GestureSpotter.spot(CLASSES, plain(), probabilities).size());
    }

    @Test
    void smoothingAveragesAwaySingleFrameSpikesAndEventsShiftByHalfAWindow() {
        SpottingSettings smooth = new SpottingSettings(10, 1, 4, 0.6, 0.5, 1, 0, Map.of(), "Nothing", null);
        // Isolated one-frame spikes every other frame average to 0.45 at most: below 0.6.
        assertTrue(GestureSpotter.spot(CLASSES, smooth,
                frames(1, 0.9, 1, 0, 1, 1, 1, 0.9, 1, 0, 1, 1, 1, 0.9, 1, 0, 1, 1)).isEmpty());
        List<SpottedEvent> events = GestureSpotter.spot(CLASSES, smooth, frames(0, 1, 20, 1, 1, 10, 0, 1, 20));
        assertEquals(1, events.size());
        // Smoothed wave reaches 0.75 at frame 22 (3 of 4), 0.5 at frame 31; minus a lag of 5.
        assertEquals(17, events.get(0).start());
        assertEquals(27, events.get(0).end());
    }

    @Test
    void currentShowsTheConfirmedEventWhileItLasts() {
        GestureSpotter spotter = new GestureSpotter(CLASSES, plain());
        for (float[] row : frames(0, 1, 3, 2, 0.9, 2)) {
            spotter.accept(row);
        }
        assertTrue(spotter.current().isEmpty(), "two frames are below the minimum duration");
        spotter.accept(frames(2, 0.9, 1)[0]);
        assertEquals("stop", spotter.current().orElseThrow().label());
        assertTrue(spotter.accept(frames(0, 1, 1)[0]).isPresent());
        assertTrue(spotter.current().isEmpty());
    }

    @Test
    void rejectsVectorsOfTheWrongLengthAndBadSettings() {
        GestureSpotter spotter = new GestureSpotter(CLASSES, plain());
        assertThrows(GestureLabException.class, () -> spotter.accept(new float[2]));
        assertThrows(GestureLabException.class,
                () -> new SpottingSettings(1, 1, 1, 1.5, 0.5, 3, 4, Map.of(), null, null));
        assertThrows(GestureLabException.class,
                () -> new SpottingSettings(1, 1, 1, 0.5, 0, 3, 4, Map.of(), null, null));
    }
}

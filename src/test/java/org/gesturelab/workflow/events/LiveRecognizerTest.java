package org.gesturelab.workflow.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.classify.spotting.GestureSpotter;
import org.gesturelab.classify.spotting.SpottedEvent;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.junit.jupiter.api.Test;

/**
 * The frames-to-sinks path shared by Live and {@code run}: with a scripted classifier (the window's last frame says
 * which class wins), the sinks get probabilities once per prediction, each gesture's start before its end, exactly
 * the events the spotter spots on the same probabilities, and a gesture still open at the end ends on finish.
 */
class LiveRecognizerTest {

    private static final List<String> CLASSES = List.of("Nothing", "wave", "stop");
    private static final SpottingSettings SETTINGS = new SpottingSettings(4, 2, 2, 0.6, 0.7, 3, 2, Map.of(),
            "Nothing", null);

    /** Gives 0.9 to the class the window's last frame names in its first value. */
    private static final class Scripted implements GestureClassifier {
        final List<float[]> rows = new ArrayList<>();

        @Override
        public List<String> classes() {
            return CLASSES;
        }

        @Override
        public float[][] predict(List<float[][]> clips) {
            float[][] out = new float[clips.size()][];
            for (int i = 0; i < out.length; i++) {
                float[][] clip = clips.get(i);
                int winner = (int) clip[clip.length - 1][0];
                float[] p = {0.05f, 0.05f, 0.05f};
                p[winner] = 0.9f;
                out[i] = p;
                rows.add(p);
            }
            return out;
        }

        @Override
        public float[][] embed(List<float[][]> clips) {
            throw new UnsupportedOperationException();
        }

        @Override
        public float[][][] predictWithDropout(List<float[][]> clips, int passes, long seed) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    }

    /** Records what a sink receives, as text. */
    private static class Recording implements GestureEventSink {
        final List<String> calls = new ArrayList<>();
        final List<GestureEvent> ends = new ArrayList<>();

        @Override
        public void gestureStarted(GestureEvent event) {
            assertEquals(-1, event.endFrame());
            calls.add("start " + event.gesture());
        }

        @Override
        public void gestureEnded(GestureEvent event) {
            calls.add("end " + event.gesture());
            ends.add(event);
        }

        @Override
        public void probabilities(List<String> classes, float[] probabilities) {
            assertEquals(CLASSES, classes);
            calls.add("p");
        }

        @Override
        public void close() {
        }
    }

    @Test
    void sinksGetEachGesturesStartBeforeItsEndAndTheSpottersEvents() {
        // Nothing, then wave for 12 frames, Nothing, then stop until the stream ends.
        int[] script = new int[40];
        for (int i = 8; i < 20; i++) {
            script[i] = 1;
        }
        for (int i = 30; i < 40; i++) {
            script[i] = 2;
        }
        Scripted classifier = new Scripted();
        LiveRecognizer recognizer = new LiveRecognizer(classifier, SETTINGS);
        Recording sink = new Recording();
        recognizer.addSink(sink);
        List<float[]> perFrame = new ArrayList<>();
        for (int i = 0; i < script.length; i++) {
            LiveRecognizer.Step step = recognizer.accept(new float[] {script[i]});
            if (i < SETTINGS.window() - 1) {
                assertNull(step, "no probabilities before the first window is full");
            } else {
                assertNotNull(step);
                perFrame.add(step.probabilities());
            }
        }
        SpottedEvent last = recognizer.finish();
        assertNotNull(last, "stop was still going on when the stream ended");
        assertEquals("stop", last.label());

        // One probabilities message per prediction: frames 3, 5, ..., 39.
        assertEquals(classifier.rows.size(), sink.calls.stream().filter("p"::equals).count());
        assertEquals(19, classifier.rows.size());
        List<String> events = sink.calls.stream().filter(c -> !c.equals("p")).toList();
        assertEquals(List.of("start wave", "end wave", "start stop", "end stop"), events);
        assertEquals(2, recognizer.gesturesStarted());
        assertEquals(2, recognizer.gesturesEnded());

        // The ends carry exactly what the shared spotter reports on the same probabilities.
        List<SpottedEvent> expected = GestureSpotter.spot(CLASSES, SETTINGS, perFrame.toArray(float[][]::new));
        assertEquals(2, expected.size());
        for (int k = 0; k < 2; k++) {
            assertEquals(expected.get(k).label(), sink.ends.get(k).gesture());
            assertEquals(expected.get(k).start(), sink.ends.get(k).startFrame());
            assertEquals(expected.get(k).end(), sink.ends.get(k).endFrame());
            assertEquals(expected.get(k).peakConfidence(), sink.ends.get(k).peakConfidence(), 1e-6);
        }
        assertTrue(sink.calls.indexOf("start wave") > sink.calls.indexOf("p"), "probabilities come first");
    }

    @Test
    void aRemovedSinkHearsNothingMoreAndAFailingSinkStopsNobody() {
        LiveRecognizer recognizer = new LiveRecognizer(new Scripted(), SETTINGS);
        Recording removed = new Recording();
        Recording kept = new Recording();
        recognizer.addSink(new Recording() {
            @Override
            public void probabilities(List<String> classes, float[] probabilities) {
                throw new IllegalStateException("a receiver that fails");
            }
        });
        recognizer.addSink(removed);
        recognizer.addSink(kept);
        for (int i = 0; i < 4; i++) {
            recognizer.accept(new float[] {0});
        }
        recognizer.removeSink(removed);
        for (int i = 0; i < 4; i++) {
            recognizer.accept(new float[] {0});
        }
        assertEquals(1, removed.calls.size());
        assertEquals(3, kept.calls.size());
    }
}

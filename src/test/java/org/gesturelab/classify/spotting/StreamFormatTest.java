package org.gesturelab.classify.spotting;

import org.gesturelab.dataset.KeypointStream;
import org.gesturelab.dataset.Segment;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.LabeledClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamFormatTest {

    private static float[][] clip(int frames, float value) {
        float[][] clip = new float[frames][KeypointLayout.FEATURES];
        for (float[] row : clip) {
            row[0] = value;
        }
        return clip;
    }

    private static SpottedEvent event(String label, long start, long end) {
        return new SpottedEvent(label, 0, start, end, 0.9f, start + 2);
    }

    @Test
    void streamsRoundTripThroughNpyAndSegmentsCsv(@TempDir Path dir) throws Exception {
        KeypointStream stream = new KeypointStream(clip(40, 1f),
                List.of(new Segment(20, 30, "let's, \"go\""), new Segment(2, 8, "wave")));
        Path npy = dir.resolve("take.npy");
        stream.write(npy);
        assertTrue(Files.isRegularFile(dir.resolve("take.segments.csv")));
        KeypointStream back = KeypointStream.read(npy, KeypointStream.segmentsFileOf(npy));
        assertEquals(40, back.frames().length);
        assertEquals(List.of(new Segment(2, 8, "wave"), new Segment(20, 30, "let's, \"go\"")), back.segments());
        assertEquals(24, back.nothingFrames());
    }

    @Test
    void aHeaderOnlySegmentsFileIsAllNothingAndBadFilesAreNamed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("a.segments.csv");
        Files.writeString(csv, "start,end,label\n");
        assertTrue(KeypointStream.readSegments(csv).isEmpty());
        Files.writeString(csv, "start,end,label\n5,3,wave\n");
        GestureLabException bad = assertThrows(GestureLabException.class, () -> KeypointStream.readSegments(csv));
        assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
        Files.writeString(csv, "from,to,what\n");
        assertThrows(GestureLabException.class, () -> KeypointStream.readSegments(csv));
        assertThrows(GestureLabException.class, () -> new KeypointStream(clip(10, 0),
                List.of(new Segment(0, 6, "a"), new Segment(5, 8, "b"))));
    }

    @Test
    void eventsMatchSegmentsOfTheirClassOverlappingByHalfTheShorter() {
        KeypointStream stream = new KeypointStream(clip(3600, 0),
                List.of(new Segment(100, 120, "wave"), new Segment(300, 340, "stop")));
        List<SpottedEvent> events = List.of(
                event("wave", 110, 130),   // overlap 10 = half of 20: a match
                event("wave", 112, 118),   // second event on the same gesture: false activation
                event("stop", 250, 310),   // overlap 10 < half of 40: false activation
                event("stop", 1000, 1010)); // in Nothing: false activation
        StreamScore score = StreamScore.of(events, stream);
        assertEquals(1, score.matchedEvents());
        assertEquals(3, score.falseActivations());
        assertEquals(0.25, score.precision(), 1e-9);
        assertEquals(0.5, score.recall(), 1e-9);
        assertEquals(2 * 0.25 * 0.5 / 0.75, score.f1(), 1e-9);
        assertEquals(List.of(12L), score.latencies());
        // 3540 Nothing frames at 15 fps = 236 s; 3 false activations in that.
        assertEquals(3 / (3540 / 15.0 / 3600), score.falseActivationsPerHour(15), 1e-9);
        StreamReport report = score.report(15);
        assertEquals(12.0, report.medianLatencyFrames());
        assertEquals(3600 / 15.0 / 3600, report.hours(), 1e-12);
    }

    @Test
    void aStreamWithoutSegmentsHasNullPrecisionRecallAndF1() {
        StreamScore score = StreamScore.of(List.of(event("wave", 5, 9)), new KeypointStream(clip(54_000, 0),
                List.of()));
        StreamReport report = score.report(15);
        assertNull(report.eventPrecision());
        assertNull(report.eventRecall());
        assertNull(report.eventF1());
        assertNull(report.medianLatencyFrames());
        assertEquals(1.0, report.falseActivationsPerHour(), 1e-9);
        StreamScore sum = score.plus(StreamScore.of(List.of(), new KeypointStream(clip(10, 0),
                List.of(new Segment(0, 10, "wave")))));
        assertEquals(0.0, sum.recall());
        assertEquals(54_010, sum.frames());
    }

    @Test
    void theGeneratorInterleavesGesturesWithNothingAtTheIdleFraction() {
        List<float[][]> clips = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clips.add(clip(20 + i, i % 3 == 0 ? 0f : i));
            labels.add(i % 3);
        }
        LabeledClips data = new LabeledClips(clips, labels.stream().mapToInt(Integer::intValue).toArray(),
                List.of("Nothing", "wave", "stop"));
        List<KeypointStream> streams = StreamGenerator.generate(data, Set.of("Nothing"), 0.7, 2, 7);
        assertEquals(2, streams.size());
        int segments = 0;
        for (KeypointStream stream : streams) {
            segments += stream.segments().size();
            double idle = (double) stream.nothingFrames() / stream.frames().length;
            assertTrue(idle >= 0.7 && idle < 0.85, "idle fraction " + idle);
            for (Segment segment : stream.segments()) {
                int index = (int) stream.frames()[(int) segment.start()][0];
                assertEquals(segment.length(), 20 + index, "segment covers exactly the clip");
                assertEquals(data.classes().get(index % 3), segment.label());
                assertArrayEquals(stream.frames()[(int) segment.end() - 1], clips.get(index)[clips.get(index).length - 1]);
            }
        }
        assertEquals(8, segments, "every gesture clip once");
        List<KeypointStream> idleOnly = StreamGenerator.generate(data, Set.of("Nothing"), 1, 1, 7);
        assertEquals(1, idleOnly.size());
        assertTrue(idleOnly.get(0).segments().isEmpty());
        assertEquals(20 + 23 + 26 + 29, idleOnly.get(0).frames().length);
        assertEquals(streams.get(0).frames().length,
                StreamGenerator.generate(data, Set.of("Nothing"), 0.7, 2, 7).get(0).frames().length, "seeded");
        assertThrows(GestureLabException.class,
                () -> StreamGenerator.generate(data, Set.of("absent"), 0.7, 1, 7));
    }
}

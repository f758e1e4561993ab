package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gesturelab.SharedData;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --as-nothing}, {@code stream make}, {@code evaluate-stream} and {@code calibrate} end to end on
 * bodygesture15's pose landmarks (1 m, test people S7 and S8), with a short training.
 */
class StreamCommandsTest {

    private static final List<String> FIELDS = List.of("event_precision", "event_recall", "event_f1",
            "false_activations_per_hour", "median_latency_frames", "frames", "hours", "per_recording");

    @Test
    void makeEvaluateAndCalibrateStreams(@TempDir Path folder) throws Exception {
        Path joints = SharedData.require("bodygesture15/joints");
        Path dir = folder.resolve("project");
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("project", "init", dir.toString()), cli.err());
        assertEquals(0, cli.run("import", dir.toString(), "--joints", joints.toString(), "--distance", "1m",
                "--test-subjects", "S7,S8", "--as-nothing", "static,random"), cli.err());
        assertTrue(cli.out().contains("14 classes"), cli.out());
        assertTrue(cli.out().contains("Nothing"), cli.out());
        assertEquals(1, cli.run("import", dir.toString(), "--joints", joints.toString(), "--as-nothing", "idle"));
        assertTrue(cli.err().contains("No gesture 'idle'"), cli.err());
        assertEquals(0, cli.run("train", dir.toString(), "--epochs", "15"), cli.err());

        Path streams = folder.resolve("streams");
        assertEquals(0, cli.run("stream", "make", dir.toString(), "--from", "test", "--out", streams.toString(),
                "--streams", "2", "--seed", "3"), cli.err());
        Path first = streams.resolve("stream-01.npy");
        assertTrue(Files.isRegularFile(first));
        List<String> segments = Files.readAllLines(streams.resolve("stream-01.segments.csv"));
        assertEquals("start,end,label", segments.get(0));
        assertTrue(segments.size() > 5, "segments: " + segments);

        CliRunner eval = new CliRunner();
        assertEquals(0, eval.run("evaluate-stream", dir.toString(), first.toString(),
                streams.resolve("stream-02.npy").toString(), "--json"), eval.err());
        JsonNode json = new ObjectMapper().readTree(eval.out());
        assertEquals(FIELDS, names(json));
        double f1 = json.get("event_f1").asDouble();
        assertTrue(f1 >= 0 && f1 <= 1, "F1 " + f1);
        assertTrue(json.get("frames").asLong() > 500);
        assertEquals(json.get("frames").asLong() / 15.0 / 3600, json.get("hours").asDouble(), 1e-9);
        assertEquals(2, json.get("per_recording").size());

        // A header-only segments file: the whole recording is Nothing.
        Path empty = folder.resolve("idle.segments.csv");
        Files.writeString(empty, "start,end,label\n");
        CliRunner idle = new CliRunner();
        assertEquals(0, idle.run("evaluate-stream", dir.toString(), first.toString(), "--segments",
                empty.toString(), "--json"), idle.err());
        JsonNode nothing = new ObjectMapper().readTree(idle.out());
        assertTrue(nothing.get("event_precision").isNull());
        assertTrue(nothing.get("event_recall").isNull());
        assertTrue(nothing.get("event_f1").isNull());
        assertTrue(nothing.get("false_activations_per_hour").isNumber());

        CliRunner calibrate = new CliRunner();
        assertEquals(0, calibrate.run("calibrate", dir.toString(), "--target-fa-per-hour", "30"), calibrate.err());
        assertTrue(calibrate.out().contains("After"), calibrate.out());
        Path model = ModelStore.current(dir).orElseThrow();
        SpottingSettings stored = SpottingSettings.read(model).orElseThrow();
        assertEquals("Nothing", stored.nothingClass());
        assertEquals(13, stored.thresholds().size(), "one threshold per gesture class");
        assertEquals(30.0, stored.calibration().targetFaPerHour());
        CliRunner after = new CliRunner();
        assertEquals(0, after.run("evaluate-stream", dir.toString(), first.toString()), after.err());
        assertTrue(after.out().contains("Thresholds: calibrated"), after.out());

        CliRunner missing = new CliRunner();
        assertEquals(1, missing.run("evaluate-stream", dir.toString(), folder.resolve("absent.npy").toString()));
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }
}

package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gesturelab.SharedData;
import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate-stream} on videos with hand-written segments files: the keypoints are found on the way, frame by
 * frame, and the figures are those of the same videos extracted to keypoint recordings first.
 */
class EvaluateStreamVideoTest {

    private static final List<String> FIGURES = List.of("event_precision", "event_recall", "event_f1",
            "false_activations_per_hour", "median_latency_frames", "frames", "hours");

    @Test
    void aVideoScoresAsItsExtractedKeypointsDo(@TempDir Path folder) throws Exception {
        InstalledModels.require();
        Path joints = SharedData.require("bodygesture15/joints");
        Path videos = SharedData.require("bodygesture15/videos_1m_upper/S8");
        Path dir = folder.resolve("project");
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("project", "init", dir.toString()), cli.err());
        assertEquals(0, cli.run("import", dir.toString(), "--joints", joints.toString(), "--distance", "1m",
                "--test-subjects", "S8", "--as-nothing", "static,random"), cli.err());
        assertEquals(0, cli.run("train", dir.toString(), "--epochs", "8"), cli.err());

        // Two of S8's videos (34 and 24 frames at 15 fps) with their gestures written down by hand; a third,
        // standing still, is all Nothing.
        Path input = Files.createDirectories(folder.resolve("videos"));
        Files.createSymbolicLink(input.resolve("come.avi"), videos.resolve("dynamic_videos/come_1_1m_upper.avi"));
        Files.createSymbolicLink(input.resolve("stop.avi"), videos.resolve("videos/stop_1_1m_upper.avi"));
        Files.createSymbolicLink(input.resolve("still.avi"), videos.resolve("videos/static_1_1m_upper.avi"));
        Files.writeString(input.resolve("come.segments.csv"), "start,end,label\n3,34,come\n");
        Files.writeString(input.resolve("stop.segments.csv"), "start,end,label\n2,24,stop\n");
        Files.writeString(input.resolve("still.segments.csv"), "start,end,label\n");

        CliRunner video = new CliRunner();
        assertEquals(0, video.run("evaluate-stream", dir.toString(), input.resolve("come.avi").toString(),
                input.resolve("stop.avi").toString(), input.resolve("still.avi").toString(), "--json"), video.err());
        JsonNode fromVideo = new ObjectMapper().readTree(video.out());
        assertEquals(34 + 24 + 23, fromVideo.get("frames").asLong(), "every frame of the three videos");
        assertTrue(fromVideo.get("per_recording").has("come.avi"), video.out());
        assertTrue(fromVideo.get("per_recording").get("still.avi").get("event_f1").isNull(), video.out());

        // The same videos extracted first, then evaluated as keypoint recordings.
        Path extracted = folder.resolve("extracted");
        for (String name : List.of("come", "stop", "still")) {
            CliRunner extract = new CliRunner();
            assertEquals(0, extract.run("extract", input.resolve(name + ".avi").toString(), "--out",
                    extracted.toString()), extract.err());
            Files.copy(input.resolve(name + ".segments.csv"), extracted.resolve(name + ".segments.csv"));
        }
        CliRunner npy = new CliRunner();
        assertEquals(0, npy.run("evaluate-stream", dir.toString(), extracted.resolve("come.npy").toString(),
                extracted.resolve("stop.npy").toString(), extracted.resolve("still.npy").toString(), "--json"),
                npy.err());
        JsonNode fromNpy = new ObjectMapper().readTree(npy.out());
        for (String figure : FIGURES) {
            assertEquals(fromNpy.get(figure), fromVideo.get(figure), figure);
        }

        // One video with --segments; a wrong segments file is refused before any keypoint is found.
        CliRunner one = new CliRunner();
        assertEquals(0, one.run("evaluate-stream", dir.toString(), input.resolve("stop.avi").toString(),
                "--segments", input.resolve("stop.segments.csv").toString(), "--json"), one.err());
        assertEquals(24, new ObjectMapper().readTree(one.out()).get("frames").asLong());
        CliRunner missing = new CliRunner();
        assertEquals(1, missing.run("evaluate-stream", dir.toString(), input.resolve("stop.avi").toString(),
                "--segments", folder.resolve("absent.csv").toString()));
        assertTrue(missing.err().contains("does not exist"), missing.err());
    }
}

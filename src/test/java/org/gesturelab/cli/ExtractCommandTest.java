package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gesturelab.SharedData;
import org.gesturelab.core.Npy;
import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractCommandTest {

    @TempDir
    Path dir;

    @Test
    void extractsAFolderAndSkipsACorruptVideo() throws Exception {
        Path models = InstalledModels.require();
        Path video = SharedData.require("asl-word-videos/hearbridge/hello.mp4");
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.copy(video, input.resolve("hello.mp4"));
        Files.write(input.resolve("broken.mp4"), new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 1, 2, 3});
        Path out = dir.resolve("out");

        CliRunner cli = new CliRunner();
        int code = cli.run("extract", input.toString(), "--out", out.toString(), "--overlay", "--models",
                models.toString());

        assertEquals(1, code, "a failed video makes the exit code non-zero");
        assertTrue(cli.err().contains("Skipped") && cli.err().contains("broken.mp4"), cli.err());
        Npy.Array keypoints = Npy.read(out.resolve("hello.npy"));
        assertEquals(30, keypoints.rows());
        assertEquals(1662, keypoints.columns());
        JsonNode summary = new ObjectMapper().readTree(out.resolve("hello.json").toFile());
        assertEquals(30, summary.get("frames").asInt());
        assertEquals(29.97, summary.get("fps").asDouble(), 0.01);
        assertEquals(1.0, summary.get("found").get("pose").asDouble(), 1e-9);
        assertTrue(summary.get("found").get("face").asDouble() > 0.9);
        assertTrue(summary.get("median_ms").has("pose_landmarks"));
        assertTrue(Files.size(out.resolve("hello.overlay.mp4")) > 10_000);
        assertTrue(cli.out().contains("hello.mp4: 30 frames"), cli.out());
    }

    @Test
    void explainsAMissingInput() {
        CliRunner cli = new CliRunner();
        assertEquals(1, cli.run("extract", dir.resolve("nothing").toString(), "--out", dir.toString()));
        assertTrue(cli.err().contains("No such video or folder"), cli.err());
    }
}

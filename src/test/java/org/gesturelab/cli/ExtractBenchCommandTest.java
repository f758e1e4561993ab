package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.gesturelab.SharedData;
import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.Test;

class ExtractBenchCommandTest {

    @Test
    void reportsFramesPerSecondAndTheRatioToTfliteAsJson() throws Exception {
        Path models = InstalledModels.require();
        Path video = SharedData.require("bodygesture15/videos_1m_upper/S6/videos/left_1_1m_upper.avi");
        CliRunner cli = new CliRunner();
        int code = cli.run("bench", "extract", video.toString(), "--frames", "30", "--tflite-frames", "1",
                "--json", "--models", models.toString());
        assertEquals(0, code, cli.err());
        JsonNode result = new ObjectMapper().readTree(cli.out());
        assertEquals(30, result.get("frames").asInt(), "the 25-frame clip is looped to 30 frames");
        assertTrue(result.get("fps").asDouble() > 0);
        assertTrue(result.get("ratio_vs_tflite").asDouble() > 0);
        assertTrue(result.get("models").has("pose_landmark_full"));
        assertTrue(result.get("stage_median_ms").has("hands"));
    }
}

package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.mediapipe.MediaPipeModel;
import org.gesturelab.mediapipe.ModelBenchmark;
import org.gesturelab.mediapipe.TfliteModels;
import org.gesturelab.mediapipe.convert.TfliteToOnnx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ModelsBenchCommandTest {

    @TempDir
    Path folder;

    private final CliRunner cli = new CliRunner();

    @Test
    void withoutInstalledModelsItSaysToInstallThem() {
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, cli.run("bench", "models", "--dir", folder.toString()));
        assertTrue(cli.err().contains("gesturelab models install"), cli.err());
    }

    @Test
    void jsonHasARatioPerInstalledModelAndTheGeometricMean() throws IOException {
        Path original = TfliteModels.require(MediaPipeModel.HAND_RECROP);
        Files.copy(original, folder.resolve("hand_recrop.tflite"));
        TfliteToOnnx.convert(original, folder.resolve("hand_recrop.onnx"));

        assertEquals(0, cli.run("bench", "models", "--json", "--dir", folder.toString(), "--iterations", "3",
                "--warmup", "1"), cli.err());
        JsonNode json = new ObjectMapper().readTree(cli.out());
        JsonNode recrop = json.path("models").path("hand_recrop");
        assertTrue(recrop.path("ratio").asDouble() > 0, cli.out());
        assertTrue(recrop.path("onnxRuntimeMs").asDouble() > 0, cli.out());
        assertTrue(recrop.path("tfliteMs").asDouble() > 0, cli.out());
        assertEquals(1, json.path("models").size());
        assertEquals(recrop.path("ratio").asDouble(), json.path("geometricMeanRatio").asDouble(), 1e-3);
        assertTrue(json.path("missing").toString().contains("pose_detection"), cli.out());
    }

    @Test
    void geometricMeanOfRatios() {
        ModelBenchmark.Result result = new ModelBenchmark.Result(folder, 5, List.of(
                new ModelBenchmark.Latency("a", 2, 1), new ModelBenchmark.Latency("b", 1, 2),
                new ModelBenchmark.Latency("c", 4, 1)), List.of());
        assertEquals(Math.cbrt(4), result.geometricMeanRatio(), 1e-12);
    }
}

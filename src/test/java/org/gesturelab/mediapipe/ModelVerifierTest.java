package org.gesturelab.mediapipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.convert.TensorSpec;
import org.gesturelab.mediapipe.ModelVerifier.ModelVerification;
import org.gesturelab.mediapipe.ModelVerifier.OutputComparison;
import org.gesturelab.mediapipe.ModelVerifier.OutputSpace;
import org.gesturelab.mediapipe.ModelVerifier.VerificationReport;
import org.gesturelab.mediapipe.ModelVerifier.Verdict;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification on partial copies of the installation: a few models present, the rest missing. */
class ModelVerifierTest {

    @TempDir
    Path dir;

    @Test
    void comparesPresentModelsAndReportsMissingAndTamperedOnes() throws IOException {
        Path installed = InstalledModels.require();
        for (String file : List.of("hand_recrop.tflite", "hand_recrop.onnx", "face_landmark.tflite",
                "face_landmark.onnx", ModelDirectory.MANIFEST)) {
            Files.copy(installed.resolve(file), dir.resolve(file));
        }
        List<VerificationImages.RgbImage> images = VerificationImages.generated(2, 320, 240, 5);

        VerificationReport report = new ModelVerifier().verify(dir, images, "2 generated", TaskMonitor.SILENT);
        Map<String, ModelVerification> byModel = report.models().stream()
                .collect(Collectors.toMap(ModelVerification::artifactId, m -> m));
        assertEquals(Verdict.PASSED, byModel.get("hand_recrop").verdict(), byModel.get("hand_recrop").toString());
        assertEquals(Verdict.PASSED, byModel.get("face_landmark").verdict());
        assertEquals(2, byModel.get("face_landmark").outputs().size());
        assertTrue(byModel.get("face_landmark").outputs().get(0).range() > 1, "landmarks span crop pixels");
        assertEquals(Verdict.MISSING, byModel.get("pose_landmark_full").verdict());
        assertFalse(report.passed());

        byte[] onnx = Files.readAllBytes(dir.resolve("hand_recrop.onnx"));
        onnx[onnx.length / 2] ^= 1;
        Files.write(dir.resolve("hand_recrop.onnx"), onnx);
        ModelVerification tampered = new ModelVerifier().verify(dir, images, "2 generated", TaskMonitor.SILENT)
                .models().stream().filter(m -> m.artifactId().equals("hand_recrop")).findFirst().orElseThrow();
        assertEquals(Verdict.CHECKSUM, tampered.verdict());
        assertTrue(tampered.detail().contains("hand_recrop.onnx does not match its SHA-256"), tampered.detail());
    }

    @Test
    void segmentationIsComparedAfterItsSigmoidWithRawLogitsAndTfliteSpreadBesideIt() throws IOException {
        Path installed = InstalledModels.require();
        for (String file : List.of("pose_landmark_lite.tflite", "pose_landmark_lite.onnx", ModelDirectory.MANIFEST)) {
            Files.copy(installed.resolve(file), dir.resolve(file));
        }
        List<VerificationImages.RgbImage> images = VerificationImages.generated(2, 320, 240, 7);

        ModelVerification lite = new ModelVerifier().verify(dir, images, "2 generated", TaskMonitor.SILENT)
                .models().stream().filter(m -> m.artifactId().equals("pose_landmark_lite")).findFirst().orElseThrow();

        assertEquals(5, lite.outputs().size(), lite.toString());
        for (int i = 0; i < lite.outputs().size(); i++) {
            OutputComparison output = lite.outputs().get(i);
            if (i != 2) {
                assertEquals(OutputSpace.RAW, output.space(), output.output());
                assertNull(output.raw());
                assertNull(output.spread());
                assertEquals(ModelVerifier.TOLERANCE, output.tolerance());
                continue;
            }
            assertEquals(OutputSpace.SIGMOID, output.space());
            assertEquals(1.0, output.range(), "a mask's values lie in [0, 1]");
            assertTrue(output.maxAbsDiff() <= 1.0);
            // The logits reach far below zero, where the sigmoid flattens any difference: the raw figures say so.
            assertTrue(output.raw().range() > 100, output.toString());
            assertTrue(output.raw().onnxVsXnnpack() > output.maxAbsDiff(), output.toString());
            assertTrue(output.spread().xnnpackVsBuiltin() > 0, "TFLite's two kernel sets never agree to the bit");
            assertTrue(output.raw().spread().xnnpackVsBuiltin() > 0);
            assertEquals(Math.max(ModelVerifier.TOLERANCE,
                    ModelVerifier.SPREAD_FACTOR * output.spread().xnnpackVsBuiltin()), output.tolerance());
        }
        assertEquals(Verdict.PASSED, lite.verdict(), lite.toString());
    }

    @Test
    void onlyThePoseSegmentationIsReadThroughASigmoid() {
        TensorSpec mask = new TensorSpec("Identity_2", new int[] {1, 256, 256, 1});
        assertEquals(OutputSpace.SIGMOID, ModelVerifier.spaceOf(MediaPipeModel.POSE_LANDMARK_FULL, 2, mask));
        assertEquals(OutputSpace.SIGMOID, ModelVerifier.spaceOf(MediaPipeModel.POSE_LANDMARK_HEAVY, 2, mask));
        assertEquals(OutputSpace.RAW, ModelVerifier.spaceOf(MediaPipeModel.POSE_LANDMARK_FULL, 3,
                new TensorSpec("Identity_3", new int[] {1, 64, 64, 39})));
        assertEquals(OutputSpace.RAW, ModelVerifier.spaceOf(MediaPipeModel.HAND_LANDMARK_FULL, 2,
                new TensorSpec("Identity_2", new int[] {1, 1})));
        GestureLabException moved = assertThrows(GestureLabException.class, () -> ModelVerifier.spaceOf(
                MediaPipeModel.POSE_LANDMARK_LITE, 2, new TensorSpec("Identity_2", new int[] {1, 1})));
        assertTrue(moved.getMessage().contains("not the segmentation mask"), moved.getMessage());
    }
}

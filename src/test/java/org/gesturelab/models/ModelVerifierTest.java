package org.gesturelab.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.gesturelab.models.ModelVerifier.ModelVerification;
import org.gesturelab.models.ModelVerifier.VerificationReport;
import org.gesturelab.models.ModelVerifier.Verdict;
import org.gesturelab.task.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification on a partial copy of the installation: two small models present, the rest missing. */
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
}

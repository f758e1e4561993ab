package org.gesturelab.mediapipe.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.mediapipe.MediaPipeModel;
import org.gesturelab.mediapipe.OnnxRuntimeModel;
import org.gesturelab.mediapipe.TensorComparison;
import org.gesturelab.mediapipe.TfliteModels;
import org.gesturelab.mediapipe.TfliteReference;
import org.gesturelab.mediapipe.SyntheticImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Converts every real MediaPipe model and checks the ONNX model (run through DJL's ONNX Runtime engine) against
 * the original on TensorFlow Lite, on two synthetic images. All ten models take about 15 s on one core.
 */
class ModelConversionTest {

    /** Largest difference allowed, as a fraction of each output's range. */
    private static final double TOLERANCE = 1e-3;

    @TempDir
    Path folder;

    @ParameterizedTest
    @EnumSource(MediaPipeModel.class)
    void convertedModelMatchesTensorFlowLite(MediaPipeModel model) throws IOException {
        Path tflite = TfliteModels.require(model);
        Path onnx = folder.resolve(model.onnxFileName());
        ConversionReport report = TfliteToOnnx.convert(tflite, onnx);

        try (TfliteReference reference = TfliteReference.open(tflite);
                OnnxRuntimeModel converted = OnnxRuntimeModel.open(onnx)) {
            assertEquals(reference.inputs(), report.inputs(), "inputs keep TFLite names and shapes");
            assertEquals(reference.outputs(), report.outputs(), "outputs keep TFLite names and shapes");
            assertEquals(reference.inputs(), converted.inputs());
            for (long seed = 1; seed <= 2; seed++) {
                float[] image = SyntheticImages.nhwc(reference.inputs().get(0).shape(), seed);
                List<NamedTensor> expected = reference.run(image);
                List<NamedTensor> actual = converted.run(image);
                assertEquals(expected.size(), actual.size());
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).name(), actual.get(i).name());
                    TensorComparison comparison = TensorComparison.of(expected.get(i), actual.get(i));
                    assertTrue(comparison.relativeDifference() <= TOLERANCE, model.artifactId() + " output "
                            + comparison.name() + " differs by " + comparison.maxAbsoluteDifference() + " ("
                            + comparison.relativeDifference() + " of its range " + comparison.scale() + ")");
                }
            }
        }
    }

    @Test
    void customOperatorsAreRefusedByName() {
        Path tflite = TfliteModels.require(TfliteModels.FACE_LANDMARK_WITH_ATTENTION);
        UnsupportedOperatorException refused = assertThrows(UnsupportedOperatorException.class,
                () -> TfliteToOnnx.convert(tflite, folder.resolve("attention.onnx")));
        assertTrue(refused.getMessage().contains("face_landmark_with_attention.tflite"), refused.getMessage());
        assertEquals(List.of("CUSTOM:Landmarks2TransformMatrix", "CUSTOM:TransformLandmarks",
                "CUSTOM:TransformTensorBilinear"), refused.operators().stream().sorted().toList());
        assertTrue(refused.getMessage().contains("CUSTOM:TransformTensorBilinear"), refused.getMessage());
        assertTrue(!folder.resolve("attention.onnx").toFile().exists(), "nothing is written for a refused model");
    }
}

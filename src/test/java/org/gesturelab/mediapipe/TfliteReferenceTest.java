package org.gesturelab.mediapipe;

import org.gesturelab.mediapipe.convert.NamedTensor;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class TfliteReferenceTest {

    @Test
    void runsHandRecropOnOneThread() throws IOException {
        Path model = TfliteModels.require(MediaPipeModel.HAND_RECROP);
        try (TfliteReference reference = TfliteReference.open(model)) {
            assertEquals(1, reference.inputs().size());
            assertArrayEquals(new int[] {1, 256, 256, 3}, reference.inputs().get(0).shape());
            assertEquals(1, reference.outputs().size());
            assertArrayEquals(new int[] {1, 1, 1, 4}, reference.outputs().get(0).shape());

            float[] image = new float[256 * 256 * 3];
            Random random = new Random(7);
            for (int i = 0; i < image.length; i++) {
                image[i] = random.nextFloat();
            }
            List<NamedTensor> first = reference.run(image);
            List<NamedTensor> second = reference.run(image);
            assertEquals(reference.outputs().get(0).name(), first.get(0).name());
            for (float value : first.get(0).data()) {
                assertTrue(Float.isFinite(value), "non-finite output " + value);
            }
            assertTrue(first.get(0).range() > 0f, "a constant output suggests the input was ignored");
            assertEquals(first, second, "the same input must give the same output");

            float[] other = image.clone();
            java.util.Arrays.fill(other, 0.5f);
            assertTrue(!first.equals(reference.run(other)), "a different input must change the output");
        }
    }

    @Test
    void builtinKernelsAgreeWithXnnpackClosely() throws IOException {
        Path model = TfliteModels.require(MediaPipeModel.HAND_RECROP);
        try (TfliteReference xnnpack = TfliteReference.open(model);
                TfliteReference builtin = TfliteReference.open(model, TfliteReference.Kernels.BUILTIN)) {
            float[] image = SyntheticImages.nhwc(xnnpack.inputs().get(0).shape(), 3);
            TensorComparison comparison = TensorComparison.of(xnnpack.run(image).get(0), builtin.run(image).get(0));
            assertTrue(comparison.relativeDifference() < 1e-4, comparison.toString());
        }
    }

    @Test
    void rejectsInputsOfTheWrongSize() throws IOException {
        Path model = TfliteModels.require(MediaPipeModel.HAND_RECROP);
        try (TfliteReference reference = TfliteReference.open(model)) {
            assertThrows(IllegalArgumentException.class, () -> reference.run(new float[3]));
            assertThrows(IllegalArgumentException.class, () -> reference.run());
        }
    }

    @Test
    void rejectsBytesThatAreNotAModel() {
        assertThrows(IOException.class, () -> TfliteReference.fromBytes(new byte[64], "garbage"));
    }
}

package org.gesturelab.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final float[][] CLIP = TestData.synthetic(1, 1, 3).clips().get(0);
    private static final FeatureExtractor EXTRACTOR = new FeatureExtractor(FeatureSubset.POSE_HANDS, 30);

    @Test
    void theOldFiveValueFormLeavesTheNewChangesOff() {
        assertEquals(new Augmentation(0.05, 0.1, 10, 0.2, false, 0, 0, 0, 0),
                new Augmentation(0.05, 0.1, 10, 0.2, false));
        assertTrue(Augmentation.NONE.isNone());
        assertFalse(Augmentation.DEFAULT.isNone());
        assertFalse(Augmentation.DEFAULT.mirror(), "mirroring is never on by default");
        assertFalse(new Augmentation(0, 0, 0, 0, false, 0, 0, 0.1, 0).isNone());
        assertTrue(Augmentation.DEFAULT.withMirror(true).mirror());
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0, 0, false, 0, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0, 0, false, -0.1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Augmentation(0, 0, 0, 0, false, 0, 0, 0, 1));
    }

    @Test
    void shiftMovesTheBodyButNotTheShouldersThatDefineIt() {
        float[][] plain = EXTRACTOR.sequence(CLIP);
        float[][] shifted = new Augmentation(0, 0, 0, 0, false, 0.2, 0, 0, 0)
                .sequence(EXTRACTOR, CLIP, new Random(1));
        int pose = EXTRACTOR.partStart(FeatureExtractor.PART_POSE);
        float dx = shifted[0][pose] - plain[0][pose];
        assertNotEquals(0f, dx, 1e-6f);
        assertTrue(Math.abs(dx) <= 0.2f + 1e-5f);
        for (int t = 0; t < plain.length; t++) {
            assertEquals(dx, shifted[t][pose] - plain[t][pose], 1e-4f, "one shift for the whole clip");
            for (int shoulder : new int[] {11, 12}) {
                assertEquals(plain[t][pose + 2 * shoulder], shifted[t][pose + 2 * shoulder], 1e-6f);
                assertEquals(plain[t][pose + 2 * shoulder + 1], shifted[t][pose + 2 * shoulder + 1], 1e-6f);
            }
        }
    }

    @Test
    void frameDropKeepsTheLengthAndTheEnds() {
        float[][] plain = EXTRACTOR.sequence(CLIP);
        Augmentation drop = new Augmentation(0, 0, 0, 0, false, 0, 0, 0.9, 0);
        boolean changed = false;
        for (int seed = 0; seed < 5; seed++) {
            float[][] dropped = drop.sequence(EXTRACTOR, CLIP, new Random(seed));
            assertEquals(30, dropped.length);
            assertArrayEquals(plain[0], dropped[0], 1e-6f);
            assertArrayEquals(plain[29], dropped[29], 1e-6f);
            for (int t = 1; t < 29; t++) {
                changed |= !java.util.Arrays.equals(plain[t], dropped[t]);
            }
        }
        assertTrue(changed, "dropping frames changes the sampling in between");
    }

    @Test
    void partDropoutHidesHandsForAStretchAndPoseLandmarksForTheClip() {
        Augmentation dropout = new Augmentation(0, 0, 0, 0, false, 0, 0, 0, 0.9);
        int rightFlag = EXTRACTOR.flagColumn(FeatureExtractor.PART_RIGHT_HAND);
        float[][] plain = EXTRACTOR.sequence(CLIP);
        int seen = 0;
        int hidden = 0;
        Random random = new Random(4);
        for (int draw = 0; draw < 20; draw++) {
            float[][] sequence = dropout.sequence(EXTRACTOR, CLIP, random);
            for (int t = 0; t < sequence.length; t++) {
                if (plain[t][rightFlag] > 0.5f) {
                    seen++;
                    hidden += sequence[t][rightFlag] < 0.5f ? 1 : 0;
                }
            }
        }
        assertTrue(hidden > 0 && hidden < seen, hidden + " of " + seen + " right-hand frames hidden");

        int[] flagOfColumn = EXTRACTOR.flagOfColumn();
        float[][] standardized = new float[30][EXTRACTOR.dimension()];
        for (float[] frame : standardized) {
            java.util.Arrays.fill(frame, 1f);
        }
        dropout.afterStandardization(EXTRACTOR, standardized, flagOfColumn, new Random(2));
        int pose = EXTRACTOR.partStart(FeatureExtractor.PART_POSE);
        int zeroLandmarks = 0;
        for (int i = 0; i < FeatureExtractor.UPPER_BODY; i++) {
            boolean zero = standardized[0][pose + 2 * i] == 0f;
            for (float[] frame : standardized) {
                assertEquals(zero, frame[pose + 2 * i] == 0f, "a landmark is hidden in every frame or none");
            }
            zeroLandmarks += zero ? 1 : 0;
        }
        assertEquals(1f, standardized[0][pose + 2 * 11]);
        assertTrue(zeroLandmarks > 0, "some pose landmarks hidden");
    }
}

package org.gesturelab.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gesturelab.core.KeypointLayout;
import org.junit.jupiter.api.Test;

/**
 * Feature version 2: a clip and its mirror image give the same features but for the side column, the arms'
 * geometry is what it says, and models of version 1 keep their features.
 */
class CanonicalSideFeaturesTest {

    private static final int LEFT_WRIST = KeypointLayout.POSE_OFFSET + 15 * 4;
    private static final int RIGHT_WRIST = KeypointLayout.POSE_OFFSET + 16 * 4;

    /** The synthetic clip with its right hand raised above the shoulder, waving side to side. */
    private static float[][] rightHandWave() {
        float[][] clip = TestData.synthetic(1, 1, 3).clips().get(0);
        for (int t = 0; t < clip.length; t++) {
            clip[t][RIGHT_WRIST] += (float) (0.08 * Math.sin(t * 0.7));
            clip[t][RIGHT_WRIST + 1] -= (float) (0.2 + 0.03 * Math.cos(t * 0.7));
        }
        return clip;
    }

    @Test
    void theArmFurtherFromRestLeads() {
        float[][] wave = rightHandWave();
        assertFalse(LeadingArm.isLeft(wave));
        assertTrue(LeadingArm.isLeft(TestData.mirrorImage(wave)));
        // A held pose leads the same way as the movement that made it: the last frames alone, the hand still.
        float[][] held = new float[10][];
        java.util.Arrays.fill(held, wave[wave.length - 1]);
        assertTrue(LeadingArm.isLeft(TestData.mirrorImage(held)));
        assertFalse(LeadingArm.isLeft(new float[3][KeypointLayout.FEATURES]), "no pose, no lead");
    }

    @Test
    void aClipAndItsMirrorImageDifferOnlyInTheSideColumn() {
        float[][] wave = rightHandWave();
        float[][] mirrored = TestData.mirrorImage(wave);
        FeatureExtractor canonical = new FeatureExtractor(FeatureSubset.POSE_HANDS, 30, true);
        float[][] a = canonical.sequence(wave);
        float[][] b = canonical.sequence(mirrored);
        int side = canonical.sideColumn();
        assertEquals(canonical.dimension() - 1, side);
        for (int t = 0; t < a.length; t++) {
            assertEquals(0f, a[t][side], "as recorded");
            assertEquals(1f, b[t][side], "mirrored");
            for (int f = 0; f < side; f++) {
                assertEquals(a[t][f], b[t][f], 1e-5f, "frame " + t + " feature " + f);
            }
        }
        // As recorded (version 1), the two are told apart: the test above is not true of any extractor.
        FeatureExtractor asRecorded = new FeatureExtractor(FeatureSubset.POSE_HANDS, 30);
        float[][] c = asRecorded.sequence(wave);
        float[][] d = asRecorded.sequence(mirrored);
        double largest = 0;
        for (int t = 0; t < c.length; t++) {
            for (int f = 0; f < c[t].length; f++) {
                largest = Math.max(largest, Math.abs(c[t][f] - d[t][f]));
            }
        }
        assertTrue(largest > 0.5, "version 1 sees the mirror image as different: " + largest);
    }

    @Test
    void armGeometryGivesDirectionsAndTheElbowsCosine() {
        float[] frame = TestData.synthetic(1, 1, 3).clips().get(0)[0].clone();
        setPose(frame, 11, 0.60, 0.40);
        setPose(frame, 12, 0.40, 0.40);
        setPose(frame, 14, 0.40, 0.55);
        setPose(frame, 16, 0.25, 0.55);
        setPose(frame, 20, 0.15, 0.55);
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.POSE, 30, true);
        assertFalse(LeadingArm.isLeft(new float[][] {frame}), "the raised right arm leads");
        float[] features = extractor.frameFeatures(new float[][] {frame}, FrameTransform.IDENTITY)[0];
        assertEquals(46, extractor.armStart(), "after the pose's 46 values");
        int right = extractor.armStart() + FeatureExtractor.ARM_FEATURES / 2;
        float[] expected = {0, 1, -1, 0, 0};
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], features[right + k], 1e-6f, "upper arm down, forearm out, elbow square: " + k);
        }
        assertEquals(-1f, features[right + 7], 1e-6f, "index finger points along -x");
        assertEquals(0f, features[right + 8], 1e-6f);
    }

    private static void setPose(float[] frame, int landmark, double x, double y) {
        frame[KeypointLayout.POSE_OFFSET + landmark * 4] = (float) x;
        frame[KeypointLayout.POSE_OFFSET + landmark * 4 + 1] = (float) y;
    }

    @Test
    void versionsNameTheirFeatures() {
        FeatureExtractor v1 = FeatureExtractor.forVersion(FeatureSubset.POSE_HANDS, 30, 1);
        FeatureExtractor v2 = FeatureExtractor.forVersion(FeatureSubset.POSE_HANDS, 30, 2);
        assertEquals(1, v1.version());
        assertEquals(2, v2.version());
        assertEquals(-1, v1.sideColumn());
        assertEquals(-1, v1.armStart());
        assertEquals(v1.dimension() + FeatureExtractor.ARM_FEATURES + 1, v2.dimension());
        assertEquals(new FeatureExtractor(FeatureSubset.HANDS, 30).dimension() + 1,
                FeatureExtractor.forVersion(FeatureSubset.HANDS, 30, 2).dimension(), "no pose, no arms");
        assertThrows(IllegalArgumentException.class, () -> FeatureExtractor.forVersion(FeatureSubset.POSE, 30, 3));
    }
}

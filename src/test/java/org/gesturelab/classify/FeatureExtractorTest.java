package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.gesturelab.core.KeypointLayout;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private static final float[][] CLIP = TestData.synthetic(1, 1, 3).clips().get(0);

    @Test
    void dimensionsFollowTheSubset() {
        assertEquals(46 + 1, new FeatureExtractor(FeatureSubset.POSE, 30).dimension());
        assertEquals(2 * 66 + 2, new FeatureExtractor(FeatureSubset.HANDS, 30).dimension());
        assertEquals(46 + 2 * 66 + 3, new FeatureExtractor(FeatureSubset.POSE_HANDS, 30).dimension());
        assertEquals(46 + 2 * 66 + 72 + 4, new FeatureExtractor(FeatureSubset.ALL, 30).dimension());
    }

    @Test
    void clipsOfAnyLengthBecomeTheSequenceLength() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.POSE_HANDS, 30);
        for (int frames : new int[] {1, 7, 30, 95}) {
            float[][] clip = new float[frames][];
            for (int t = 0; t < frames; t++) {
                clip[t] = CLIP[t % CLIP.length];
            }
            float[][] sequence = extractor.sequence(clip);
            assertEquals(30, sequence.length);
            assertEquals(extractor.dimension(), sequence[0].length);
        }
        assertThrows(IllegalArgumentException.class, () -> extractor.sequence(new float[0][]));
        assertThrows(IllegalArgumentException.class, () -> extractor.sequence(new float[][] {new float[258]}));
    }

    @Test
    void featuresIgnoreWherePersonStandsAndHowFarAway() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.POSE_HANDS, 30);
        float[][] moved = new float[CLIP.length][];
        for (int t = 0; t < CLIP.length; t++) {
            moved[t] = shiftAndScale(CLIP[t], 0.13f, -0.07f, 0.6f);
        }
        float[][] a = extractor.sequence(CLIP);
        float[][] b = extractor.sequence(moved);
        for (int t = 0; t < a.length; t++) {
            assertArrayEquals(a[t], b[t], 2e-3f, "frame " + t);
        }
    }

    @Test
    void missingHandGivesZerosAndAZeroFlag() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.POSE_HANDS, 30);
        float[] frame = CLIP[0].clone();
        java.util.Arrays.fill(frame, KeypointLayout.RIGHT_HAND_OFFSET,
                KeypointLayout.RIGHT_HAND_OFFSET + KeypointLayout.HAND_LENGTH, 0f);
        float[] features = extractor.frameFeatures(new float[][] {frame}, FrameTransform.IDENTITY)[0];
        int[] flagOf = extractor.flagOfColumn();
        int rightStart = 46 + 66;
        for (int f = rightStart; f < rightStart + 66; f++) {
            assertEquals(0f, features[f]);
        }
        assertEquals(0f, features[flagOf[rightStart]], "right-hand flag");
        assertEquals(1f, features[flagOf[0]], "pose flag");
        assertEquals(0f, features[flagOf[46]], "left hand is absent in the synthetic clip");
    }

    @Test
    void resamplingDoesNotInterpolateTowardsAMissingPart() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.POSE_HANDS, 3);
        float[] without = CLIP[0].clone();
        java.util.Arrays.fill(without, KeypointLayout.RIGHT_HAND_OFFSET,
                KeypointLayout.RIGHT_HAND_OFFSET + KeypointLayout.HAND_LENGTH, 0f);
        float[][] frames = extractor.frameFeatures(new float[][] {CLIP[0], without}, FrameTransform.IDENTITY);
        float[][] sequence = extractor.resample(frames, new double[] {0, 0.4, 0.6});
        assertArrayEquals(frames[0], sequence[1], "0.4 takes the nearer frame");
        assertArrayEquals(frames[1], sequence[2], "0.6 takes the nearer frame");
        float[][] both = extractor.frameFeatures(new float[][] {CLIP[0], CLIP[1]}, FrameTransform.IDENTITY);
        float[][] mixed = extractor.resample(both, new double[] {0.5});
        assertEquals((both[0][0] + both[1][0]) / 2, mixed[0][0], 1e-6f, "same parts present: interpolated");
    }

    @Test
    void mirroringSwapsTheHands() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.HANDS, 30);
        float[] plain = extractor.frameFeatures(new float[][] {CLIP[0]}, FrameTransform.IDENTITY)[0];
        float[] mirrored = extractor.frameFeatures(new float[][] {CLIP[0]}, FrameTransform.of(0, 1, 1, true))[0];
        int[] flagOf = extractor.flagOfColumn();
        assertEquals(1f, plain[flagOf[66]], "right hand present");
        assertEquals(1f, mirrored[flagOf[0]], "mirrored: it is now the left hand");
        assertEquals(0f, mirrored[flagOf[66]]);
        assertEquals(plain[66 + 3], -mirrored[3], 1e-5f, "x relative to the wrist flips sign");
        assertEquals(plain[66 + 4], mirrored[4], 1e-5f, "y stays");
    }

    @Test
    void statisticsCountOnlyPresentFramesAndKeepMissingPartsAtZero() {
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.POSE_HANDS, 30);
        int[] flagOf = extractor.flagOfColumn();
        LabeledClips data = TestData.synthetic(3, 4, 5);
        List<float[][]> sequences = data.clips().stream().map(extractor::sequence).toList();
        FeatureStatistics statistics = FeatureStatistics.fit(sequences, flagOf);
        int column = 46 + 66 + 5;
        double sum = 0;
        int count = 0;
        for (float[][] sequence : sequences) {
            for (float[] frame : sequence) {
                if (frame[flagOf[column]] > 0.5f) {
                    sum += frame[column];
                    count++;
                }
            }
        }
        assertEquals(sum / count, statistics.mean()[column], 1e-4);
        float[][] standardized = sequences.get(0);
        statistics.standardize(standardized, flagOf);
        for (float[] frame : standardized) {
            for (int f = 46; f < 46 + 66; f++) {
                assertEquals(0f, frame[f], "left hand is missing: stays 0");
            }
            assertEquals(1f, frame[flagOf[0]], "flags are not standardized");
        }
    }

    @Test
    void detectsWhichPartsTheDataHas() {
        assertEquals(FeatureSubset.POSE_HANDS, FeatureSubset.detect(List.<float[][]>of(CLIP)));
        float[][] poseOnly = new float[CLIP.length][];
        float[][] withFace = new float[CLIP.length][];
        for (int t = 0; t < CLIP.length; t++) {
            poseOnly[t] = CLIP[t].clone();
            java.util.Arrays.fill(poseOnly[t], KeypointLayout.LEFT_HAND_OFFSET, KeypointLayout.FEATURES, 0f);
            withFace[t] = CLIP[t].clone();
            withFace[t][KeypointLayout.FACE_OFFSET + 5] = 0.5f;
        }
        assertEquals(FeatureSubset.POSE, FeatureSubset.detect(List.<float[][]>of(poseOnly)));
        assertEquals(FeatureSubset.ALL, FeatureSubset.detect(List.<float[][]>of(withFace)));
    }

    private static float[] shiftAndScale(float[] frame, float dx, float dy, float scale) {
        float[] out = frame.clone();
        shift(out, KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LANDMARKS, 4, dx, dy, scale);
        shift(out, KeypointLayout.LEFT_HAND_OFFSET, 2 * KeypointLayout.HAND_LANDMARKS, 3, dx, dy, scale);
        return out;
    }

    private static void shift(float[] frame, int offset, int points, int stride, float dx, float dy, float scale) {
        if (!KeypointLayout.present(frame, offset, points * stride)) {
            return;
        }
        for (int i = 0; i < points; i++) {
            int at = offset + i * stride;
            if (frame[at] == 0 && frame[at + 1] == 0 && frame[at + 2] == 0) {
                continue;
            }
            frame[at] = 0.5f + (frame[at] - 0.5f) * scale + dx;
            frame[at + 1] = 0.5f + (frame[at + 1] - 0.5f) * scale + dy;
            frame[at + 2] = frame[at + 2] * scale;
        }
    }
}

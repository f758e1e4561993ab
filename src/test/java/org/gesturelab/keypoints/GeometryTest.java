package org.gesturelab.keypoints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class GeometryTest {

    private static final double EPS = 1e-6;

    @Test
    void poseDetectorHas2254AnchorsOnThreeGrids() {
        float[][] anchors = SsdAnchors.poseDetector();
        assertEquals(2254, anchors.length);
        // 28x28 cells, 2 anchors each, first cell centre at half a cell.
        assertArrayEquals(new float[] {0.5f / 28, 0.5f / 28}, anchors[0], 1e-7f);
        assertArrayEquals(anchors[0], anchors[1], 0f);
        assertArrayEquals(new float[] {1.5f / 28, 0.5f / 28}, anchors[2], 1e-7f);
        // 14x14 grid starts after 1568 anchors.
        assertArrayEquals(new float[] {0.5f / 14, 0.5f / 14}, anchors[1568], 1e-7f);
        // The three stride-32 layers share one 7x7 grid with 6 anchors per cell.
        assertArrayEquals(new float[] {0.5f / 7, 0.5f / 7}, anchors[1960], 1e-7f);
        assertArrayEquals(new float[] {0.5f / 7, 0.5f / 7}, anchors[1965], 1e-7f);
        assertArrayEquals(new float[] {1.5f / 7, 0.5f / 7}, anchors[1966], 1e-7f);
        assertArrayEquals(new float[] {6.5f / 7, 6.5f / 7}, anchors[2253], 1e-7f);
    }

    @Test
    void decodesBoxAndKeypointsRelativeToTheAnchor() {
        DetectionDecoder decoder = DetectionDecoder.poseDetector();
        float[] boxes = new float[2254 * 12];
        float[] scores = new float[2254];
        java.util.Arrays.fill(scores, -10f);
        int anchor = 1568 + (3 * 14 + 5) * 2;
        scores[anchor] = 2f;
        int at = anchor * 12;
        boxes[at] = 22.4f;
        boxes[at + 1] = -11.2f;
        boxes[at + 2] = 44.8f;
        boxes[at + 3] = 67.2f;
        boxes[at + 4] = 0f;
        boxes[at + 5] = 0f;
        boxes[at + 6] = 2.24f;
        boxes[at + 7] = -22.4f;
        List<Detection> detections = decoder.decode(boxes, scores);
        assertEquals(1, detections.size());
        Detection d = detections.get(0);
        double ax = 5.5 / 14;
        double ay = 3.5 / 14;
        assertEquals(1 / (1 + Math.exp(-2)), d.score(), 1e-6);
        assertEquals(ax + 0.1 - 0.1, d.xmin(), 1e-6);
        assertEquals(ax + 0.1 + 0.1, d.xmax(), 1e-6);
        assertEquals(ay - 0.05 - 0.15, d.ymin(), 1e-6);
        assertEquals(ay, d.keypointY(0), 1e-6);
        assertEquals(ax + 0.01, d.keypointX(1), 1e-6);
        assertEquals(ay - 0.1, d.keypointY(1), 1e-6);
    }

    @Test
    void weightedSuppressionAveragesOverlappingDetections() {
        Detection strong = new Detection(0.9f, 0.1f, 0.1f, 0.5f, 0.5f, new float[] {0.3f, 0.3f});
        Detection weak = new Detection(0.3f, 0.14f, 0.1f, 0.54f, 0.5f, new float[] {0.34f, 0.3f});
        Detection apart = new Detection(0.6f, 0.7f, 0.7f, 0.9f, 0.9f, new float[] {0.8f, 0.8f});
        List<Detection> out = DetectionDecoder.weightedNonMaxSuppression(List.of(weak, apart, strong), 0.3f);
        assertEquals(2, out.size());
        Detection merged = out.get(0);
        assertEquals(0.9f, merged.score(), 0f);
        assertEquals((0.1 * 0.9 + 0.14 * 0.3) / 1.2, merged.xmin(), 1e-6);
        assertEquals((0.3 * 0.9 + 0.34 * 0.3) / 1.2, merged.keypointX(0), 1e-6);
        assertEquals(0.7f, out.get(1).xmin(), 1e-6f);
        assertEquals(0.8f, out.get(1).keypointX(0), 1e-6f);
    }

    @Test
    void alignmentRoiStandsUprightForAVerticalBody() {
        // Hip centre at (100, 200), the scale point straight above it: no rotation, side twice the distance.
        Roi roi = Roi.fromAlignmentPoints(100, 200, 100, 100, Math.PI / 2);
        assertEquals(0, roi.rotation(), EPS);
        assertEquals(200, roi.width(), EPS);
        Roi expanded = roi.transform(1.25, 1.25, 0, 0, true);
        assertEquals(250, expanded.height(), EPS);
        // Scale point to the right: the body lies on its side, turned a quarter clockwise on screen.
        Roi lying = Roi.fromAlignmentPoints(100, 200, 200, 200, Math.PI / 2);
        assertEquals(Math.PI / 2, lying.rotation(), EPS);
        double[] top = lying.toFrame(0.5, 0);
        assertArrayEquals(new double[] {200, 200}, top, 1e-9);
    }

    @Test
    void cropAndFrameCoordinatesAreInverse() {
        Roi roi = new Roi(320.5, 200.25, 180, 120, 0.7);
        double[] point = roi.toFrame(0.2, 0.9);
        assertArrayEquals(new double[] {0.2, 0.9}, roi.toCrop(point[0], point[1]), 1e-9);
        double[] m = roi.cropToFrameAffine(256, 256);
        double i = 0.2 * 256;
        double j = 0.9 * 256;
        assertArrayEquals(point, new double[] {m[0] * i + m[1] * j + m[2], m[3] * i + m[4] * j + m[5]}, 1e-9);
    }

    @Test
    void shiftFollowsTheRotatedAxes() {
        Roi roi = new Roi(100, 100, 40, 20, Math.PI / 2);
        Roi shifted = roi.transform(2, 2, 0, -0.1, true);
        // Up in the rectangle's frame is +x on screen after a quarter clockwise turn.
        assertEquals(102, shifted.centerX(), EPS);
        assertEquals(100, shifted.centerY(), EPS);
        assertEquals(80, shifted.width(), EPS);
        assertEquals(80, shifted.height(), EPS);
    }

    @Test
    void normalizesAngles() {
        assertEquals(-Math.PI, Roi.normalizeRadians(Math.PI), EPS);
        assertEquals(0.5, Roi.normalizeRadians(0.5 + 4 * Math.PI), EPS);
        assertEquals(-0.5, Roi.normalizeRadians(-0.5 - 2 * Math.PI), EPS);
    }

    @Test
    void oneEuroFilterHoldsStillValuesAndFollowsFastOnes() {
        OneEuroFilter still = new OneEuroFilter(30, 0.05, 80, 1);
        double last = 0;
        for (int i = 0; i < 30; i++) {
            double noisy = 100 + (i % 2 == 0 ? 1 : -1);
            last = still.apply(i * 33_333_333L, 1 / 200.0, noisy);
        }
        assertTrue(Math.abs(last - 100) < 0.3, "jitter damped, got " + last);

        OneEuroFilter moving = new OneEuroFilter(30, 0.05, 80, 1);
        double value = 0;
        for (int i = 0; i < 10; i++) {
            value = moving.apply(i * 33_333_333L, 1 / 200.0, i * 20.0);
        }
        assertTrue(value > 150, "fast motion followed with little lag, got " + value);

        assertEquals(7.0, moving.apply(0, 1, 7.0), 0.0, "an old time stamp passes the value through");
    }

    @Test
    void smootherResetsWhenTheObjectIsLost() {
        LandmarkSmoother smoother = new LandmarkSmoother(1, LandmarkSmoother.POSE);
        float[] xyz = {0.5f, 0.5f, 0f};
        float[] vis = {1f};
        smoother.apply(xyz, vis, 0, 640, 480, 200);
        float[] moved = {0.6f, 0.5f, 0f};
        float[] lowVis = {0f};
        smoother.apply(moved, lowVis, 33_000_000L, 640, 480, 200);
        assertTrue(moved[0] > 0.5f && moved[0] <= 0.6f);
        assertEquals(0.9f, lowVis[0], 1e-6f);
        smoother.reset();
        float[] fresh = {0.1f, 0.1f, 0f};
        smoother.apply(fresh, null, 66_000_000L, 640, 480, 200);
        assertEquals(0.1f, fresh[0], 0f);
    }
}

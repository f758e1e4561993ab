package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.gesturelab.capture.Frame;
import org.junit.jupiter.api.Test;

class FrameKeypointsTest {

    @Test
    void vectorFollowsTheHolisticLayoutWithZerosForMissingParts() {
        float[] pose = filled(KeypointLayout.POSE_LENGTH, 1);
        float[] right = filled(KeypointLayout.HAND_LENGTH, 4);
        FrameKeypoints keypoints = new FrameKeypoints(3, 100, 640, 480, pose, null, null, right, Map.of());
        float[] vector = keypoints.toVector();
        assertEquals(1662, vector.length);
        assertEquals(1f, vector[0]);
        assertEquals(1f, vector[131]);
        assertFalse(KeypointLayout.present(vector, KeypointLayout.FACE_OFFSET, KeypointLayout.FACE_LENGTH));
        assertFalse(KeypointLayout.present(vector, KeypointLayout.LEFT_HAND_OFFSET, KeypointLayout.HAND_LENGTH));
        assertEquals(4f, vector[KeypointLayout.RIGHT_HAND_OFFSET]);
        assertEquals(4f, vector[1661]);
        assertTrue(keypoints.hasPose() && keypoints.hasRightHand() && !keypoints.hasLeftHand() && !keypoints.hasFace());
    }

    @Test
    void rejectsBlocksOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class,
                () -> new FrameKeypoints(0, 0, 10, 10, new float[33 * 3], null, null, null, Map.of()));
    }

    @Test
    void overlayDrawsWhereTheLandmarksAre() {
        float[] hand = new float[KeypointLayout.HAND_LENGTH];
        for (int i = 0; i < KeypointLayout.HAND_LANDMARKS; i++) {
            hand[3 * i] = 0.25f + 0.01f * i;
            hand[3 * i + 1] = 0.5f;
        }
        Frame black = new Frame(0, 0, 200, 100, new byte[200 * 100 * 3]);
        Frame drawn = KeypointOverlay.draw(black, new FrameKeypoints(0, 0, 200, 100, null, null, hand, null,
                Map.of()));
        int[] onHand = drawn.pixel(50, 50);
        assertTrue(onHand[0] + onHand[1] + onHand[2] > 100, "the left hand is drawn at (50, 50)");
        assertEquals(0, drawn.pixel(150, 10)[1], "far from any landmark stays black");
        assertEquals(0, black.pixel(50, 50)[2], "the original frame is untouched");
    }

    private static float[] filled(int length, float value) {
        float[] block = new float[length];
        java.util.Arrays.fill(block, value);
        return block;
    }
}

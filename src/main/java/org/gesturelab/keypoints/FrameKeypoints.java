package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * MediaPipe Holistic's result for one frame, in normalized coordinates of the original frame (x / width,
 * y / height; z as MediaPipe defines it, in units of the width). A part that was not found is null.
 * "Left" and "right" are the person's own, as MediaPipe assigns them from the pose.
 *
 * <p>Immutable as handed out: the arrays are not copied, so do not change them.
 *
 * @param index the frame's index in its source
 * @param timestampMillis the frame's time stamp
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param pose 33 x (x, y, z, visibility), or null
 * @param face 468 x (x, y, z), or null
 * @param leftHand 21 x (x, y, z), or null
 * @param rightHand 21 x (x, y, z), or null
 * @param stageMillis how long each stage took for this frame
 */
public record FrameKeypoints(long index, long timestampMillis, int width, int height, float[] pose, float[] face,
        float[] leftHand, float[] rightHand, Map<Stage, Double> stageMillis) {

    /** Checks block sizes and freezes the timings. */
    public FrameKeypoints {
        check(pose, KeypointLayout.POSE_LENGTH, "pose");
        check(face, KeypointLayout.FACE_LENGTH, "face");
        check(leftHand, KeypointLayout.HAND_LENGTH, "left hand");
        check(rightHand, KeypointLayout.HAND_LENGTH, "right hand");
        stageMillis = stageMillis.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new EnumMap<>(stageMillis));
    }

    private static void check(float[] block, int length, String name) {
        if (block != null && block.length != length) {
            throw new IllegalArgumentException(name + " needs " + length + " floats, got " + block.length);
        }
    }

    /** Returns whether a pose was found. */
    public boolean hasPose() {
        return pose != null;
    }

    /** Returns whether a face was found. */
    public boolean hasFace() {
        return face != null;
    }

    /** Returns whether the person's left hand was found. */
    public boolean hasLeftHand() {
        return leftHand != null;
    }

    /** Returns whether the person's right hand was found. */
    public boolean hasRightHand() {
        return rightHand != null;
    }

    /**
     * Returns the 1662-float vector as {@code ../shared/data/asl6-holistic} stores it: pose 33x4, face 468x3, left
     * hand 21x3, right hand 21x3, zeros for parts not found.
     *
     * @return a new array of {@link KeypointLayout#FEATURES} floats
     */
    public float[] toVector() {
        float[] vector = new float[KeypointLayout.FEATURES];
        copy(pose, vector, KeypointLayout.POSE_OFFSET);
        copy(face, vector, KeypointLayout.FACE_OFFSET);
        copy(leftHand, vector, KeypointLayout.LEFT_HAND_OFFSET);
        copy(rightHand, vector, KeypointLayout.RIGHT_HAND_OFFSET);
        return vector;
    }

    private static void copy(float[] block, float[] vector, int offset) {
        if (block != null) {
            System.arraycopy(block, 0, vector, offset, block.length);
        }
    }

    @Override
    public String toString() {
        return "FrameKeypoints[#" + index + " @" + timestampMillis + "ms pose=" + hasPose() + " face=" + hasFace()
                + " left=" + hasLeftHand() + " right=" + hasRightHand() + "]";
    }
}

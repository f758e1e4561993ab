package org.gesturelab.core;

/**
 * The 1662-float keypoint vector of one frame, as MediaPipe Holistic tutorials store it and
 * {@code ../shared/data/asl6-holistic} holds it: pose 33 x (x, y, z, visibility), face 468 x (x, y, z),
 * left hand 21 x (x, y, z), right hand 21 x (x, y, z), zeros where a part was not detected.
 *
 * <p>Coordinates are normalized to the image (x, y in [0, 1]); "left" and "right" are from the person's point of
 * view, as MediaPipe assigns them.
 */
public final class KeypointLayout {

    /** Pose landmarks per frame. */
    public static final int POSE_LANDMARKS = 33;
    /** Face mesh landmarks per frame. */
    public static final int FACE_LANDMARKS = 468;
    /** Landmarks per hand. */
    public static final int HAND_LANDMARKS = 21;

    /** Offset of the pose block (33 x 4 floats). */
    public static final int POSE_OFFSET = 0;
    /** Length of the pose block. */
    public static final int POSE_LENGTH = POSE_LANDMARKS * 4;
    /** Offset of the face block (468 x 3 floats). */
    public static final int FACE_OFFSET = POSE_OFFSET + POSE_LENGTH;
    /** Length of the face block. */
    public static final int FACE_LENGTH = FACE_LANDMARKS * 3;
    /** Offset of the left-hand block (21 x 3 floats). */
    public static final int LEFT_HAND_OFFSET = FACE_OFFSET + FACE_LENGTH;
    /** Length of one hand block. */
    public static final int HAND_LENGTH = HAND_LANDMARKS * 3;
    /** Offset of the right-hand block (21 x 3 floats). */
    public static final int RIGHT_HAND_OFFSET = LEFT_HAND_OFFSET + HAND_LENGTH;
    /** Floats per frame: 1662. */
    public static final int FEATURES = RIGHT_HAND_OFFSET + HAND_LENGTH;

    /** Floats per frame in the face-less layout (pose 132, left hand 63, right hand 63), as ksl13 stores it. */
    public static final int POSE_HANDS_FEATURES = POSE_LENGTH + 2 * HAND_LENGTH;

    private KeypointLayout() {
    }

    /**
     * Expands a 258-float pose-and-hands frame into the 1662 layout, with zeros for the face.
     *
     * @param poseHands pose 132, left hand 63, right hand 63
     * @return the 1662-float frame
     */
    public static float[] fromPoseHands(float[] poseHands) {
        if (poseHands.length != POSE_HANDS_FEATURES) {
            throw new IllegalArgumentException("expected " + POSE_HANDS_FEATURES + " floats, got " + poseHands.length);
        }
        float[] full = new float[FEATURES];
        System.arraycopy(poseHands, 0, full, POSE_OFFSET, POSE_LENGTH);
        System.arraycopy(poseHands, POSE_LENGTH, full, LEFT_HAND_OFFSET, 2 * HAND_LENGTH);
        return full;
    }

    /**
     * Returns whether a block of the vector holds a detection (any non-zero value).
     *
     * @param frame a 1662-float frame
     * @param offset the block's offset
     * @param length the block's length
     * @return true if the part was detected
     */
    public static boolean present(float[] frame, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (frame[i] != 0f) {
                return true;
            }
        }
        return false;
    }
}

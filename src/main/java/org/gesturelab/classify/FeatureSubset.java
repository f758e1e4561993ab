package org.gesturelab.classify;

import java.util.List;

import org.gesturelab.core.KeypointLayout;

/**
 * Which body parts a classifier looks at. Every subset is taken from the same 1662-float frame; parts that are not
 * selected are ignored even when present.
 */
public enum FeatureSubset {
    /** Upper-body pose only (shoulders, arms, hips, head points), for full-body gestures. */
    POSE(true, false, false),
    /** Both hands (hand shape and the wrist's position relative to the body), for hand signs. */
    HANDS(false, true, false),
    /** Pose and both hands: the default, and what face-less data such as ksl13 carries. */
    POSE_HANDS(true, true, false),
    /** Pose, hands and a reduced face (24 points of mouth, eyes, brows, nose and chin). */
    ALL(true, true, true);

    private final boolean pose;
    private final boolean hands;
    private final boolean face;

    FeatureSubset(boolean pose, boolean hands, boolean face) {
        this.pose = pose;
        this.hands = hands;
        this.face = face;
    }

    /** A part seen in fewer than this share of frames is treated as absent from the data. */
    private static final double PRESENT_SHARE = 0.05;

    /**
     * Picks the subset that covers the parts the clips actually contain: face-less data (ksl13) gets
     * {@link #POSE_HANDS}, pose-only data {@link #POSE}, full holistic data {@link #ALL}.
     *
     * @param clips raw clips
     * @return the subset; {@link #POSE_HANDS} when nothing was detected
     */
    public static FeatureSubset detect(List<float[][]> clips) {
        long frames = 0;
        long pose = 0;
        long hands = 0;
        long face = 0;
        for (float[][] clip : clips) {
            for (float[] frame : clip) {
                frames++;
                pose += KeypointLayout.present(frame, KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LENGTH) ? 1 : 0;
                hands += KeypointLayout.present(frame, KeypointLayout.LEFT_HAND_OFFSET, 2 * KeypointLayout.HAND_LENGTH)
                        ? 1 : 0;
                face += KeypointLayout.present(frame, KeypointLayout.FACE_OFFSET, KeypointLayout.FACE_LENGTH) ? 1 : 0;
            }
        }
        double minimum = Math.max(1, PRESENT_SHARE * frames);
        boolean hasPose = pose >= minimum;
        boolean hasHands = hands >= minimum;
        if (face >= minimum) {
            return ALL;
        }
        if (hasPose && !hasHands) {
            return POSE;
        }
        if (hasHands && !hasPose) {
            return HANDS;
        }
        return POSE_HANDS;
    }

    /** Returns whether the pose block is used. */
    public boolean usesPose() {
        return pose;
    }

    /** Returns whether the two hand blocks are used. */
    public boolean usesHands() {
        return hands;
    }

    /** Returns whether the (reduced) face is used. */
    public boolean usesFace() {
        return face;
    }
}

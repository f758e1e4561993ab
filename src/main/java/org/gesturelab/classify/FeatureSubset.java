package org.gesturelab.classify;

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

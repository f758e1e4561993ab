package org.gesturelab.classify;

import static org.gesturelab.classify.FeatureExtractor.LEFT_SHOULDER;
import static org.gesturelab.classify.FeatureExtractor.LEFT_WRIST;
import static org.gesturelab.classify.FeatureExtractor.MIN_SCALE;
import static org.gesturelab.classify.FeatureExtractor.RIGHT_SHOULDER;
import static org.gesturelab.classify.FeatureExtractor.RIGHT_WRIST;
import static org.gesturelab.core.KeypointLayout.POSE_LENGTH;
import static org.gesturelab.core.KeypointLayout.POSE_OFFSET;

import org.gesturelab.core.KeypointLayout;

/**
 * Which arm leads a clip, for the canonical side of feature version 2 ({@link FeatureExtractor}): the clip is
 * mirrored when its left arm leads, so that the leading arm is always the right one.
 */
public final class LeadingArm {

    /**
     * Where a hanging arm's wrist rests, in shoulder widths below its shoulder (image y grows downwards): about 1.5
     * in bodygesture15's idle frames.
     */
    public static final double REST_DROP = 1.5;

    private LeadingArm() {
    }

    /**
     * Tells whether a clip's left arm leads: whether its left wrist is, summed over the frames with a pose, further
     * from where a hanging arm's wrist rests ({@link #REST_DROP} shoulder widths below its shoulder) than the right
     * wrist is from its own. A clip without a pose does not lead with either arm.
     *
     * <p>Distance from rest rather than distance travelled: a held gesture ("left", "stop") hardly moves once the
     * arm is up, and Live's windows of a held gesture must decide as the clips it was trained on did.
     *
     * @param clip raw frames, {@code frames x 1662}
     * @return whether the left arm leads
     */
    public static boolean isLeft(float[][] clip) {
        double left = 0;
        double right = 0;
        for (float[] raw : clip) {
            double[] away = wristsFromRest(raw);
            if (away != null) {
                left += away[0];
                right += away[1];
            }
        }
        return left > right;
    }

    /** How far the left and the right wrist are from rest, in shoulder widths, or null without a usable pose. */
    private static double[] wristsFromRest(float[] raw) {
        if (!KeypointLayout.present(raw, POSE_OFFSET, POSE_LENGTH)) {
            return null;
        }
        int ls = POSE_OFFSET + LEFT_SHOULDER * 4;
        int rs = POSE_OFFSET + RIGHT_SHOULDER * 4;
        double width = Math.hypot(raw[ls] - raw[rs], raw[ls + 1] - raw[rs + 1]);
        if (width <= MIN_SCALE) {
            return null;
        }
        int lw = POSE_OFFSET + LEFT_WRIST * 4;
        int rw = POSE_OFFSET + RIGHT_WRIST * 4;
        return new double[] {
            Math.hypot((raw[lw] - raw[ls]) / width, (raw[lw + 1] - raw[ls + 1]) / width - REST_DROP),
            Math.hypot((raw[rw] - raw[rs]) / width, (raw[rw + 1] - raw[rs + 1]) / width - REST_DROP)};
    }
}

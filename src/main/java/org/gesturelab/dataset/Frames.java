package org.gesturelab.dataset;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;

/** Converts the per-frame layouts GestureLab imports into the 1662-float holistic layout. */
final class Frames {

    /** Pose only, 33 x (x, y, z, visibility), as MediaPipe Pose writes it. */
    static final int POSE_ONLY = KeypointLayout.POSE_LENGTH;
    /** Pose and face with four values per landmark, as the scikit-learn holistic tutorial's {@code coords.csv}. */
    static final int TUTORIAL_POSE_FACE = (KeypointLayout.POSE_LANDMARKS + KeypointLayout.FACE_LANDMARKS) * 4;

    private Frames() {
    }

    /** Returns whether a frame of this many values can be converted. */
    static boolean isFrameWidth(int width) {
        return width == KeypointLayout.FEATURES || width == KeypointLayout.POSE_HANDS_FEATURES
                || width == POSE_ONLY || width == TUTORIAL_POSE_FACE;
    }

    /** Describes the accepted widths, for error messages. */
    static String acceptedWidths() {
        return KeypointLayout.FEATURES + " (holistic), " + KeypointLayout.POSE_HANDS_FEATURES + " (pose + hands), "
                + POSE_ONLY + " (pose) or " + TUTORIAL_POSE_FACE + " (pose + face, 4 values per landmark)";
    }

    /**
     * Converts one frame.
     *
     * @param values the frame's values
     * @param offset where the frame starts in {@code values}
     * @param width its number of values
     * @param where the file (and line or frame) it came from, for error messages
     * @return the 1662-float frame
     */
    static float[] toHolistic(float[] values, int offset, int width, String where) {
        float[] frame = new float[KeypointLayout.FEATURES];
        switch (width) {
            case KeypointLayout.FEATURES -> System.arraycopy(values, offset, frame, 0, width);
            case KeypointLayout.POSE_HANDS_FEATURES -> {
                System.arraycopy(values, offset, frame, KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LENGTH);
                System.arraycopy(values, offset + KeypointLayout.POSE_LENGTH, frame, KeypointLayout.LEFT_HAND_OFFSET,
                        2 * KeypointLayout.HAND_LENGTH);
            }
            case POSE_ONLY -> System.arraycopy(values, offset, frame, KeypointLayout.POSE_OFFSET, POSE_ONLY);
            case TUTORIAL_POSE_FACE -> {
                System.arraycopy(values, offset, frame, KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LENGTH);
                int face = offset + KeypointLayout.POSE_LENGTH;
                for (int i = 0; i < KeypointLayout.FACE_LANDMARKS; i++) {
                    // The tutorial writes a (meaningless) visibility for face points too; the layout has none.
                    System.arraycopy(values, face + 4 * i, frame, KeypointLayout.FACE_OFFSET + 3 * i, 3);
                }
            }
            default -> throw new GestureLabException(where + ": a frame has " + width + " values; expected "
                    + acceptedWidths() + ".");
        }
        for (int i = 0; i < frame.length; i++) {
            if (!Float.isFinite(frame[i])) {
                throw new GestureLabException(where + ": value " + i + " is " + frame[i]
                        + "; keypoints must be finite numbers.");
            }
        }
        return frame;
    }

    /**
     * Picks {@code length} frames spread evenly over a sequence (repeating frames of a shorter one), so that
     * clips of any duration fit a classifier's fixed sequence length.
     *
     * @param frames the sequence
     * @param length the frames wanted
     * @return the resampled sequence
     */
    static float[][] resample(float[][] frames, int length) {
        if (frames.length == length) {
            return frames;
        }
        float[][] result = new float[length][];
        for (int i = 0; i < length; i++) {
            // One frame (a static pose) is the clip's middle frame.
            int source = length == 1 ? (frames.length - 1) / 2 : (int) Math.round((double) i * (frames.length - 1) / (length - 1));
            result[i] = frames[source];
        }
        return result;
    }
}

package org.gesturelab.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.gesturelab.core.KeypointLayout;

/**
 * Random changes applied to training clips each epoch, so that a few recorded examples cover more of the ways a
 * gesture can look, and more of the people who make it (docs/decisions/1200).
 *
 * <p>Geometric changes act on the image before features are computed (rotation, scale, mirroring) or on the
 * body-centric features (shift of the body frame, joint jitter); temporal ones on the frame positions (time warp and
 * crop, frame drop); part dropout hides a hand for a stretch of frames or a few pose landmarks for the whole clip,
 * so that the model does not lean on one landmark that another person's camera may lose.
 *
 * @param noise standard deviation of Gaussian noise added to the standardized features
 * @param scale maximum relative change of the x and y scales, drawn independently (0.1 means 0.9 to 1.1)
 * @param rotationDegrees maximum in-plane rotation, in degrees either way
 * @param timeWarp strength of the time warp: up to half of it is cropped from either end, and the middle is sped
 *     up or slowed down by up to twice it
 * @param mirror whether half of the clips are mirrored with left and right swapped; off by default because many
 *     gestures differ only in the hand or side used (bodygesture15's "left" and "right"); a per-project choice
 * @param shift maximum shift of the body frame's centre, in shoulder widths, drawn once per clip (a person who
 *     holds the arms a little higher or to the side)
 * @param jitter standard deviation of per-frame, per-landmark noise, in shoulder widths for the pose and hand sizes
 *     for the hands
 * @param frameDrop the largest share of a clip's frames dropped at random before resampling (a camera that skips)
 * @param partDropout the chance that a hand is hidden for a random stretch of the clip, and the share of pose
 *     landmarks (beyond the shoulders) hidden for the whole clip
 */
public record Augmentation(double noise, double scale, double rotationDegrees, double timeWarp, boolean mirror,
        double shift, double jitter, double frameDrop, double partDropout) {

    /**
     * The default, chosen by measurement on people the model never saw (docs/decisions/1200): light noise, ±10 %
     * scale, ±10° rotation, mild time warp, no mirroring, no shift, jitter, frame drop or part dropout.
     */
    public static final Augmentation DEFAULT = new Augmentation(0.05, 0.1, 10, 0.2, false, 0, 0, 0, 0);
    /** No augmentation at all. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, false, 0, 0, 0, 0);

    /** The index of the left shoulder among the pose features' landmarks; it and the right one define the frame. */
    private static final int LEFT_SHOULDER = 11;
    private static final int RIGHT_SHOULDER = 12;

    /**
     * Validates the ranges.
     *
     * @throws IllegalArgumentException if a value is negative, or the scale, warp, drop or dropout is too strong to
     *     make sense
     */
    public Augmentation {
        if (noise < 0 || scale < 0 || scale >= 1 || rotationDegrees < 0 || timeWarp < 0 || timeWarp >= 0.5
                || shift < 0 || jitter < 0 || frameDrop < 0 || frameDrop >= 1 || partDropout < 0
                || partDropout >= 1) {
            throw new IllegalArgumentException("augmentation out of range: noise, shift, jitter >= 0, 0 <= scale < 1,"
                    + " rotation >= 0, 0 <= timeWarp < 0.5, 0 <= frameDrop < 1, 0 <= partDropout < 1");
        }
    }

    /**
     * The augmentation of earlier versions: noise, scale, rotation, time warp and mirroring only.
     *
     * @param noise see the record
     * @param scale see the record
     * @param rotationDegrees see the record
     * @param timeWarp see the record
     * @param mirror see the record
     */
    public Augmentation(double noise, double scale, double rotationDegrees, double timeWarp, boolean mirror) {
        this(noise, scale, rotationDegrees, timeWarp, mirror, 0, 0, 0, 0);
    }

    /** Returns whether this changes nothing. */
    public boolean isNone() {
        return noise == 0 && scale == 0 && rotationDegrees == 0 && timeWarp == 0 && !mirror && shift == 0
                && jitter == 0 && frameDrop == 0 && partDropout == 0;
    }

    /**
     * Returns a copy with mirroring switched on or off.
     *
     * @param value whether to mirror half of the clips
     * @return the new augmentation
     */
    public Augmentation withMirror(boolean value) {
        return new Augmentation(noise, scale, rotationDegrees, timeWarp, value, shift, jitter, frameDrop,
                partDropout);
    }

    /**
     * Computes an augmented, not yet standardized feature sequence of a clip.
     *
     * @param extractor the feature extractor
     * @param clip raw frames
     * @param random the source of randomness
     * @return {@code sequenceLength x dimension} features
     */
    float[][] sequence(FeatureExtractor extractor, float[][] clip, Random random) {
        double angle = Math.toRadians(rotationDegrees * (2 * random.nextDouble() - 1));
        double sx = 1 + scale * (2 * random.nextDouble() - 1);
        double sy = 1 + scale * (2 * random.nextDouble() - 1);
        boolean flip = mirror && random.nextBoolean();
        float[][] frames = extractor.frameFeatures(clip, FrameTransform.of(angle, sx, sy, flip));
        frames = dropFrames(frames, random);
        shiftAndJitter(extractor, frames, random);
        hideHands(extractor, frames, random);
        return extractor.resample(frames, warpedPositions(extractor.sequenceLength(), frames.length, random));
    }

    private float[][] dropFrames(float[][] frames, Random random) {
        if (frameDrop == 0 || frames.length < 4) {
            return frames;
        }
        double drop = frameDrop * random.nextDouble();
        List<float[]> kept = new ArrayList<>(frames.length);
        for (int t = 0; t < frames.length; t++) {
            // The first and last frames stay so that the clip keeps its extent; only its sampling changes.
            if (t == 0 || t == frames.length - 1 || random.nextDouble() >= drop) {
                kept.add(frames[t]);
            }
        }
        return kept.toArray(new float[0][]);
    }

    private void shiftAndJitter(FeatureExtractor extractor, float[][] frames, Random random) {
        if (shift == 0 && jitter == 0) {
            return;
        }
        double dx = shift * (2 * random.nextDouble() - 1);
        double dy = shift * (2 * random.nextDouble() - 1);
        int pose = extractor.partStart(FeatureExtractor.PART_POSE);
        int[] hands = {extractor.partStart(FeatureExtractor.PART_LEFT_HAND),
            extractor.partStart(FeatureExtractor.PART_RIGHT_HAND)};
        int[] handFlags = {extractor.flagColumn(FeatureExtractor.PART_LEFT_HAND),
            extractor.flagColumn(FeatureExtractor.PART_RIGHT_HAND)};
        int poseFlag = extractor.flagColumn(FeatureExtractor.PART_POSE);
        for (float[] frame : frames) {
            if (pose >= 0 && frame[poseFlag] > 0.5f) {
                for (int i = 0; i < FeatureExtractor.UPPER_BODY; i++) {
                    boolean shoulder = i == LEFT_SHOULDER || i == RIGHT_SHOULDER;
                    // The shoulders define the frame: moving them with the rest would be no shift at all.
                    frame[pose + 2 * i] += (float) ((shoulder ? 0 : dx) + jitter * random.nextGaussian());
                    frame[pose + 2 * i + 1] += (float) ((shoulder ? 0 : dy) + jitter * random.nextGaussian());
                }
            }
            for (int h = 0; h < 2; h++) {
                if (hands[h] < 0 || frame[handFlags[h]] < 0.5f) {
                    continue;
                }
                for (int k = 3; k < KeypointLayout.HAND_LANDMARKS * 3; k++) {
                    if (k % 3 != 2) {
                        frame[hands[h] + k] += (float) (jitter * random.nextGaussian());
                    }
                }
                int tail = hands[h] + KeypointLayout.HAND_LANDMARKS * 3;
                frame[tail] += (float) dx;
                frame[tail + 1] += (float) dy;
            }
        }
    }

    private void hideHands(FeatureExtractor extractor, float[][] frames, Random random) {
        if (partDropout == 0) {
            return;
        }
        for (int part : new int[] {FeatureExtractor.PART_LEFT_HAND, FeatureExtractor.PART_RIGHT_HAND}) {
            int flag = extractor.flagColumn(part);
            if (flag < 0 || random.nextDouble() >= partDropout) {
                continue;
            }
            int length = 1 + random.nextInt(Math.max(1, frames.length / 3));
            int from = random.nextInt(Math.max(1, frames.length - length + 1));
            for (int t = from; t < Math.min(frames.length, from + length); t++) {
                // A zero flag makes standardization zero the part, exactly as for a hand the tracker lost.
                frames[t][flag] = 0;
            }
        }
    }

    /**
     * Adds Gaussian noise to the present features of a standardized sequence and hides pose landmarks, in place.
     *
     * @param extractor the feature extractor
     * @param sequence the standardized sequence
     * @param flagOfColumn from {@link FeatureExtractor#flagOfColumn()}
     * @param random the source of randomness
     */
    void afterStandardization(FeatureExtractor extractor, float[][] sequence, int[] flagOfColumn, Random random) {
        if (noise > 0) {
            for (float[] frame : sequence) {
                for (int f = 0; f < frame.length; f++) {
                    int flag = flagOfColumn[f];
                    if (flag >= 0 && frame[flag] > 0.5f) {
                        frame[f] += (float) (noise * random.nextGaussian());
                    }
                }
            }
        }
        int pose = extractor.partStart(FeatureExtractor.PART_POSE);
        if (partDropout == 0 || pose < 0) {
            return;
        }
        for (int i = 0; i < FeatureExtractor.UPPER_BODY; i++) {
            if (i == LEFT_SHOULDER || i == RIGHT_SHOULDER || random.nextDouble() >= partDropout) {
                continue;
            }
            // Zero is the training mean after standardization: the landmark carries no information.
            for (float[] frame : sequence) {
                frame[pose + 2 * i] = 0;
                frame[pose + 2 * i + 1] = 0;
            }
        }
    }

    private double[] warpedPositions(int length, int frames, Random random) {
        double last = frames - 1;
        double start = last * random.nextDouble() * timeWarp / 2;
        double end = last * (1 - random.nextDouble() * timeWarp / 2);
        // u + alpha * u * (1 - u) stays monotone while |alpha| < 1: a smooth speed change without reordering.
        double alpha = 2 * timeWarp * (2 * random.nextDouble() - 1);
        double[] positions = new double[length];
        for (int i = 0; i < length; i++) {
            // One frame (a static pose) sits in the middle of the (shifted) clip.
            double u = length == 1 ? 0.5 : (double) i / (length - 1);
            positions[i] = start + (end - start) * (u + alpha * u * (1 - u));
        }
        return positions;
    }
}

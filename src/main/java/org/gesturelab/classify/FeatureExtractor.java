package org.gesturelab.classify;

import static org.gesturelab.core.KeypointLayout.FACE_LENGTH;
import static org.gesturelab.core.KeypointLayout.FACE_OFFSET;
import static org.gesturelab.core.KeypointLayout.FEATURES;
import static org.gesturelab.core.KeypointLayout.HAND_LANDMARKS;
import static org.gesturelab.core.KeypointLayout.HAND_LENGTH;
import static org.gesturelab.core.KeypointLayout.LEFT_HAND_OFFSET;
import static org.gesturelab.core.KeypointLayout.POSE_LENGTH;
import static org.gesturelab.core.KeypointLayout.POSE_OFFSET;
import static org.gesturelab.core.KeypointLayout.RIGHT_HAND_OFFSET;

import java.util.Arrays;

import org.gesturelab.core.KeypointLayout;

/**
 * Turns raw 1662-float keypoint clips of any length into fixed-length sequences of body-centric features.
 *
 * <p>Per frame, in this order (the parts the {@link FeatureSubset} selects):
 * <ul>
 *   <li>pose: 23 upper-body landmarks, x and y relative to the shoulder centre, divided by the shoulder width: 46
 *       values. Pose z and visibility are left out: both change from one recording session to the next far more
 *       than from one gesture to another, and dropping them lifted ksl13's cross-session macro F1 from about 0.9
 *       to 1.0 (docs/decisions/0501);</li>
 *   <li>each hand (left, then right): its 21 landmarks relative to its wrist, divided by the hand's size (wrist to
 *       middle-finger knuckle), then the wrist's position in the body frame and the hand's size relative to the
 *       shoulders: 66 values per hand;</li>
 *   <li>face: 24 points (mouth, eyes, brows, nose tip, chin) relative to the nose tip, divided by the face width: 72
 *       values;</li>
 *   <li>with pose, in feature version 2: the arms' geometry, 11 values per arm (left, then right): the unit
 *       directions of the upper arm (shoulder to elbow) and forearm (elbow to wrist), the cosine of the elbow, and the
 *       unit directions from the wrist to the pinky, index and thumb. Angles and directions do not depend on how long
 *       someone's arms are, and they say what a held pose is more directly than positions do;</li>
 *   <li>one presence flag (1 or 0) per selected part;</li>
 *   <li>with the canonical side (feature version 2), one more column: 1 when the clip was mirrored, else 0.</li>
 * </ul>
 * <b>Canonical side</b> (version 2): people raise whichever arm they like; in bodygesture15 the same "attention" is
 * made with the left arm by some people and the right by others, and a model trained on a few people learns who
 * uses which hand instead of the gesture. A clip whose left wrist is further from rest (in the body frame) than its
 * right is therefore mirrored, so the leading arm is always on the same side, and the side column keeps what was
 * mirrored for gestures whose side matters ("left" and "right"). Measured in docs/decisions/1700.
 * A missing part contributes zeros and a zero flag. Without a detected pose the body frame falls back to the image
 * centre and a typical shoulder width, so hands still get a position.
 *
 * <p>Clips are resampled to the sequence length by linear interpolation between neighbouring frames that have the
 * same parts present, and by the nearest frame otherwise (interpolating towards a missing hand would invent one).
 * Instances are immutable and thread-safe.
 */
public final class FeatureExtractor {

    /**
     * Version of the feature definition new models are trained with, stored in model cards; bump it when the
     * features change. Version 1 is the same features without the canonical side; models trained on it still load.
     */
    public static final int VERSION = 2;
    /** The feature version without the canonical side. */
    public static final int VERSION_AS_RECORDED = 1;
    /**
     * Pose landmarks used: head, shoulders, arms and hands, MediaPipe indices 0 to 22. The hips (and legs) are left
     * out because they are usually outside an upper-body frame, where MediaPipe guesses them.
     */
    public static final int UPPER_BODY = 23;
    /** Face-mesh points kept by {@link FeatureSubset#ALL}, in mirror pairs where they have one. */
    static final int[] FACE_POINTS = {
        61, 291, 78, 308, 0, 17, 13, 14, // mouth: corners, inner corners, upper, lower, inner upper, inner lower
        33, 263, 133, 362, 159, 386, 145, 374, // eyes: outer, inner, upper, lower
        70, 300, 105, 334, 107, 336, // brows
        1, 152, // nose tip, chin
    };
    private static final int[] FACE_MIRROR = {
        1, 0, 3, 2, 4, 5, 6, 7,
        9, 8, 11, 10, 13, 12, 15, 14,
        17, 16, 19, 18, 21, 20,
        22, 23,
    };
    private static final int[] POSE_MIRROR = {
        0, 4, 5, 6, 1, 2, 3, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15, 18, 17, 20, 19, 22, 21,
    };
    /** Pose landmark of the left shoulder. */
    public static final int LEFT_SHOULDER = 11;
    /** Pose landmark of the right shoulder. */
    public static final int RIGHT_SHOULDER = 12;
    /** Pose landmark of the left wrist. */
    public static final int LEFT_WRIST = 15;
    /** Pose landmark of the right wrist. */
    public static final int RIGHT_WRIST = 16;
    /** Face-mesh point on the left cheek (face width). */
    public static final int FACE_LEFT_CHEEK = 234;
    /** Face-mesh point on the right cheek (face width). */
    public static final int FACE_RIGHT_CHEEK = 454;
    /** Hand landmark of the middle-finger knuckle (hand size). */
    public static final int MIDDLE_KNUCKLE = 9;
    /** Shoulder width assumed when no pose was detected, as a fraction of the image. */
    public static final float FALLBACK_SHOULDER_WIDTH = 0.25f;
    /** A shoulder width, hand size or face width below this counts as no detection. */
    public static final float MIN_SCALE = 1e-4f;

    /** Part index of the pose in the presence flags. */
    public static final int PART_POSE = 0;
    /** Part index of the left hand. */
    public static final int PART_LEFT_HAND = 1;
    /** Part index of the right hand. */
    public static final int PART_RIGHT_HAND = 2;
    /** Part index of the face. */
    public static final int PART_FACE = 3;

    /** Pose features per frame. */
    public static final int POSE_FEATURES = UPPER_BODY * 2;
    /** Features per hand per frame. */
    public static final int HAND_FEATURES = HAND_LANDMARKS * 3 + 3;
    /** Face features per frame. */
    public static final int FACE_FEATURES = FACE_POINTS.length * 3;
    /** Arm geometry features per frame (version 2, with pose): 11 per arm. */
    public static final int ARM_FEATURES = 22;
    /**
     * Pose landmarks of each arm, left then right: shoulder, elbow, wrist, pinky, index, thumb.
     */
    static final int[][] ARMS = {{11, 13, 15, 17, 19, 21}, {12, 14, 16, 18, 20, 22}};

    private final FeatureSubset subset;
    private final int sequenceLength;
    private final int dimension;
    private final int poseStart;
    private final int leftStart;
    private final int rightStart;
    private final int faceStart;
    /** Where the arm geometry starts, or -1 (version 1, or no pose). */
    private final int armStart;
    /** Whether clips are mirrored so that the leading arm is always the right one (version 2). */
    private final boolean canonicalSide;
    /** The column saying a clip was mirrored, or -1 without the canonical side. */
    private final int sideColumn;
    /** Index of each part's flag column, or -1 when the part is not selected. */
    private final int[] flagColumn = new int[4];
    /** For each feature column, the column of its part's flag, or -1 for the flags themselves. */
    private final int[] flagOfColumn;

    /**
     * Creates an extractor of feature version 1 (clips as recorded, no side column).
     *
     * @param subset the parts to use
     * @param sequenceLength frames per output sequence, at least 1 (1 for static poses)
     */
    public FeatureExtractor(FeatureSubset subset, int sequenceLength) {
        this(subset, sequenceLength, false);
    }

    /**
     * Creates the extractor of a feature version, as a model card names it.
     *
     * @param subset the parts to use
     * @param sequenceLength frames per output sequence
     * @param version {@link #VERSION_AS_RECORDED} or {@link #VERSION}
     * @return the extractor
     * @throws IllegalArgumentException for any other version
     */
    public static FeatureExtractor forVersion(FeatureSubset subset, int sequenceLength, int version) {
        if (version != VERSION_AS_RECORDED && version != VERSION) {
            throw new IllegalArgumentException("no feature version " + version);
        }
        return new FeatureExtractor(subset, sequenceLength, version == VERSION);
    }

    /**
     * Creates an extractor.
     *
     * @param subset the parts to use
     * @param sequenceLength frames per output sequence, at least 1 (1 for static poses)
     * @param canonicalSide whether to mirror clips whose left arm leads and add the side column (version 2)
     */
    public FeatureExtractor(FeatureSubset subset, int sequenceLength, boolean canonicalSide) {
        if (sequenceLength < 1) {
            throw new IllegalArgumentException("sequence length must be at least 1, got " + sequenceLength);
        }
        this.subset = subset;
        this.sequenceLength = sequenceLength;
        int next = 0;
        poseStart = subset.usesPose() ? next : -1;
        next += subset.usesPose() ? POSE_FEATURES : 0;
        leftStart = subset.usesHands() ? next : -1;
        next += subset.usesHands() ? HAND_FEATURES : 0;
        rightStart = subset.usesHands() ? next : -1;
        next += subset.usesHands() ? HAND_FEATURES : 0;
        faceStart = subset.usesFace() ? next : -1;
        next += subset.usesFace() ? FACE_FEATURES : 0;
        armStart = canonicalSide && subset.usesPose() ? next : -1;
        next += armStart >= 0 ? ARM_FEATURES : 0;
        Arrays.fill(flagColumn, -1);
        int[] starts = {poseStart, leftStart, rightStart, faceStart};
        for (int part = 0; part < 4; part++) {
            if (starts[part] >= 0) {
                flagColumn[part] = next++;
            }
        }
        this.canonicalSide = canonicalSide;
        sideColumn = canonicalSide ? next++ : -1;
        dimension = next;
        flagOfColumn = new int[dimension];
        Arrays.fill(flagOfColumn, -1);
        int[] lengths = {POSE_FEATURES, HAND_FEATURES, HAND_FEATURES, FACE_FEATURES};
        for (int part = 0; part < 4; part++) {
            if (starts[part] >= 0) {
                Arrays.fill(flagOfColumn, starts[part], starts[part] + lengths[part], flagColumn[part]);
            }
        }
        if (armStart >= 0) {
            Arrays.fill(flagOfColumn, armStart, armStart + ARM_FEATURES, flagColumn[PART_POSE]);
        }
    }

    /** Returns the parts used. */
    public FeatureSubset subset() {
        return subset;
    }

    /** Returns the feature version: {@link #VERSION} with the canonical side, else {@link #VERSION_AS_RECORDED}. */
    public int version() {
        return canonicalSide ? VERSION : VERSION_AS_RECORDED;
    }

    /** Returns the column saying the clip was mirrored, or -1 without the canonical side. */
    public int sideColumn() {
        return sideColumn;
    }

    /** Returns where the arm geometry starts in an output frame, or -1 when there is none. */
    public int armStart() {
        return armStart;
    }

    /** Returns the pose landmarks of each arm, left then right: shoulder, elbow, wrist, pinky, index, thumb. */
    public static int[][] arms() {
        return new int[][] {ARMS[0].clone(), ARMS[1].clone()};
    }

    /** Returns the number of frames per output sequence. */
    public int sequenceLength() {
        return sequenceLength;
    }

    /** Returns the number of features per output frame. */
    public int dimension() {
        return dimension;
    }

    /**
     * Returns, for each feature column, the column holding its part's presence flag, or -1 for flag columns.
     * Normalization statistics are computed only over frames where the part is present.
     */
    public int[] flagOfColumn() {
        return flagOfColumn.clone();
    }

    /**
     * Returns where a part's features start in an output frame.
     *
     * @param part {@link #PART_POSE}, {@link #PART_LEFT_HAND}, {@link #PART_RIGHT_HAND} or {@link #PART_FACE}
     * @return the first column, or -1 when the subset does not use the part
     */
    public int partStart(int part) {
        return switch (part) {
            case PART_POSE -> poseStart;
            case PART_LEFT_HAND -> leftStart;
            case PART_RIGHT_HAND -> rightStart;
            case PART_FACE -> faceStart;
            default -> throw new IllegalArgumentException("no part " + part);
        };
    }

    /**
     * Returns the column of a part's presence flag.
     *
     * @param part a part index as for {@link #partStart}
     * @return the column, or -1 when the subset does not use the part
     */
    public int flagColumn(int part) {
        return flagColumn[part];
    }

    /** Returns the face-mesh points the face features use, in feature order. */
    public static int[] facePoints() {
        return FACE_POINTS.clone();
    }

    /**
     * Computes the fixed-length feature sequence of a clip as recorded.
     *
     * @param clip raw frames, {@code frames x 1662}, at least one frame
     * @return {@code sequenceLength x dimension} features, not yet standardized
     */
    public float[][] sequence(float[][] clip) {
        return resample(frameFeatures(clip, FrameTransform.IDENTITY), uniformPositions(clip.length));
    }

    /**
     * Computes per-frame features of every frame of a clip.
     *
     * <p>With the canonical side, the clip is mirrored when its left arm leads ({@link LeadingArm}), whatever the
     * transform says about mirroring (mirroring a clip and then putting its leading arm on the right would undo
     * itself).
     *
     * @param clip raw frames, {@code frames x 1662}
     * @param transform a planar transform applied to the landmarks first
     * @return {@code frames x dimension} features
     */
    public float[][] frameFeatures(float[][] clip, FrameTransform transform) {
        if (clip.length == 0) {
            throw new IllegalArgumentException("a clip needs at least one frame");
        }
        for (int t = 0; t < clip.length; t++) {
            if (clip[t].length != FEATURES) {
                throw new IllegalArgumentException("frame " + t + " has " + clip[t].length + " values, expected "
                        + FEATURES);
            }
        }
        FrameTransform applied = transform;
        boolean mirrored = false;
        if (canonicalSide) {
            mirrored = LeadingArm.isLeft(clip);
            applied = transform.withMirror(mirrored);
        }
        float[][] out = new float[clip.length][];
        for (int t = 0; t < clip.length; t++) {
            out[t] = frame(clip[t], applied);
            if (mirrored) {
                out[t][sideColumn] = 1;
            }
        }
        return out;
    }

    /**
     * Returns evenly spaced positions covering a clip, one per output frame.
     *
     * @param frames the clip's number of frames
     * @return {@code sequenceLength} fractional frame positions
     */
    double[] uniformPositions(int frames) {
        double[] positions = new double[sequenceLength];
        for (int i = 0; i < sequenceLength; i++) {
            // A one-frame project (static poses) takes the middle of a longer clip.
            positions[i] = sequenceLength == 1 ? (frames - 1) / 2.0 : (double) i * (frames - 1) / (sequenceLength - 1);
        }
        return positions;
    }

    /**
     * Samples per-frame features at fractional positions.
     *
     * @param frames per-frame features
     * @param positions fractional frame positions, within {@code [0, frames - 1]}
     * @return one feature vector per position
     */
    float[][] resample(float[][] frames, double[] positions) {
        float[][] out = new float[positions.length][];
        int last = frames.length - 1;
        for (int i = 0; i < positions.length; i++) {
            double p = Math.max(0, Math.min(last, positions[i]));
            int lo = (int) Math.floor(p);
            int hi = Math.min(last, lo + 1);
            double w = p - lo;
            if (lo == hi || w == 0 || !samePartsPresent(frames[lo], frames[hi])) {
                out[i] = frames[w < 0.5 ? lo : hi].clone();
            } else {
                float[] a = frames[lo];
                float[] b = frames[hi];
                float[] mixed = new float[dimension];
                for (int f = 0; f < dimension; f++) {
                    mixed[f] = (float) (a[f] + w * (b[f] - a[f]));
                }
                out[i] = mixed;
            }
        }
        return out;
    }

    private boolean samePartsPresent(float[] a, float[] b) {
        for (int column : flagColumn) {
            if (column >= 0 && a[column] != b[column]) {
                return false;
            }
        }
        return true;
    }

    private float[] frame(float[] raw, FrameTransform t) {
        float[] out = new float[dimension];
        boolean mirror = t.mirror();
        boolean posePresent = KeypointLayout.present(raw, POSE_OFFSET, POSE_LENGTH);
        double cx = 0.5;
        double cy = 0.5;
        double scale = FALLBACK_SHOULDER_WIDTH;
        if (posePresent) {
            int ls = poseIndex(LEFT_SHOULDER, mirror);
            int rs = poseIndex(RIGHT_SHOULDER, mirror);
            double lx = t.x(raw[ls], raw[ls + 1]);
            double ly = t.y(raw[ls], raw[ls + 1]);
            double rx = t.x(raw[rs], raw[rs + 1]);
            double ry = t.y(raw[rs], raw[rs + 1]);
            double width = Math.hypot(lx - rx, ly - ry);
            if (width > MIN_SCALE) {
                cx = (lx + rx) / 2;
                cy = (ly + ry) / 2;
                scale = width;
            } else {
                posePresent = false;
            }
        }
        if (poseStart >= 0 && posePresent) {
            for (int i = 0; i < UPPER_BODY; i++) {
                int src = poseIndex(mirror ? POSE_MIRROR[i] : i, false);
                int dst = poseStart + i * 2;
                out[dst] = (float) ((t.x(raw[src], raw[src + 1]) - cx) / scale);
                out[dst + 1] = (float) ((t.y(raw[src], raw[src + 1]) - cy) / scale);

            }
            out[flagColumn[PART_POSE]] = 1;
            if (armStart >= 0) {
                arms(out);
            }
        }
        if (leftStart >= 0) {
            int leftSource = mirror ? RIGHT_HAND_OFFSET : LEFT_HAND_OFFSET;
            int rightSource = mirror ? LEFT_HAND_OFFSET : RIGHT_HAND_OFFSET;
            if (hand(raw, leftSource, t, cx, cy, scale, out, leftStart)) {
                out[flagColumn[PART_LEFT_HAND]] = 1;
            }
            if (hand(raw, rightSource, t, cx, cy, scale, out, rightStart)) {
                out[flagColumn[PART_RIGHT_HAND]] = 1;
            }
        }
        if (faceStart >= 0 && face(raw, t, out)) {
            out[flagColumn[PART_FACE]] = 1;
        }
        return out;
    }

    /**
     * Returns, for each column of a raw 1662-float frame, the column a mirrored frame reads it from: the pose's and
     * the face points' left/right pairs and the two hands swapped, everything else in place. With x replaced by
     * {@code 1 - x} in present parts, a raw frame permuted this way gives the features of the mirrored frame; the
     * ONNX export mirrors that way.
     *
     * @return 1662 source columns
     */
    public static int[] mirroredColumns() {
        int[] source = new int[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            source[i] = i;
        }
        for (int landmark = 0; landmark < KeypointLayout.POSE_LANDMARKS; landmark++) {
            // Past the upper body the pairs are left, right: hips 23/24, knees, ankles, heels, feet.
            int mirrored = landmark < UPPER_BODY ? POSE_MIRROR[landmark] : landmark + (landmark % 2 == 1 ? 1 : -1);
            for (int c = 0; c < 4; c++) {
                source[POSE_OFFSET + landmark * 4 + c] = POSE_OFFSET + mirrored * 4 + c;
            }
        }
        for (int i = 0; i < FACE_POINTS.length; i++) {
            for (int c = 0; c < 3; c++) {
                source[FACE_OFFSET + FACE_POINTS[i] * 3 + c] = FACE_OFFSET + FACE_POINTS[FACE_MIRROR[i]] * 3 + c;
            }
        }
        for (int k = 0; k < HAND_LENGTH; k++) {
            source[LEFT_HAND_OFFSET + k] = RIGHT_HAND_OFFSET + k;
            source[RIGHT_HAND_OFFSET + k] = LEFT_HAND_OFFSET + k;
        }
        return source;
    }

    /** Fills the arm geometry from the pose features already in {@code out} (body frame, after any mirroring). */
    private void arms(float[] out) {
        for (int arm = 0; arm < 2; arm++) {
            int[] p = ARMS[arm];
            int dst = armStart + arm * ARM_FEATURES / 2;
            double[] upper = direction(out, p[0], p[1]);
            double[] fore = direction(out, p[1], p[2]);
            out[dst] = (float) upper[0];
            out[dst + 1] = (float) upper[1];
            out[dst + 2] = (float) fore[0];
            out[dst + 3] = (float) fore[1];
            out[dst + 4] = (float) (upper[0] * fore[0] + upper[1] * fore[1]);
            for (int k = 0; k < 3; k++) {
                double[] finger = direction(out, p[2], p[3 + k]);
                out[dst + 5 + 2 * k] = (float) finger[0];
                out[dst + 6 + 2 * k] = (float) finger[1];
            }
        }
    }

    /** The unit vector from one pose landmark to another in the body frame, or zero when they coincide. */
    private double[] direction(float[] out, int from, int to) {
        double dx = out[poseStart + 2 * to] - out[poseStart + 2 * from];
        double dy = out[poseStart + 2 * to + 1] - out[poseStart + 2 * from + 1];
        double length = Math.hypot(dx, dy);
        return length > MIN_SCALE ? new double[] {dx / length, dy / length} : new double[] {0, 0};
    }

    private static int poseIndex(int landmark, boolean mirror) {
        return POSE_OFFSET + (mirror ? POSE_MIRROR[landmark] : landmark) * 4;
    }

    private static boolean hand(float[] raw, int offset, FrameTransform t, double cx, double cy, double bodyScale,
            float[] out, int start) {
        if (!KeypointLayout.present(raw, offset, HAND_LENGTH)) {
            return false;
        }
        double wx = t.x(raw[offset], raw[offset + 1]);
        double wy = t.y(raw[offset], raw[offset + 1]);
        int knuckle = offset + MIDDLE_KNUCKLE * 3;
        double size = Math.hypot(t.x(raw[knuckle], raw[knuckle + 1]) - wx, t.y(raw[knuckle], raw[knuckle + 1]) - wy);
        if (size < MIN_SCALE) {
            return false;
        }
        for (int i = 0; i < HAND_LANDMARKS; i++) {
            int src = offset + i * 3;
            int dst = start + i * 3;
            out[dst] = (float) ((t.x(raw[src], raw[src + 1]) - wx) / size);
            out[dst + 1] = (float) ((t.y(raw[src], raw[src + 1]) - wy) / size);
            out[dst + 2] = (float) (raw[src + 2] / size);
        }
        int tail = start + HAND_LANDMARKS * 3;
        out[tail] = (float) ((wx - cx) / bodyScale);
        out[tail + 1] = (float) ((wy - cy) / bodyScale);
        out[tail + 2] = (float) (size / bodyScale);
        return true;
    }

    private boolean face(float[] raw, FrameTransform t, float[] out) {
        if (!KeypointLayout.present(raw, FACE_OFFSET, FACE_LENGTH)) {
            return false;
        }
        boolean mirror = t.mirror();
        int nose = FACE_OFFSET + 1 * 3;
        double nx = t.x(raw[nose], raw[nose + 1]);
        double ny = t.y(raw[nose], raw[nose + 1]);
        int lc = FACE_OFFSET + FACE_LEFT_CHEEK * 3;
        int rc = FACE_OFFSET + FACE_RIGHT_CHEEK * 3;
        double width = Math.hypot(t.x(raw[lc], raw[lc + 1]) - t.x(raw[rc], raw[rc + 1]),
                t.y(raw[lc], raw[lc + 1]) - t.y(raw[rc], raw[rc + 1]));
        if (width < MIN_SCALE) {
            return false;
        }
        for (int i = 0; i < FACE_POINTS.length; i++) {
            int src = FACE_OFFSET + FACE_POINTS[mirror ? FACE_MIRROR[i] : i] * 3;
            int dst = faceStart + i * 3;
            out[dst] = (float) ((t.x(raw[src], raw[src + 1]) - nx) / width);
            out[dst + 1] = (float) ((t.y(raw[src], raw[src + 1]) - ny) / width);
            out[dst + 2] = (float) ((raw[src + 2] - raw[nose + 2]) / width);
        }
        return true;
    }
}

package org.gesturelab.classify.export;

import static org.gesturelab.classify.FeatureExtractor.FACE_LEFT_CHEEK;
import static org.gesturelab.classify.FeatureExtractor.FACE_RIGHT_CHEEK;
import static org.gesturelab.classify.FeatureExtractor.FALLBACK_SHOULDER_WIDTH;
import static org.gesturelab.classify.FeatureExtractor.LEFT_SHOULDER;
import static org.gesturelab.classify.FeatureExtractor.LEFT_WRIST;
import static org.gesturelab.classify.FeatureExtractor.MIDDLE_KNUCKLE;
import static org.gesturelab.classify.FeatureExtractor.MIN_SCALE;
import static org.gesturelab.classify.FeatureExtractor.PART_FACE;
import static org.gesturelab.classify.FeatureExtractor.PART_LEFT_HAND;
import static org.gesturelab.classify.FeatureExtractor.PART_POSE;
import static org.gesturelab.classify.FeatureExtractor.PART_RIGHT_HAND;
import static org.gesturelab.classify.FeatureExtractor.RIGHT_SHOULDER;
import static org.gesturelab.classify.FeatureExtractor.RIGHT_WRIST;
import static org.gesturelab.classify.FeatureExtractor.UPPER_BODY;
import static org.gesturelab.core.KeypointLayout.FACE_LENGTH;
import static org.gesturelab.core.KeypointLayout.FACE_OFFSET;
import static org.gesturelab.core.KeypointLayout.HAND_LANDMARKS;
import static org.gesturelab.core.KeypointLayout.HAND_LENGTH;
import static org.gesturelab.core.KeypointLayout.LEFT_HAND_OFFSET;
import static org.gesturelab.core.KeypointLayout.POSE_LENGTH;
import static org.gesturelab.core.KeypointLayout.POSE_OFFSET;
import static org.gesturelab.core.KeypointLayout.RIGHT_HAND_OFFSET;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gesturelab.classify.FeatureExtractor;
import org.gesturelab.classify.FeatureStatistics;
import org.gesturelab.classify.LeadingArm;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.mediapipe.convert.OnnxGraphBuilder;

/**
 * The feature pipeline of {@link FeatureExtractor} and the standardization of {@link FeatureStatistics} as ONNX
 * nodes: raw keypoints {@code [batch, frames, 1662]} in, standardized sequences {@code [batch, L, dimension]} out.
 *
 * <p>It mirrors the Java code step by step and in the same precision: the geometry in float64 rounded to float32
 * per feature (Java computes in double and stores floats), the resampling to {@code L} frames in float64 (linear
 * between neighbours with the same parts present, the nearest frame otherwise), the standardization in float32.
 * That keeps the exported graph within rounding of the DJL model; the export test holds it to 1e-4.
 */
final class FeatureGraph {

    private final GraphOps g;
    private final FeatureExtractor extractor;

    FeatureGraph(GraphOps g, FeatureExtractor extractor) {
        this.g = g;
        this.extractor = extractor;
    }

    /**
     * Adds the whole pipeline.
     *
     * @param keypoints the float32 graph input {@code [batch, frames, 1662]}
     * @param statistics the model's standardization
     * @return the float32 network input {@code [batch, L, dimension]}
     */
    String standardizedSequence(String keypoints, FeatureStatistics statistics) {
        String raw = g.cast(keypoints, GraphOps.DOUBLE);
        String side = null;
        if (extractor.sideColumn() >= 0) {
            // The canonical side: a clip whose left arm leads is mirrored as a whole, and the side column says so.
            String leads = g.unsqueeze(leftArmLeads(raw), 1, 2);
            raw = g.where(leads, mirrored(raw), raw);
            String frames = g.concat(0, List.of(g.op("Slice", List.of(g.op("Shape", List.of(raw)), g.longs(0),
                    g.longs(2))), g.longs(1)));
            side = g.op("Expand", List.of(g.cast(leads, GraphOps.DOUBLE), frames));
        }
        // Java stores each feature as a float: round the same way before resampling.
        String perFrame = g.cast(g.cast(frameFeatures(raw, side), GraphOps.FLOAT), GraphOps.DOUBLE);
        String sequence = g.cast(resample(keypoints, perFrame), GraphOps.FLOAT);
        return standardize(sequence, statistics);
    }

    /** One block of output columns and the value computing it. */
    private record Block(int start, String value) {
    }

    /**
     * The shoulders of each frame, {@code [b, t]} each: positions, their distance, and whether the pose is usable
     * (present, and the shoulders further apart than {@code MIN_SCALE}), as {@code FeatureExtractor} and
     * {@code LeadingArm} read them.
     */
    private record Shoulders(String lx, String ly, String rx, String ry, String width, String usable) {
    }

    private Shoulders shoulders(String raw) {
        String lx = g.pick(raw, POSE_OFFSET + LEFT_SHOULDER * 4L, 2);
        String ly = g.pick(raw, POSE_OFFSET + LEFT_SHOULDER * 4L + 1, 2);
        String rx = g.pick(raw, POSE_OFFSET + RIGHT_SHOULDER * 4L, 2);
        String ry = g.pick(raw, POSE_OFFSET + RIGHT_SHOULDER * 4L + 1, 2);
        String width = g.hypot(g.sub(lx, rx), g.sub(ly, ry));
        String usable = g.op("And", List.of(g.anyNonZero(raw, POSE_OFFSET, POSE_LENGTH),
                g.op("Greater", List.of(width, g.scalar(MIN_SCALE)))));
        return new Shoulders(lx, ly, rx, ry, width, usable);
    }

    /** Whether each clip's left arm leads, as {@code LeadingArm.isLeft}: {@code [b]}. */
    private String leftArmLeads(String raw) {
        Shoulders frame = shoulders(raw);
        String valid = frame.usable();
        String safeWidth = g.where(valid, frame.width(), g.scalar(1));
        String[][] shoulders = {{frame.lx(), frame.ly()}, {frame.rx(), frame.ry()}};
        int[] wrists = {LEFT_WRIST, RIGHT_WRIST};
        String[] away = new String[2];
        for (int arm = 0; arm < 2; arm++) {
            String dx = g.div(g.sub(g.pick(raw, POSE_OFFSET + wrists[arm] * 4L, 2), shoulders[arm][0]), safeWidth);
            String dy = g.sub(g.div(g.sub(g.pick(raw, POSE_OFFSET + wrists[arm] * 4L + 1, 2), shoulders[arm][1]),
                    safeWidth), g.scalar(LeadingArm.REST_DROP));
            away[arm] = g.op("ReduceSum", List.of(g.where(valid, g.hypot(dx, dy), g.scalar(0)), g.longs(1)),
                    OnnxGraphBuilder.attribute("keepdims", 0L));
        }
        return g.op("Greater", List.of(away[0], away[1]));
    }

    /**
     * The raw frames mirrored: left and right swapped ({@link FeatureExtractor#mirroredColumns()}) and x turned
     * into {@code 1 - x} in every present part, as {@code FrameTransform}'s mirror reads them; a missing part stays
     * all zeros, so it stays missing.
     */
    private String mirrored(String raw) {
        long[] columns = java.util.Arrays.stream(FeatureExtractor.mirroredColumns()).asLongStream().toArray();
        String permuted = g.gather(raw, columns, 2);
        int[][] parts = {{POSE_OFFSET, POSE_LENGTH, 4}, {FACE_OFFSET, FACE_LENGTH, 3},
            {LEFT_HAND_OFFSET, HAND_LENGTH, 3}, {RIGHT_HAND_OFFSET, HAND_LENGTH, 3}};
        String flip = null;
        for (int[] part : parts) {
            double[] xColumns = new double[KeypointLayout.FEATURES];
            for (int k = part[0]; k < part[0] + part[1]; k += part[2]) {
                xColumns[k] = 1;
            }
            String present = g.unsqueeze(g.cast(g.anyNonZero(permuted, part[0], part[1]), GraphOps.DOUBLE), 2);
            String term = g.mul(present, g.graph().doubleConstant("x_columns",
                    new long[] {KeypointLayout.FEATURES}, xColumns));
            flip = flip == null ? term : g.add(flip, term);
        }
        return g.where(g.op("Greater", List.of(flip, g.scalar(0.5))), g.sub(g.scalar(1), permuted), permuted);
    }

    private String frameFeatures(String raw, String side) {
        // Body frame: shoulder centre and width, or the image centre and a typical width without a usable pose.
        Shoulders frame = shoulders(raw);
        String pose = frame.usable();
        String half = g.scalar(2);
        String cx = g.where(pose, g.div(g.add(frame.lx(), frame.rx()), half), g.scalar(0.5));
        String cy = g.where(pose, g.div(g.add(frame.ly(), frame.ry()), half), g.scalar(0.5));
        String scale = g.where(pose, frame.width(), g.scalar(FALLBACK_SHOULDER_WIDTH));
        String cx3 = g.unsqueeze(cx, 2);
        String cy3 = g.unsqueeze(cy, 2);
        String scale3 = g.unsqueeze(scale, 2);

        List<Block> blocks = new ArrayList<>();
        if (extractor.partStart(PART_POSE) >= 0) {
            long[] xs = new long[UPPER_BODY];
            long[] ys = new long[UPPER_BODY];
            for (int i = 0; i < UPPER_BODY; i++) {
                xs[i] = POSE_OFFSET + i * 4L;
                ys[i] = xs[i] + 1;
            }
            String fx = g.div(g.sub(g.gather(raw, xs, 2), cx3), scale3);
            String fy = g.div(g.sub(g.gather(raw, ys, 2), cy3), scale3);
            blocks.add(new Block(extractor.partStart(PART_POSE), masked(pose, interleave(List.of(fx, fy)))));
            blocks.add(new Block(extractor.flagColumn(PART_POSE), flag(pose)));
            if (extractor.armStart() >= 0) {
                blocks.add(new Block(extractor.armStart(), masked(pose, arms(fx, fy))));
            }
        }
        if (extractor.partStart(PART_LEFT_HAND) >= 0) {
            String[] left = hand(raw, LEFT_HAND_OFFSET, cx3, cy3, scale3);
            String[] right = hand(raw, RIGHT_HAND_OFFSET, cx3, cy3, scale3);
            blocks.add(new Block(extractor.partStart(PART_LEFT_HAND), left[0]));
            blocks.add(new Block(extractor.flagColumn(PART_LEFT_HAND), flag(left[1])));
            blocks.add(new Block(extractor.partStart(PART_RIGHT_HAND), right[0]));
            blocks.add(new Block(extractor.flagColumn(PART_RIGHT_HAND), flag(right[1])));
        }
        if (extractor.partStart(PART_FACE) >= 0) {
            String[] face = face(raw);
            blocks.add(new Block(extractor.partStart(PART_FACE), face[0]));
            blocks.add(new Block(extractor.flagColumn(PART_FACE), flag(face[1])));
        }
        if (side != null) {
            blocks.add(new Block(extractor.sideColumn(), side));
        }
        blocks.sort(Comparator.comparingInt(Block::start));
        return g.concat(2, blocks.stream().map(Block::value).toList());
    }

    /**
     * The arm geometry of {@code FeatureExtractor}, from the pose features rounded to float as Java stores them:
     * per arm the upper arm's and forearm's unit directions, the elbow's cosine, the wrist-to-finger directions.
     */
    private String arms(String fx, String fy) {
        String x = g.cast(g.cast(fx, GraphOps.FLOAT), GraphOps.DOUBLE);
        String y = g.cast(g.cast(fy, GraphOps.FLOAT), GraphOps.DOUBLE);
        List<String> columns = new ArrayList<>();
        for (int[] arm : FeatureExtractor.arms()) {
            String[] upper = direction(x, y, arm[0], arm[1]);
            String[] fore = direction(x, y, arm[1], arm[2]);
            columns.add(upper[0]);
            columns.add(upper[1]);
            columns.add(fore[0]);
            columns.add(fore[1]);
            columns.add(g.add(g.mul(upper[0], fore[0]), g.mul(upper[1], fore[1])));
            for (int k = 0; k < 3; k++) {
                String[] finger = direction(x, y, arm[2], arm[3 + k]);
                columns.add(finger[0]);
                columns.add(finger[1]);
            }
        }
        return g.concat(2, columns.stream().map(c -> g.unsqueeze(c, 2)).toList());
    }

    /** The unit vector between two pose landmarks, {@code [b, f]} each, or zeros where they coincide. */
    private String[] direction(String x, String y, int from, int to) {
        String dx = g.sub(g.pick(x, to, 2), g.pick(x, from, 2));
        String dy = g.sub(g.pick(y, to, 2), g.pick(y, from, 2));
        String length = g.hypot(dx, dy);
        String usable = g.op("Greater", List.of(length, g.scalar(MIN_SCALE)));
        String safe = g.where(usable, length, g.scalar(1));
        return new String[] {g.where(usable, g.div(dx, safe), g.scalar(0)),
            g.where(usable, g.div(dy, safe), g.scalar(0))};
    }

    /** Returns the hand's 66 features (zeros when absent) and its presence. */
    private String[] hand(String raw, int offset, String cx3, String cy3, String scale3) {
        String wx = g.pick(raw, offset, 2);
        String wy = g.pick(raw, offset + 1L, 2);
        int knuckle = offset + MIDDLE_KNUCKLE * 3;
        String size = g.hypot(g.sub(g.pick(raw, knuckle, 2), wx), g.sub(g.pick(raw, knuckle + 1L, 2), wy));
        String present = g.op("And", List.of(g.anyNonZero(raw, offset, HAND_LENGTH),
                g.op("Not", List.of(g.op("Less", List.of(size, g.scalar(MIN_SCALE)))))));
        String safeSize = g.unsqueeze(g.where(present, size, g.scalar(1)), 2);
        long[][] axes = new long[3][HAND_LANDMARKS];
        for (int i = 0; i < HAND_LANDMARKS; i++) {
            for (int c = 0; c < 3; c++) {
                axes[c][i] = offset + i * 3L + c;
            }
        }
        String wx3 = g.unsqueeze(wx, 2);
        String wy3 = g.unsqueeze(wy, 2);
        String fx = g.div(g.sub(g.gather(raw, axes[0], 2), wx3), safeSize);
        String fy = g.div(g.sub(g.gather(raw, axes[1], 2), wy3), safeSize);
        String fz = g.div(g.gather(raw, axes[2], 2), safeSize);
        String landmarks = interleave(List.of(fx, fy, fz));
        String tail = g.concat(2, List.of(g.div(g.sub(wx3, cx3), scale3), g.div(g.sub(wy3, cy3), scale3),
                g.div(g.unsqueeze(size, 2), scale3)));
        return new String[] {masked(present, g.concat(2, List.of(landmarks, tail))), present};
    }

    /** Returns the face's 72 features (zeros when absent) and its presence. */
    private String[] face(String raw) {
        int nose = FACE_OFFSET + 3;
        String nx = g.pick(raw, nose, 2);
        String ny = g.pick(raw, nose + 1L, 2);
        String nz = g.pick(raw, nose + 2L, 2);
        int lc = FACE_OFFSET + FACE_LEFT_CHEEK * 3;
        int rc = FACE_OFFSET + FACE_RIGHT_CHEEK * 3;
        String width = g.hypot(g.sub(g.pick(raw, lc, 2), g.pick(raw, rc, 2)),
                g.sub(g.pick(raw, lc + 1L, 2), g.pick(raw, rc + 1L, 2)));
        String present = g.op("And", List.of(g.anyNonZero(raw, FACE_OFFSET, FACE_LENGTH),
                g.op("Not", List.of(g.op("Less", List.of(width, g.scalar(MIN_SCALE)))))));
        String safeWidth = g.unsqueeze(g.where(present, width, g.scalar(1)), 2);
        int[] points = FeatureExtractor.facePoints();
        long[][] axes = new long[3][points.length];
        for (int i = 0; i < points.length; i++) {
            for (int c = 0; c < 3; c++) {
                axes[c][i] = FACE_OFFSET + points[i] * 3L + c;
            }
        }
        String fx = g.div(g.sub(g.gather(raw, axes[0], 2), g.unsqueeze(nx, 2)), safeWidth);
        String fy = g.div(g.sub(g.gather(raw, axes[1], 2), g.unsqueeze(ny, 2)), safeWidth);
        String fz = g.div(g.sub(g.gather(raw, axes[2], 2), g.unsqueeze(nz, 2)), safeWidth);
        return new String[] {masked(present, interleave(List.of(fx, fy, fz))), present};
    }

    /** {@code k} tensors {@code [b, f, n]} to {@code [b, f, n * k]} as x0, y0, (z0,) x1, y1, ... */
    private String interleave(List<String> coordinates) {
        List<String> expanded = coordinates.stream().map(c -> g.unsqueeze(c, 3)).toList();
        return g.reshape(g.concat(3, expanded), 0, 0, -1);
    }

    private String masked(String present, String values) {
        return g.where(g.unsqueeze(present, 2), values, g.scalar(0));
    }

    private String flag(String present) {
        return g.unsqueeze(g.cast(present, GraphOps.DOUBLE), 2);
    }

    /** Resamples {@code [b, frames, d]} to {@code [b, L, d]} exactly as {@code FeatureExtractor.resample}. */
    private String resample(String keypoints, String perFrame) {
        int length = extractor.sequenceLength();
        String frames = g.pick(g.op("Shape", List.of(keypoints)), 1, 0);
        String last = g.sub(frames, g.graph().longConstant("one", new long[0], new long[] {1}));
        double[] steps = new double[length];
        for (int i = 0; i < length; i++) {
            steps[i] = i;
        }
        String index = g.graph().doubleConstant("steps", new long[] {length}, steps);
        // (double) i * (frames - 1) / (L - 1), in that order, as in uniformPositions.
        String positions = g.div(g.mul(index, g.cast(last, GraphOps.DOUBLE)), g.scalar(length - 1));
        String floor = g.op("Floor", List.of(positions));
        String lo = g.cast(floor, GraphOps.INT64);
        String hi = g.op("Min", List.of(g.add(lo, g.graph().longConstant("one", new long[0], new long[] {1})), last));
        String w = g.unsqueeze(g.sub(positions, floor), 0, 2);
        String a = g.gatherBy(perFrame, lo, 1);
        String b = g.gatherBy(perFrame, hi, 1);
        long[] flags = flagColumns();
        String same = g.op("ReduceMin", List.of(g.cast(g.op("Equal", List.of(g.gather(a, flags, 2),
                g.gather(b, flags, 2))), GraphOps.DOUBLE)),
                org.gesturelab.mediapipe.convert.OnnxGraphBuilder.attribute("axes", new long[] {2}),
                org.gesturelab.mediapipe.convert.OnnxGraphBuilder.attribute("keepdims", 1L));
        String mix = g.op("And", List.of(g.op("Greater", List.of(same, g.scalar(0.5))),
                g.op("Greater", List.of(w, g.scalar(0)))));
        String mixed = g.add(a, g.mul(w, g.sub(b, a)));
        String nearest = g.where(g.op("Less", List.of(w, g.scalar(0.5))), a, b);
        return g.where(mix, mixed, nearest);
    }

    private long[] flagColumns() {
        List<Long> columns = new ArrayList<>();
        for (int part = 0; part < 4; part++) {
            if (extractor.flagColumn(part) >= 0) {
                columns.add((long) extractor.flagColumn(part));
            }
        }
        return columns.stream().mapToLong(Long::longValue).toArray();
    }

    /** Present features become {@code clip((x - mean) / std, ±10)}, features of a missing part 0, flags stay. */
    private String standardize(String sequence, FeatureStatistics statistics) {
        int dimension = extractor.dimension();
        if (statistics.dimension() != dimension) {
            throw new GestureLabException("The model's statistics have " + statistics.dimension()
                    + " features but its feature extractor makes " + dimension + ".");
        }
        int[] flagOf = extractor.flagOfColumn();
        float[] mean = statistics.mean();
        float[] std = statistics.std();
        long[] maskColumn = new long[dimension];
        for (int f = 0; f < dimension; f++) {
            // A flag column standardizes to itself (mean 0, std 1) and is "kept" exactly when it is 1.
            maskColumn[f] = flagOf[f] >= 0 ? flagOf[f] : f;
            if (flagOf[f] < 0) {
                mean[f] = 0;
                std[f] = 1;
            }
        }
        long[] dims = {dimension};
        String z = g.div(g.sub(sequence, g.graph().floatConstant("mean", dims, mean)),
                g.graph().floatConstant("std", dims, std));
        String clipped = g.op("Clip", List.of(z, g.floatScalar(-FeatureStatistics.CLIP),
                g.floatScalar(FeatureStatistics.CLIP)));
        String keep = g.op("Greater", List.of(g.gather(sequence, maskColumn, 2), g.floatScalar(0.5f)));
        return g.where(keep, clipped, g.floatScalar(0));
    }
}

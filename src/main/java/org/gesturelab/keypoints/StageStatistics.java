package org.gesturelab.keypoints;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects per-frame stage times and part detections of a run and summarizes them. Not thread-safe. */
public final class StageStatistics {

    private final Map<Stage, List<Double>> millis = new EnumMap<>(Stage.class);
    private long frames;
    private long pose;
    private long face;
    private long leftHand;
    private long rightHand;
    private long anyHand;

    /**
     * Adds one frame.
     *
     * @param keypoints the frame's result
     */
    public void add(FrameKeypoints keypoints) {
        frames++;
        pose += keypoints.hasPose() ? 1 : 0;
        face += keypoints.hasFace() ? 1 : 0;
        leftHand += keypoints.hasLeftHand() ? 1 : 0;
        rightHand += keypoints.hasRightHand() ? 1 : 0;
        anyHand += keypoints.hasLeftHand() || keypoints.hasRightHand() ? 1 : 0;
        keypoints.stageMillis().forEach((stage, ms) -> millis.computeIfAbsent(stage, s -> new ArrayList<>()).add(ms));
    }

    /** Returns the number of frames added. */
    public long frames() {
        return frames;
    }

    /** Returns the fraction of frames with a pose. */
    public double poseFraction() {
        return fraction(pose);
    }

    /** Returns the fraction of frames with a face. */
    public double faceFraction() {
        return fraction(face);
    }

    /** Returns the fraction of frames with the person's left hand. */
    public double leftHandFraction() {
        return fraction(leftHand);
    }

    /** Returns the fraction of frames with the person's right hand. */
    public double rightHandFraction() {
        return fraction(rightHand);
    }

    /** Returns the fraction of frames with at least one hand. */
    public double anyHandFraction() {
        return fraction(anyHand);
    }

    private double fraction(long count) {
        return frames == 0 ? 0 : (double) count / frames;
    }

    /**
     * Returns the median milliseconds of each stage that was timed.
     *
     * @return stage to median, in stage order
     */
    public Map<Stage, Double> medianMillis() {
        Map<Stage, Double> medians = new EnumMap<>(Stage.class);
        millis.forEach((stage, values) -> medians.put(stage, median(values)));
        return medians;
    }

    /**
     * Returns the median of some values.
     *
     * @param values any values (not changed)
     * @return the median, or NaN when empty
     */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}

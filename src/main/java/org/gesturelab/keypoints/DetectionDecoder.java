package org.gesturelab.keypoints;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a single-shot detector's raw tensors into detections, as MediaPipe's
 * {@code TensorsToDetectionsCalculator} (fixed-size anchors, x before y) followed by its weighted
 * {@code NonMaxSuppressionCalculator}.
 */
public final class DetectionDecoder {

    private final float[][] anchors;
    private final int valuesPerAnchor;
    private final int keypointCount;
    private final float inputSize;
    private final float scoreClip;
    private final float minScore;
    private final float minSuppression;

    /**
     * Creates a decoder.
     *
     * @param anchors anchor centres from {@link SsdAnchors}
     * @param valuesPerAnchor raw values per anchor (4 box values + 2 per keypoint)
     * @param keypointCount keypoints per detection
     * @param inputSize the model's input side, which raw offsets are measured in
     * @param scoreClip raw scores are clipped to +-this before the sigmoid
     * @param minScore detections below this score are dropped
     * @param minSuppression IoU above which detections merge
     */
    public DetectionDecoder(float[][] anchors, int valuesPerAnchor, int keypointCount, float inputSize,
            float scoreClip, float minScore, float minSuppression) {
        this.anchors = anchors;
        this.valuesPerAnchor = valuesPerAnchor;
        this.keypointCount = keypointCount;
        this.inputSize = inputSize;
        this.scoreClip = scoreClip;
        this.minScore = minScore;
        this.minSuppression = minSuppression;
    }

    /** The pose detector's decoder: 2254 anchors, 12 values (box + 4 keypoints), score 0.5, IoU 0.3. */
    public static DetectionDecoder poseDetector() {
        return new DetectionDecoder(SsdAnchors.poseDetector(), 12, 4, 224f, 100f, 0.5f, 0.3f);
    }

    /**
     * Decodes and suppresses.
     *
     * @param boxes raw box tensor, anchors x values
     * @param scores raw score tensor, one logit per anchor
     * @return merged detections, best first
     */
    public List<Detection> decode(float[] boxes, float[] scores) {
        if (scores.length != anchors.length || boxes.length != anchors.length * valuesPerAnchor) {
            throw new IllegalArgumentException("expected " + anchors.length + " anchors, got " + scores.length
                    + " scores and " + boxes.length + " box values");
        }
        List<Detection> candidates = new ArrayList<>();
        for (int i = 0; i < anchors.length; i++) {
            float raw = Math.max(-scoreClip, Math.min(scoreClip, scores[i]));
            float score = (float) (1 / (1 + Math.exp(-raw)));
            if (score < minScore) {
                continue;
            }
            int at = i * valuesPerAnchor;
            float ax = anchors[i][0];
            float ay = anchors[i][1];
            float cx = boxes[at] / inputSize + ax;
            float cy = boxes[at + 1] / inputSize + ay;
            float w = boxes[at + 2] / inputSize;
            float h = boxes[at + 3] / inputSize;
            float[] keypoints = new float[2 * keypointCount];
            for (int k = 0; k < keypointCount; k++) {
                keypoints[2 * k] = boxes[at + 4 + 2 * k] / inputSize + ax;
                keypoints[2 * k + 1] = boxes[at + 5 + 2 * k] / inputSize + ay;
            }
            candidates.add(new Detection(score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, keypoints));
        }
        return weightedNonMaxSuppression(candidates, minSuppression);
    }

    /**
     * MediaPipe's weighted non-maximum suppression: the best remaining detection absorbs every detection overlapping
     * it by more than the threshold (itself included), its box and keypoints becoming their score-weighted mean and
     * its score staying the best one's.
     *
     * @param detections candidates in any order
     * @param minSuppression IoU above which detections merge
     * @return merged detections, best first
     */
    public static List<Detection> weightedNonMaxSuppression(List<Detection> detections, float minSuppression) {
        List<Detection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> output = new ArrayList<>();
        while (!remaining.isEmpty()) {
            Detection best = remaining.get(0);
            List<Detection> merged = new ArrayList<>();
            List<Detection> rest = new ArrayList<>();
            for (Detection candidate : remaining) {
                if (candidate.iou(best) > minSuppression) {
                    merged.add(candidate);
                } else {
                    rest.add(candidate);
                }
            }
            if (merged.isEmpty()) {
                output.add(best);
            } else {
                float total = 0;
                float xmin = 0;
                float ymin = 0;
                float xmax = 0;
                float ymax = 0;
                float[] keypoints = new float[best.keypoints().length];
                for (Detection d : merged) {
                    float s = d.score();
                    total += s;
                    xmin += d.xmin() * s;
                    ymin += d.ymin() * s;
                    xmax += d.xmax() * s;
                    ymax += d.ymax() * s;
                    for (int k = 0; k < keypoints.length; k++) {
                        keypoints[k] += d.keypoints()[k] * s;
                    }
                }
                for (int k = 0; k < keypoints.length; k++) {
                    keypoints[k] /= total;
                }
                output.add(new Detection(best.score(), xmin / total, ymin / total, xmax / total, ymax / total,
                        keypoints));
            }
            if (rest.size() == remaining.size()) {
                break;
            }
            remaining = rest;
        }
        return output;
    }
}

package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import ai.djl.ndarray.NDList;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * {@code pose_landmark_lite/full/heavy}: a 256x256 crop (RGB in [0, 1], edges repeated) in; 33 landmarks with
 * visibility, the two tracking landmarks and the presence score out, refined with the model's heatmap and projected
 * into the frame as MediaPipe's {@code PoseLandmarkByRoiCpu} does.
 */
public final class PoseLandmarkTranslator extends CropModelTranslator<PoseLandmarks> {

    private static final int SIZE = 256;
    private static final int ALL_LANDMARKS = 39;
    private static final int VALUES = 5;
    private static final int HEATMAP = 64;
    private static final int KERNEL = 7;
    private static final float MIN_REFINE_CONFIDENCE = 0.5f;

    /**
     * Creates the translator.
     *
     * @param model which pose landmark model it serves
     * @param times receives forward-pass times, or null
     */
    public PoseLandmarkTranslator(MediaPipeModel model, ModelTimes times) {
        super(model, SIZE, times);
    }

    @Override
    PoseLandmarks decode(CropRequest request, NDList list) {
        float[] raw = ModelTensors.output(list, ALL_LANDMARKS * VALUES);
        float score = ModelTensors.output(list, 1)[0];
        float[] heatmap = ModelTensors.output(list, (long) HEATMAP * HEATMAP * ALL_LANDMARKS);
        float[] crop = new float[ALL_LANDMARKS * 3];
        for (int i = 0; i < ALL_LANDMARKS; i++) {
            crop[3 * i] = raw[VALUES * i] / SIZE;
            crop[3 * i + 1] = raw[VALUES * i + 1] / SIZE;
            crop[3 * i + 2] = raw[VALUES * i + 2] / SIZE;
        }
        refineWithHeatmap(crop, heatmap);
        Roi roi = request.roi();
        int width = request.image().width();
        int height = request.image().height();
        float[] landmarks = new float[KeypointLayout.POSE_LANDMARKS * 4];
        for (int i = 0; i < KeypointLayout.POSE_LANDMARKS; i++) {
            double[] p = roi.toFrame(crop[3 * i], crop[3 * i + 1]);
            landmarks[4 * i] = (float) (p[0] / width);
            landmarks[4 * i + 1] = (float) (p[1] / height);
            landmarks[4 * i + 2] = (float) (crop[3 * i + 2] * roi.width() / width);
            landmarks[4 * i + 3] = ModelTensors.sigmoid(raw[VALUES * i + 3]);
        }
        float[] auxiliary = new float[6];
        for (int a = 0; a < 2; a++) {
            int i = KeypointLayout.POSE_LANDMARKS + a;
            double[] p = roi.toFrame(crop[3 * i], crop[3 * i + 1]);
            auxiliary[3 * a] = (float) (p[0] / width);
            auxiliary[3 * a + 1] = (float) (p[1] / height);
            auxiliary[3 * a + 2] = (float) (crop[3 * i + 2] * roi.width() / width);
        }
        return new PoseLandmarks(landmarks, auxiliary, score, roi);
    }

    /**
     * MediaPipe's {@code RefineLandmarksFromHeatmapCalculator}: moves each landmark to the confidence-weighted mean
     * of the 7x7 heatmap cells around it, when the most confident cell there reaches 0.5.
     *
     * @param crop landmarks normalized to the crop, 3 floats each, refined in place
     * @param heatmap 64 x 64 x 39 logits, HWC
     */
    static void refineWithHeatmap(float[] crop, float[] heatmap) {
        int offset = (KERNEL - 1) / 2;
        int landmarks = crop.length / 3;
        for (int lm = 0; lm < landmarks; lm++) {
            int centerCol = (int) (crop[3 * lm] * HEATMAP);
            int centerRow = (int) (crop[3 * lm + 1] * HEATMAP);
            if (centerCol < 0 || centerCol >= HEATMAP || centerRow < 0 || centerRow >= HEATMAP) {
                continue;
            }
            int beginCol = Math.max(0, centerCol - offset);
            int endCol = Math.min(HEATMAP, centerCol + offset + 1);
            int beginRow = Math.max(0, centerRow - offset);
            int endRow = Math.min(HEATMAP, centerRow + offset + 1);
            float sum = 0;
            float weightedCol = 0;
            float weightedRow = 0;
            float maxConfidence = 0;
            for (int row = beginRow; row < endRow; row++) {
                for (int col = beginCol; col < endCol; col++) {
                    float confidence = ModelTensors.sigmoid(heatmap[(row * HEATMAP + col) * ALL_LANDMARKS + lm]);
                    sum += confidence;
                    maxConfidence = Math.max(maxConfidence, confidence);
                    weightedCol += col * confidence;
                    weightedRow += row * confidence;
                }
            }
            if (maxConfidence >= MIN_REFINE_CONFIDENCE && sum > 0) {
                crop[3 * lm] = weightedCol / HEATMAP / sum;
                crop[3 * lm + 1] = weightedRow / HEATMAP / sum;
            }
        }
    }
}

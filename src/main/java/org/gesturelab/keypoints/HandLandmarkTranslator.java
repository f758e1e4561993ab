package org.gesturelab.keypoints;

import ai.djl.ndarray.NDList;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * {@code hand_landmark_full}: a 224x224 hand crop (RGB in [0, 1]) in; 21 landmarks projected into the frame and the
 * presence score out. Depth is divided by 0.4 as MediaPipe's hand graph does ({@code normalize_z}).
 */
public final class HandLandmarkTranslator extends CropModelTranslator<HandLandmarks> {

    private static final int SIZE = 224;
    private static final float NORMALIZE_Z = 0.4f;

    /**
     * Creates the translator.
     *
     * @param times receives forward-pass times, or null
     */
    public HandLandmarkTranslator(ModelTimes times) {
        super(MediaPipeModel.HAND_LANDMARK_FULL, SIZE, times);
    }

    @Override
    HandLandmarks decode(CropRequest request, NDList list) {
        // Outputs in the model's order: screen landmarks, presence, handedness, world landmarks.
        float[] raw = list.get(0).toFloatArray();
        float presence = list.get(1).toFloatArray()[0];
        return new HandLandmarks(project(raw, request, SIZE, NORMALIZE_Z), presence, request.roi());
    }

    /**
     * Projects crop-pixel landmarks (x, y, z) into normalized frame coordinates.
     *
     * @param raw landmarks in crop pixels, 3 floats each
     * @param request the frame and region they came from
     * @param size the crop's side
     * @param normalizeZ depth divisor
     * @return normalized landmarks, 3 floats each
     */
    static float[] project(float[] raw, CropRequest request, int size, float normalizeZ) {
        Roi roi = request.roi();
        int width = request.image().width();
        int height = request.image().height();
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i += 3) {
            double[] p = roi.toFrame(raw[i] / size, raw[i + 1] / size);
            out[i] = (float) (p[0] / width);
            out[i + 1] = (float) (p[1] / height);
            out[i + 2] = (float) (raw[i + 2] / size / normalizeZ * roi.width() / width);
        }
        return out;
    }
}

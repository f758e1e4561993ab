package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import ai.djl.ndarray.NDList;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * {@code face_landmark}: a 192x192 face crop (RGB in [0, 1]) in; the 468-point mesh projected into the frame and
 * the presence score (a logit in the model, passed through a sigmoid here) out.
 */
public final class FaceLandmarkTranslator extends CropModelTranslator<FaceLandmarks> {

    private static final int SIZE = 192;

    /**
     * Creates the translator.
     *
     * @param times receives forward-pass times, or null
     */
    public FaceLandmarkTranslator(ModelTimes times) {
        super(MediaPipeModel.FACE_LANDMARK, SIZE, times);
    }

    @Override
    FaceLandmarks decode(CropRequest request, NDList list) {
        float[] raw = ModelTensors.output(list, KeypointLayout.FACE_LENGTH);
        float presence = ModelTensors.sigmoid(ModelTensors.output(list, 1)[0]);
        return new FaceLandmarks(HandLandmarkTranslator.project(raw, request, SIZE, 1f), presence, request.roi());
    }
}

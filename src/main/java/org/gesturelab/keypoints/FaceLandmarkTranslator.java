package org.gesturelab.keypoints;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import org.gesturelab.models.MediaPipeModel;

/**
 * {@code face_landmark}: a 192x192 face crop (RGB in [0, 1]) in; the 468-point mesh projected into the frame and
 * the presence score (a logit in the model, passed through a sigmoid here) out.
 */
public final class FaceLandmarkTranslator implements NoBatchifyTranslator<CropRequest, FaceLandmarks> {

    private static final String STARTED = "started";
    private static final int SIZE = 192;
    private static final String REQUEST = "request";

    private final ModelTimes times;

    /**
     * Creates the translator.
     *
     * @param times receives forward-pass times, or null
     */
    public FaceLandmarkTranslator(ModelTimes times) {
        this.times = times;
    }

    @Override
    public NDList processInput(TranslatorContext ctx, CropRequest request) {
        ctx.setAttachment(REQUEST, request);
        NDList input = ModelTensors.input(ctx.getNDManager(), request, SIZE, 0f, 1f, false);
        ctx.setAttachment(STARTED, System.nanoTime());
        return input;
    }

    @Override
    public FaceLandmarks processOutput(TranslatorContext ctx, NDList list) {
        ModelTimes.recordSince(times, MediaPipeModel.FACE_LANDMARK, ctx.getAttachment(STARTED));
        CropRequest request = (CropRequest) ctx.getAttachment(REQUEST);
        float[] raw = ModelTensors.output(list, KeypointLayout.FACE_LENGTH);
        float presence = ModelTensors.sigmoid(ModelTensors.output(list, 1)[0]);
        return new FaceLandmarks(HandLandmarkTranslator.project(raw, request, SIZE, 1f), presence, request.roi());
    }
}

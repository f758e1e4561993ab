package org.gesturelab.keypoints;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import org.gesturelab.models.MediaPipeModel;

/**
 * {@code hand_recrop}: the search rectangle around a pose wrist (256x256, RGB in [0, 1]) in; the hand landmark
 * model's rectangle out, from the model's two predicted points.
 */
public final class HandRecropTranslator implements NoBatchifyTranslator<CropRequest, Roi> {

    private static final String STARTED = "started";
    private static final int SIZE = 256;
    private static final String REQUEST = "request";

    private final ModelTimes times;

    /**
     * Creates the translator.
     *
     * @param times receives forward-pass times, or null
     */
    public HandRecropTranslator(ModelTimes times) {
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
    public Roi processOutput(TranslatorContext ctx, NDList list) {
        ModelTimes.recordSince(times, MediaPipeModel.HAND_RECROP, ctx.getAttachment(STARTED));
        CropRequest request = (CropRequest) ctx.getAttachment(REQUEST);
        float[] points = ModelTensors.output(list, 4);
        double[] center = request.roi().toFrame(points[0] / SIZE, points[1] / SIZE);
        double[] scale = request.roi().toFrame(points[2] / SIZE, points[3] / SIZE);
        return RoiGeometry.handRoiFromRecrop(center[0], center[1], scale[0], scale[1]);
    }
}

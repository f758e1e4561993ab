package org.gesturelab.keypoints;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * What every translator of a model fed with a crop shares: a square crop of a rotated region (scaled RGB) in,
 * the forward pass timed, and the request handed to the subclass that decodes the outputs.
 *
 * @param <O> the decoded result
 */
abstract class CropModelTranslator<O> implements NoBatchifyTranslator<CropRequest, O> {

    private static final String STARTED = "started";
    private static final String REQUEST = "request";

    private final MediaPipeModel model;
    private final int size;
    private final float low;
    private final float high;
    private final boolean blackOutside;
    private final ModelTimes times;

    /**
     * Creates a translator for a landmark model: RGB scaled to [0, 1], edges repeated outside the frame.
     *
     * @param model the model it serves, for timing
     * @param size the side of the model's square input
     * @param times receives forward-pass times, or null
     */
    CropModelTranslator(MediaPipeModel model, int size, ModelTimes times) {
        this(model, size, 0f, 1f, false, times);
    }

    /**
     * Creates a translator.
     *
     * @param model the model it serves, for timing
     * @param size the side of the model's square input
     * @param low the value black maps to
     * @param high the value white maps to
     * @param blackOutside whether pixels outside the frame are black rather than the nearest edge
     * @param times receives forward-pass times, or null
     */
    CropModelTranslator(MediaPipeModel model, int size, float low, float high, boolean blackOutside,
            ModelTimes times) {
        this.model = model;
        this.size = size;
        this.low = low;
        this.high = high;
        this.blackOutside = blackOutside;
        this.times = times;
    }

    /** Returns the side of the model's square input in pixels. */
    final int size() {
        return size;
    }

    @Override
    public final NDList processInput(TranslatorContext ctx, CropRequest request) {
        ctx.setAttachment(REQUEST, request);
        NDList input = ModelTensors.input(ctx.getNDManager(), request, size, low, high, blackOutside);
        ctx.setAttachment(STARTED, System.nanoTime());
        return input;
    }

    @Override
    public final O processOutput(TranslatorContext ctx, NDList list) {
        ModelTimes.recordSince(times, model, ctx.getAttachment(STARTED));
        return decode((CropRequest) ctx.getAttachment(REQUEST), list);
    }

    /**
     * Decodes the model's outputs.
     *
     * @param request the frame and region the crop came from
     * @param list the model's outputs
     * @return the result in frame coordinates
     */
    abstract O decode(CropRequest request, NDList list);
}

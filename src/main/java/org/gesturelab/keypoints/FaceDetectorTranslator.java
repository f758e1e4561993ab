package org.gesturelab.keypoints;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import org.gesturelab.models.MediaPipeModel;

/**
 * {@code face_detection_short_range}: the face search rectangle from the pose (128x128, RGB in [-1, 1], black
 * outside the frame) in; for each face found, best first, the face mesh model's rectangle out (from the
 * detection's six keypoints).
 */
public final class FaceDetectorTranslator implements NoBatchifyTranslator<CropRequest, List<Roi>> {

    private static final String STARTED = "started";
    private static final int SIZE = 128;
    private static final int ANCHORS = 896;
    private static final int KEYPOINTS = 6;
    private static final String REQUEST = "request";

    private final ModelTimes times;

    /**
     * Creates the translator.
     *
     * @param times receives forward-pass times, or null
     */
    public FaceDetectorTranslator(ModelTimes times) {
        this.times = times;
    }

    private final DetectionDecoder decoder = new DetectionDecoder(SsdAnchors.generate(SIZE, 8, 16, 16, 16), 16,
            KEYPOINTS, SIZE, 100f, 0.5f, 0.3f);

    @Override
    public NDList processInput(TranslatorContext ctx, CropRequest request) {
        ctx.setAttachment(REQUEST, request);
        NDList input = ModelTensors.input(ctx.getNDManager(), request, SIZE, -1f, 1f, true);
        ctx.setAttachment(STARTED, System.nanoTime());
        return input;
    }

    @Override
    public List<Roi> processOutput(TranslatorContext ctx, NDList list) {
        ModelTimes.recordSince(times, MediaPipeModel.FACE_DETECTION_SHORT_RANGE, ctx.getAttachment(STARTED));
        CropRequest request = (CropRequest) ctx.getAttachment(REQUEST);
        float[] boxes = ModelTensors.output(list, (long) ANCHORS * 16);
        float[] scores = ModelTensors.output(list, ANCHORS);
        List<Roi> rois = new ArrayList<>();
        for (Detection detection : decoder.decode(boxes, scores)) {
            double[] xs = new double[KEYPOINTS];
            double[] ys = new double[KEYPOINTS];
            for (int k = 0; k < KEYPOINTS; k++) {
                double[] p = request.roi().toFrame(detection.keypointX(k), detection.keypointY(k));
                xs[k] = p[0];
                ys[k] = p[1];
            }
            rois.add(RoiGeometry.faceRoiFromDetection(xs, ys));
        }
        return rois;
    }
}

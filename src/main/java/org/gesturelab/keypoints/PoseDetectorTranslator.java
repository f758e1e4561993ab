package org.gesturelab.keypoints;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDList;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * {@code pose_detection}: the whole frame letterboxed into 224x224 (RGB in [-1, 1], black bars) in, the pose
 * landmark model's first rectangle out for every detected person (best first), from the detector's hip-centre and
 * scale keypoints.
 */
public final class PoseDetectorTranslator implements NoBatchifyTranslator<FrameImage, List<Roi>> {

    private static final String STARTED = "started";
    private static final int SIZE = 224;
    private static final String LETTERBOX = "letterbox";

    private final ModelTimes times;

    /**
     * Creates the translator.
     *
     * @param times receives forward-pass times, or null
     */
    public PoseDetectorTranslator(ModelTimes times) {
        this.times = times;
    }

    private final DetectionDecoder decoder = DetectionDecoder.poseDetector();

    @Override
    public NDList processInput(TranslatorContext ctx, FrameImage image) {
        double side = Math.max(image.width(), image.height());
        Roi letterbox = new Roi(image.width() / 2.0, image.height() / 2.0, side, side, 0);
        ctx.setAttachment(LETTERBOX, letterbox);
        NDList input = ModelTensors.input(ctx.getNDManager(), new CropRequest(image, letterbox), SIZE, -1f, 1f, true);
        ctx.setAttachment(STARTED, System.nanoTime());
        return input;
    }

    @Override
    public List<Roi> processOutput(TranslatorContext ctx, NDList list) {
        ModelTimes.recordSince(times, MediaPipeModel.POSE_DETECTION, ctx.getAttachment(STARTED));
        Roi letterbox = (Roi) ctx.getAttachment(LETTERBOX);
        float[] boxes = ModelTensors.output(list, 2254L * 12);
        float[] scores = ModelTensors.output(list, 2254L);
        List<Roi> rois = new ArrayList<>();
        for (Detection detection : decoder.decode(boxes, scores)) {
            double[] center = letterbox.toFrame(detection.keypointX(0), detection.keypointY(0));
            double[] scale = letterbox.toFrame(detection.keypointX(1), detection.keypointY(1));
            rois.add(RoiGeometry.poseRoi(center[0], center[1], scale[0], scale[1]));
        }
        return rois;
    }
}

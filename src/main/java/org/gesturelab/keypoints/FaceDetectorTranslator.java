package org.gesturelab.keypoints;

import java.util.ArrayList;
import java.util.List;

import ai.djl.ndarray.NDList;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * {@code face_detection_short_range}: the face search rectangle from the pose (128x128, RGB in [-1, 1], black
 * outside the frame) in; for each face found, best first, the face mesh model's rectangle out (from the
 * detection's six keypoints).
 */
public final class FaceDetectorTranslator extends CropModelTranslator<List<Roi>> {

    private static final int SIZE = 128;
    private static final int ANCHORS = 896;
    private static final int KEYPOINTS = 6;

    /**
     * Creates the translator.
     *
     * @param times receives forward-pass times, or null
     */
    public FaceDetectorTranslator(ModelTimes times) {
        super(MediaPipeModel.FACE_DETECTION_SHORT_RANGE, SIZE, -1f, 1f, true, times);
    }

    private final DetectionDecoder decoder = new DetectionDecoder(SsdAnchors.generate(SIZE, 8, 16, 16, 16), 16,
            KEYPOINTS, SIZE, 100f, 0.5f, 0.3f);

    @Override
    List<Roi> decode(CropRequest request, NDList list) {
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

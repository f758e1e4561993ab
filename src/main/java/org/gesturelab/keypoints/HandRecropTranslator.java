package org.gesturelab.keypoints;

import ai.djl.ndarray.NDList;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * {@code hand_recrop}: the search rectangle around a pose wrist (256x256, RGB in [0, 1]) in; the hand landmark
 * model's rectangle out, from the model's two predicted points.
 */
public final class HandRecropTranslator extends CropModelTranslator<Roi> {

    private static final int SIZE = 256;

    /**
     * Creates the translator.
     *
     * @param times receives forward-pass times, or null
     */
    public HandRecropTranslator(ModelTimes times) {
        super(MediaPipeModel.HAND_RECROP, SIZE, times);
    }

    @Override
    Roi decode(CropRequest request, NDList list) {
        float[] points = ModelTensors.output(list, 4);
        double[] center = request.roi().toFrame(points[0] / SIZE, points[1] / SIZE);
        double[] scale = request.roi().toFrame(points[2] / SIZE, points[3] / SIZE);
        return RoiGeometry.handRoiFromRecrop(center[0], center[1], scale[0], scale[1]);
    }
}

package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * The pose half of Holistic for one stream: the landmark model on the rectangle tracked from the previous frame,
 * the detector only when the pose is lost, then one-euro smoothing of the landmarks (video) or none (stills).
 * Owns its ONNX sessions; use it from one thread at a time.
 */
public final class PoseTracker implements AutoCloseable {

    private static final float PRESENCE_THRESHOLD = 0.5f;

    private final ZooModel<FrameImage, List<Roi>> detectorModel;
    private final ZooModel<CropRequest, PoseLandmarks> landmarkModel;
    private final Predictor<FrameImage, List<Roi>> detector;
    private final Predictor<CropRequest, PoseLandmarks> landmarker;
    private final LandmarkSmoother smoother = new LandmarkSmoother(KeypointLayout.POSE_LANDMARKS,
            LandmarkSmoother.POSE);
    private final LandmarkSmoother auxiliarySmoother = new LandmarkSmoother(2, LandmarkSmoother.POSE_AUXILIARY);
    private Roi tracked;

    /**
     * Loads the pose models.
     *
     * @param poseModel which landmark model
     * @param modelDir the model directory, or null for the default
     * @param times receives the models' forward-pass times, or null
     */
    public PoseTracker(PoseModel poseModel, Path modelDir, ModelTimes times) {
        detectorModel = KeypointModels.load(MediaPipeModel.POSE_DETECTION, FrameImage.class,
                KeypointModels.roiList(), new PoseDetectorTranslator(times), modelDir);
        try {
            landmarkModel = KeypointModels.load(poseModel.model(), CropRequest.class, PoseLandmarks.class,
                    new PoseLandmarkTranslator(poseModel.model(), times), modelDir);
        } catch (RuntimeException e) {
            detectorModel.close();
            throw e;
        }
        detector = detectorModel.newPredictor();
        landmarker = landmarkModel.newPredictor();
    }

    /**
     * Finds the pose in a frame.
     *
     * @param image the frame
     * @param still true for unrelated still images: no tracking, no smoothing
     * @param timings receives {@link Stage#POSE_DETECTION} and {@link Stage#POSE_LANDMARKS} milliseconds
     * @return 33 x (x, y, z, visibility) normalized, or null when there is no pose
     */
    public float[] track(FrameImage image, boolean still, Map<Stage, Double> timings) {
        long start = System.nanoTime();
        double detectionMillis = 0;
        PoseLandmarks found = null;
        if (tracked != null && !still) {
            found = landmarks(image, tracked);
        }
        if (found == null) {
            long detectStart = System.nanoTime();
            List<Roi> detected = predict(detector, image);
            detectionMillis = (System.nanoTime() - detectStart) / 1e6;
            if (!detected.isEmpty()) {
                found = landmarks(image, detected.get(0));
            }
        }
        float[] pose = null;
        if (found == null) {
            tracked = null;
            smoother.reset();
            auxiliarySmoother.reset();
        } else {
            pose = found.landmarks().clone();
            float[] auxiliary = found.auxiliary().clone();
            int width = image.width();
            int height = image.height();
            if (!still) {
                smooth(pose, auxiliary, image, width, height);
            }
            tracked = RoiGeometry.poseRoi(auxiliary[0] * width, auxiliary[1] * height, auxiliary[3] * width,
                    auxiliary[4] * height);
        }
        timings.put(Stage.POSE_DETECTION, detectionMillis);
        timings.put(Stage.POSE_LANDMARKS, (System.nanoTime() - start) / 1e6 - detectionMillis);
        return pose;
    }

    private void smooth(float[] pose, float[] auxiliary, FrameImage image, int width, int height) {
        long nanos = image.frame().timestampMillis() * 1_000_000L;
        // The filters' speed scale: the size of the rectangle the raw auxiliary landmarks describe.
        Roi scaleRoi = RoiGeometry.poseRoi(auxiliary[0] * width, auxiliary[1] * height, auxiliary[3] * width,
                auxiliary[4] * height);
        double objectScale = (scaleRoi.width() + scaleRoi.height()) / 2;
        float[] xyz = new float[KeypointLayout.POSE_LANDMARKS * 3];
        float[] visibility = new float[KeypointLayout.POSE_LANDMARKS];
        for (int i = 0; i < KeypointLayout.POSE_LANDMARKS; i++) {
            System.arraycopy(pose, 4 * i, xyz, 3 * i, 3);
            visibility[i] = pose[4 * i + 3];
        }
        smoother.apply(xyz, visibility, nanos, width, height, objectScale);
        for (int i = 0; i < KeypointLayout.POSE_LANDMARKS; i++) {
            System.arraycopy(xyz, 3 * i, pose, 4 * i, 3);
            pose[4 * i + 3] = visibility[i];
        }
        auxiliarySmoother.apply(auxiliary, null, nanos, width, height, objectScale);
    }

    private PoseLandmarks landmarks(FrameImage image, Roi roi) {
        PoseLandmarks result = predict(landmarker, new CropRequest(image, roi));
        return result.score() >= PRESENCE_THRESHOLD ? result : null;
    }

    static <I, O> O predict(Predictor<I, O> predictor, I input) {
        try {
            return predictor.predict(input);
        } catch (TranslateException e) {
            throw new GestureLabException("A keypoint model failed: " + e.getMessage(), e);
        }
    }

    /** Forgets the tracked pose, for example when the source jumps. */
    public void reset() {
        tracked = null;
        smoother.reset();
        auxiliarySmoother.reset();
    }

    @Override
    public void close() {
        detector.close();
        landmarker.close();
        detectorModel.close();
        landmarkModel.close();
    }
}

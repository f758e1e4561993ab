package org.gesturelab.keypoints;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * Hands and face of Holistic for one stream, given each frame's pose: hand rectangles from the pose's
 * wrist, pinky and index refined by {@code hand_recrop}, the face rectangle from the pose's face landmarks refined by
 * the short-range face detector, each replaced by the rectangle from the previous frame's landmarks while the
 * object has not moved much (MediaPipe's ROI tracking). Owns its ONNX sessions: the hand models serve
 * {@link #findHands} and the face models {@link #findFace}, so each may run on its own thread, but neither on two.
 */
public final class HandFaceTracker implements AutoCloseable {

    /** Pose landmarks of the person's left hand: wrist, pinky, index. */
    static final int[] LEFT_HAND_FROM_POSE = {15, 17, 19};
    /** Pose landmarks of the person's right hand: wrist, pinky, index. */
    static final int[] RIGHT_HAND_FROM_POSE = {16, 18, 20};

    private static final float WRIST_VISIBILITY = 0.1f;
    private static final float PRESENCE_THRESHOLD = 0.5f;

    private final ZooModel<CropRequest, Roi> recropModel;
    private final ZooModel<CropRequest, HandLandmarks> handModel;
    private final ZooModel<CropRequest, List<Roi>> faceDetectorModel;
    private final ZooModel<CropRequest, FaceLandmarks> faceModel;
    private final Predictor<CropRequest, Roi> recrop;
    private final Predictor<CropRequest, HandLandmarks> hand;
    private final Predictor<CropRequest, List<Roi>> faceDetector;
    private final Predictor<CropRequest, FaceLandmarks> face;
    private final boolean withFace;
    private final Track left = new Track();
    private final Track right = new Track();
    private final Track faceTrack = new Track();

    /** The previous frame's landmarks of one object and the rectangle derived from them. */
    private static final class Track {
        private float[] landmarks;
        private Roi roi;

        void clear() {
            landmarks = null;
            roi = null;
        }
    }

    /**
     * Loads the hand and face models.
     *
     * @param withFace false to skip the face (and its two models)
     * @param modelDir the model directory, or null for the default
     * @param times receives the models' forward-pass times, or null
     */
    public HandFaceTracker(boolean withFace, Path modelDir, ModelTimes times) {
        this.withFace = withFace;
        recropModel = KeypointModels.load(MediaPipeModel.HAND_RECROP, CropRequest.class, Roi.class,
                new HandRecropTranslator(times), modelDir);
        handModel = KeypointModels.load(MediaPipeModel.HAND_LANDMARK_FULL, CropRequest.class, HandLandmarks.class,
                new HandLandmarkTranslator(times), modelDir);
        if (withFace) {
            faceDetectorModel = KeypointModels.load(MediaPipeModel.FACE_DETECTION_SHORT_RANGE, CropRequest.class,
                    KeypointModels.roiList(), new FaceDetectorTranslator(times), modelDir);
            faceModel = KeypointModels.load(MediaPipeModel.FACE_LANDMARK, CropRequest.class, FaceLandmarks.class,
                    new FaceLandmarkTranslator(times), modelDir);
            faceDetector = faceDetectorModel.newPredictor();
            face = faceModel.newPredictor();
        } else {
            faceDetectorModel = null;
            faceModel = null;
            faceDetector = null;
            face = null;
        }
        recrop = recropModel.newPredictor();
        hand = handModel.newPredictor();
    }

    /** Both hands of one frame; null where not found. */
    record Hands(float[] left, float[] right) {
    }

    /**
     * Finds both hands. Uses only the hand models, so it may run on another thread than {@link #findFace}.
     *
     * @param image the frame
     * @param pose the frame's pose, 33 x 4 normalized, or null
     * @param still true for unrelated still images (no tracking from the previous frame)
     * @param timings receives {@link Stage#HANDS} milliseconds
     * @return the hands found
     */
    Hands findHands(FrameImage image, float[] pose, boolean still, Map<Stage, Double> timings) {
        if (still) {
            left.clear();
            right.clear();
        }
        long start = System.nanoTime();
        float[] leftHand = hand(image, pose, LEFT_HAND_FROM_POSE, left);
        float[] rightHand = hand(image, pose, RIGHT_HAND_FROM_POSE, right);
        timings.put(Stage.HANDS, (System.nanoTime() - start) / 1e6);
        return new Hands(leftHand, rightHand);
    }

    /**
     * Finds the face mesh. Uses only the face models, so it may run on another thread than {@link #findHands}.
     *
     * @param image the frame
     * @param pose the frame's pose, 33 x 4 normalized, or null
     * @param still true for unrelated still images (no tracking from the previous frame)
     * @param timings receives {@link Stage#FACE} milliseconds
     * @return 468 x 3 normalized landmarks, or null
     */
    float[] findFace(FrameImage image, float[] pose, boolean still, Map<Stage, Double> timings) {
        if (!withFace) {
            return null;
        }
        if (still) {
            faceTrack.clear();
        }
        long start = System.nanoTime();
        float[] mesh = face(image, pose);
        timings.put(Stage.FACE, (System.nanoTime() - start) / 1e6);
        return mesh;
    }

    private float[] hand(FrameImage image, float[] pose, int[] fromPose, Track track) {
        if (pose == null || pose[4 * fromPose[0] + 3] < WRIST_VISIBILITY) {
            track.clear();
            return null;
        }
        int width = image.width();
        int height = image.height();
        Roi search = RoiGeometry.handSearchRoi(pose[4 * fromPose[0]] * width, pose[4 * fromPose[0] + 1] * height,
                pose[4 * fromPose[1]] * width, pose[4 * fromPose[1] + 1] * height,
                pose[4 * fromPose[2]] * width, pose[4 * fromPose[2] + 1] * height);
        Roi roi = PoseTracker.predict(recrop, new CropRequest(image, search));
        if (track.roi != null && RoiGeometry.keepTracking(track.roi, track.landmarks, roi, width, height,
                40, 0.2, 0.4, -0.1)) {
            roi = track.roi;
        }
        HandLandmarks found = PoseTracker.predict(hand, new CropRequest(image, roi));
        if (found.presence() < PRESENCE_THRESHOLD) {
            track.clear();
            return null;
        }
        track.landmarks = found.landmarks();
        track.roi = RoiGeometry.handRoiFromLandmarks(found.landmarks(), width, height);
        return found.landmarks();
    }

    private float[] face(FrameImage image, float[] pose) {
        if (pose == null) {
            faceTrack.clear();
            return null;
        }
        int width = image.width();
        int height = image.height();
        Roi search = RoiGeometry.faceSearchRoi(pose, 4, width, height);
        List<Roi> detected = PoseTracker.predict(faceDetector, new CropRequest(image, search));
        Roi roi;
        if (detected.isEmpty()) {
            // The detector misses faces turned far aside; the previous mesh still knows where the face is.
            roi = faceTrack.roi;
        } else {
            roi = detected.get(0);
            if (faceTrack.roi != null && RoiGeometry.keepTracking(faceTrack.roi, faceTrack.landmarks, roi, width,
                    height, 15, 0.1, 0.3, -0.2)) {
                roi = faceTrack.roi;
            }
        }
        if (roi == null) {
            return null;
        }
        FaceLandmarks found = PoseTracker.predict(face, new CropRequest(image, roi));
        if (found.presence() < PRESENCE_THRESHOLD) {
            faceTrack.clear();
            return null;
        }
        faceTrack.landmarks = found.landmarks();
        faceTrack.roi = RoiGeometry.faceRoiFromMesh(found.landmarks(), width, height);
        return found.landmarks();
    }

    /** Forgets tracked hands and face. */
    public void reset() {
        left.clear();
        right.clear();
        faceTrack.clear();
    }

    @Override
    public void close() {
        recrop.close();
        hand.close();
        recropModel.close();
        handModel.close();
        if (withFace) {
            faceDetector.close();
            face.close();
            faceDetectorModel.close();
            faceModel.close();
        }
    }
}

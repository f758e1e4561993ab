package org.gesturelab.keypoints;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import org.gesturelab.capture.Frame;

/**
 * MediaPipe Holistic for one stream on the calling thread: pose, then hands and face. {@link HolisticPipeline}
 * runs the same two halves on two threads; this class is the simple form for tests, stills and tools.
 */
public final class HolisticTracker implements AutoCloseable {

    private final PoseTracker pose;
    private final HandFaceTracker handsAndFace;
    private final ModelTimes modelTimes = new ModelTimes();

    /**
     * Loads all models.
     *
     * @param options which models and where they are
     */
    public HolisticTracker(HolisticOptions options) {
        pose = new PoseTracker(options.poseModel(), options.modelDir(), modelTimes);
        try {
            handsAndFace = new HandFaceTracker(options.face(), options.modelDir(), modelTimes);
        } catch (RuntimeException e) {
            pose.close();
            throw e;
        }
    }

    /**
     * Finds the keypoints of one frame.
     *
     * @param frame the frame
     * @param still true for unrelated still images (no tracking or smoothing across frames)
     * @return the keypoints
     */
    public FrameKeypoints process(Frame frame, boolean still) {
        Map<Stage, Double> timings = new EnumMap<>(Stage.class);
        long start = System.nanoTime();
        try (FrameImage image = new FrameImage(frame)) {
            float[] found = pose.track(image, still, timings);
            float[] face = handsAndFace.findFace(image, found, still, timings);
            HandFaceTracker.Hands hands = handsAndFace.findHands(image, found, still, timings);
            timings.put(Stage.TOTAL, (System.nanoTime() - start) / 1e6);
            return new FrameKeypoints(frame.index(), frame.timestampMillis(), frame.width(), frame.height(), found,
                    face, hands.left(), hands.right(), timings);
        }
    }

    /** Forgets everything tracked, for example before an unrelated clip. */
    public void reset() {
        pose.reset();
        handsAndFace.reset();
    }

    /** Returns the forward-pass times of every model this instance ran. */
    public ModelTimes modelTimes() {
        return modelTimes;
    }

    @Override
    public void close() {
        pose.close();
        handsAndFace.close();
    }
}

package org.gesturelab.keypoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.SharedData;
import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.Test;

/**
 * A quick check of pose accuracy against MediaPipe's own landmarks on a few bodygesture15 videos (the full
 * measurement is {@code gesturelab bench accuracy}).
 */
class PoseAccuracyTest {

    @Test
    void poseLandmarksMatchMediaPipeOnAFewVideos() {
        Path root = SharedData.require("bodygesture15");
        Path models = InstalledModels.require();
        List<PoseAccuracy.Clip> all = PoseAccuracy.bodyGestureClips(root);
        assertEquals(120, all.size(), "every 1 m video has its reference");
        List<PoseAccuracy.Clip> few = all.stream()
                .filter(c -> c.video().getFileName().toString().matches("(attention|greeting)_1_1m_upper.avi"))
                .filter(c -> c.subject().equals("S4") || c.subject().equals("S6"))
                .toList();
        assertEquals(4, few.size());
        try (PoseTracker tracker = new PoseTracker(PoseModel.FULL, models, null)) {
            for (PoseAccuracy.Clip clip : few) {
                PoseAccuracy.ClipScore score = PoseAccuracy.evaluate(tracker, clip);
                assertTrue(score.foundFraction() >= 0.95, clip.video() + ": pose in " + score.foundFraction());
                assertTrue(score.medianError() <= 0.025, clip.video() + ": median error " + score.medianError());
            }
        }
    }
}

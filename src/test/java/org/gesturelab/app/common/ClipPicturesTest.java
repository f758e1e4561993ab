package org.gesturelab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;

import org.gesturelab.app.TestVideos;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.core.KeypointLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipPicturesTest {

    @TempDir
    Path folder;

    private static Clip clip(Path replay) {
        return new Clip(1, ClipState.POOL, null, null, "test", null, null, 30, Instant.now(), null, replay);
    }

    /** A pose standing in the middle of the picture, every landmark visible; no face, no hands. */
    private static float[][] standing() {
        float[][] frames = new float[30][KeypointLayout.FEATURES];
        for (float[] frame : frames) {
            for (int i = 0; i < KeypointLayout.POSE_LANDMARKS; i++) {
                frame[4 * i] = 0.3f + 0.4f * i / KeypointLayout.POSE_LANDMARKS;
                frame[4 * i + 1] = 0.2f + 0.6f * i / KeypointLayout.POSE_LANDMARKS;
                frame[4 * i + 3] = 1f;
            }
        }
        return frames;
    }

    @Test
    void aReplayVideoIsDecodedFrameByFrame() throws Exception {
        Path video = TestVideos.movingSquare(folder.resolve("clip.mp4"), 30, 320, 240);
        ClipPictures pictures = ClipPictures.render(clip(video), standing());
        assertEquals(320, pictures.width());
        assertEquals(240, pictures.height());
        assertEquals(30, pictures.frames().size());
        assertEquals(30, pictures.fps(), 0.5);
    }

    @Test
    void withoutAVideoTheSkeletonIsDrawnOnDarkBackground() {
        ClipPictures pictures = ClipPictures.render(clip(null), standing());
        assertEquals(30, pictures.frames().size());
        byte[] first = pictures.frames().get(0);
        int bright = 0;
        for (byte b : first) {
            bright += (b & 0xff) > 150 ? 1 : 0;
        }
        assertTrue(bright > 100, "skeleton pixels: " + bright);
    }

    @Test
    void emptyPartsOfTheVectorAreNotDrawn() {
        var keypoints = ClipPictures.fromVector(standing()[0], 0, 640, 480);
        assertTrue(keypoints.hasPose());
        assertNull(keypoints.face());
        assertNull(keypoints.leftHand());
    }
}

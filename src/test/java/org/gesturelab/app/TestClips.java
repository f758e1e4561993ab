package org.gesturelab.app;

import java.util.Random;

/** Keypoint clips for view-model tests that need clips in a project but not real gestures. */
public final class TestClips {

    private TestClips() {
    }

    /**
     * Returns 30 frames of 1662 random values in [0, 1).
     *
     * @param random the source of randomness
     * @return the clip
     */
    public static float[][] random(Random random) {
        float[][] frames = new float[30][1662];
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = random.nextFloat();
            }
        }
        return frames;
    }
}

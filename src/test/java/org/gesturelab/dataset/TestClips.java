package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.gesturelab.keypoints.KeypointLayout;

/** Deterministic synthetic keypoint clips for tests. */
final class TestClips {

    private TestClips() {
    }

    /** Returns a clip of random values in [0, 1) with a zero face block, seeded for repeatability. */
    static float[][] random(int frames, long seed) {
        Random random = new Random(seed);
        float[][] clip = new float[frames][KeypointLayout.FEATURES];
        for (float[] frame : clip) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = i >= KeypointLayout.FACE_OFFSET && i < KeypointLayout.LEFT_HAND_OFFSET
                        ? 0f : random.nextFloat();
            }
        }
        return clip;
    }

    /** Returns the names of the entries directly in a folder, sorted. */
    static List<String> fileNames(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}

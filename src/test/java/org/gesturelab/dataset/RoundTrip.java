package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

/** Compares clips across two projects by class name and keypoints, in order. */
final class RoundTrip {

    private RoundTrip() {
    }

    static void assertSameLabeledClips(Project a, List<Clip> clipsA, Project b, List<Clip> clipsB) {
        assertEquals(describe(a, clipsA), describe(b, clipsB));
        for (int i = 0; i < clipsA.size(); i++) {
            float[][] x = a.loadKeypoints(clipsA.get(i));
            float[][] y = b.loadKeypoints(clipsB.get(i));
            assertEquals(x.length, y.length);
            for (int f = 0; f < x.length; f++) {
                assertArrayEquals(x[f], y[f], "clip " + i + " frame " + f);
            }
        }
    }

    /** Class names in clip order (labels, or hidden labels for unlabeled clips) with states. */
    static List<String> describe(Project project, List<Clip> clips) {
        return clips.stream().map(c -> c.state() + ":" + name(project, c.label()) + ":"
                + name(project, c.hiddenLabel())).toList();
    }

    private static String name(Project project, Integer label) {
        return label == null ? "-" : project.classNames().get(label);
    }
}

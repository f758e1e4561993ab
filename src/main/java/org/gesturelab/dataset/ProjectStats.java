package org.gesturelab.dataset;

import java.util.List;

/**
 * Counts of a project's clips, per state and per class.
 *
 * @param name the project's name
 * @param clips all clips
 * @param train clips in {@link ClipState#TRAIN}
 * @param test clips in {@link ClipState#TEST}
 * @param pool clips in {@link ClipState#POOL}
 * @param skipped clips in {@link ClipState#SKIPPED}
 * @param classes the number of classes
 * @param perClass one entry per class, in class order
 */
public record ProjectStats(String name, int clips, int train, int test, int pool, int skipped, int classes,
        List<ClassCount> perClass) {

    /** Copies the list. */
    public ProjectStats {
        perClass = List.copyOf(perClass);
    }

    /**
     * Counts for one class.
     *
     * @param name the class name
     * @param train its training clips
     * @param test its test clips
     * @param hiddenPool pool clips whose hidden label is this class
     */
    public record ClassCount(String name, int train, int test, int hiddenPool) {
    }
}

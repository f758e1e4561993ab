package org.gesturelab.spark;

import java.io.Serializable;

/**
 * One video to extract, as the driver hands it to an executor.
 *
 * @param source the video's fully qualified Hadoop path (e.g. {@code file:/data/a.mp4}, {@code s3a://bucket/a.mp4})
 * @param video its name in the manifest: the path relative to the input folder, or the entry of the list file
 * @param stem where its outputs go, relative to the output folder and without extension ({@code CLASS/NAME})
 */
record VideoTask(String source, String video, String stem) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Returns the keypoint file relative to the output folder. */
    String npy() {
        return stem + ".npy";
    }

    /** Returns the summary file relative to the output folder. */
    String json() {
        return stem + ".json";
    }
}

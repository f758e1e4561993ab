package org.gesturelab.keypoints;

import java.io.IOException;
import java.nio.file.Path;

import org.gesturelab.core.TaskMonitor;

/**
 * Turns a video into keypoints: what video imports need from the keypoint engine. The dataset package depends on
 * this interface only, so the engine (package {@code keypoints}) plugs in without the store knowing about it.
 */
@FunctionalInterface
public interface KeypointExtractor {

    /**
     * Runs holistic landmark detection over every frame of a video.
     *
     * @param video the video file
     * @param monitor progress (frames done of frames in all) and cancellation
     * @return one 1662-float vector per video frame, in order, zeros where a part was not found
     * @throws IOException if the video cannot be read
     */
    float[][] extract(Path video, TaskMonitor monitor) throws IOException;
}

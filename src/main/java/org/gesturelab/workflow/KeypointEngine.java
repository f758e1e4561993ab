package org.gesturelab.workflow;

import org.gesturelab.keypoints.HolisticPipeline;

/**
 * Loads MediaPipe Holistic for the imports that find keypoints in videos, only when one does; it throws when the
 * models are not installed. The app and the command line each know where their models are.
 */
@FunctionalInterface
public interface KeypointEngine {

    /**
     * Loads the pipeline; the caller closes it.
     *
     * @return the pipeline
     */
    HolisticPipeline load();
}

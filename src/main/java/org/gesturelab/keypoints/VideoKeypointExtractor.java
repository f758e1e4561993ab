package org.gesturelab.keypoints;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.core.TaskMonitor;

/**
 * The holistic pipeline as the dataset's video imports need it ({@link KeypointExtractor}): every frame of a video
 * file, in order, as the 1662-float vector ({@link FrameKeypoints#toVector()}), zeros where a part was not found.
 *
 * <p>The dataset package only knows the interface; this adapter lives on the keypoint side so that the store never
 * depends on the engine. Not thread-safe, like the pipeline it wraps: one video at a time.
 */
public final class VideoKeypointExtractor implements KeypointExtractor {

    private final HolisticPipeline pipeline;

    /**
     * Creates an extractor on a loaded pipeline (not closed here).
     *
     * @param pipeline the pipeline
     */
    public VideoKeypointExtractor(HolisticPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Runs the pipeline over every frame of a video; no frame is dropped for files.
     *
     * @param video the video file
     * @param monitor frames processed of the video's frame count, and cancellation
     * @return one vector per frame
     * @throws GestureLabException when the video cannot be read or has no frame that decodes
     * @throws org.gesturelab.core.CancelledException when the monitor cancels
     */
    @Override
    public float[][] extract(Path video, TaskMonitor monitor) {
        List<float[]> rows = new ArrayList<>();
        try (FrameSource source = FrameSources.video(video)) {
            pipeline.run(source, -1, (frame, keypoints) -> rows.add(keypoints.toVector()), monitor);
        }
        if (rows.isEmpty()) {
            throw new GestureLabException(video + " has no frames that could be decoded.");
        }
        return rows.toArray(new float[0][]);
    }
}

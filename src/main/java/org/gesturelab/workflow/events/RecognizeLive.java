package org.gesturelab.workflow.events;

import java.util.List;

import org.gesturelab.capture.FrameSource;
import org.gesturelab.core.CancelledException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Project;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.workflow.KeypointEngine;
import org.gesturelab.workflow.spotting.Spotting;

/**
 * The headless recognizer ({@code gesturelab run}): frames from a source, MediaPipe Holistic's keypoints, the
 * project's current classifier over a sliding window, the shared spotter with the thresholds calibration stored
 * beside the model (defaults when none), and the events to the sinks, exactly as the Live screen sends them
 * ({@link LiveRecognizer}). A file ends the run at its end; a camera runs until the monitor cancels. On cancel a
 * gesture still in progress ends, so receivers never keep a gesture that will not end.
 */
public final class RecognizeLive {

    /**
     * What a run did.
     *
     * @param frames the frames processed
     * @param gestures the gestures recognized (started)
     * @param cancelled whether it stopped on request rather than at the source's end
     * @param calibrated whether the model's stored thresholds were used
     */
    public record Summary(long frames, long gestures, boolean cancelled, boolean calibrated) {
    }

    private RecognizeLive() {
    }

    /**
     * Recognizes gestures in a source until it ends, {@code maxFrames} frames were read, or the monitor cancels.
     *
     * @param project the project, whose current model recognizes
     * @param source the frames; not closed here
     * @param engine loads MediaPipe Holistic
     * @param sinks where events go; not closed here
     * @param maxFrames the most frames to read, or a negative number for all
     * @param monitor cancel (Ctrl+C); progress counts frames
     * @return what happened
     * @throws org.gesturelab.core.GestureLabException when there is no model, the models are missing or the source
     *     fails
     */
    public static Summary run(Project project, FrameSource source, KeypointEngine engine,
            List<? extends GestureEventSink> sinks, long maxFrames, TaskMonitor monitor) {
        try (Spotting spotting = Spotting.load(project); HolisticPipeline pipeline = engine.load()) {
            LiveRecognizer recognizer = new LiveRecognizer(spotting.classifier(), spotting.settings());
            sinks.forEach(recognizer::addSink);
            long[] frames = {0};
            boolean cancelled = false;
            try {
                pipeline.run(source, maxFrames, (frame, keypoints) -> {
                    recognizer.accept(keypoints.toVector());
                    frames[0]++;
                }, monitor);
                cancelled = monitor.isCancelled();
            } catch (CancelledException e) {
                cancelled = true;
            } finally {
                recognizer.finish();
            }
            return new Summary(frames[0], recognizer.gesturesStarted(), cancelled, spotting.calibrated());
        }
    }
}

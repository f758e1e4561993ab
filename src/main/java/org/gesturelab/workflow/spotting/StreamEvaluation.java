package org.gesturelab.workflow.spotting;

import org.gesturelab.dataset.KeypointStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.classify.spotting.GestureSpotter;
import org.gesturelab.classify.spotting.SlidingWindow;
import org.gesturelab.classify.spotting.SpottedEvent;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.gesturelab.classify.spotting.StreamReport;
import org.gesturelab.classify.spotting.StreamScore;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.keypoints.VideoKeypointExtractor;
import java.util.function.Supplier;

/**
 * {@code evaluate-stream}: the spotter run over recordings exactly as Live runs it (sliding window, then the
 * {@link GestureSpotter} frame by frame), scored against their segments. A recording is a keypoint {@code .npy} or
 * a video, whose keypoints MediaPipe Holistic finds on the way.
 *
 * @param total the figures over all recordings together
 * @param perRecording each recording's figures, by file name
 * @param score the summed counts behind {@code total}
 */
public record StreamEvaluation(StreamReport total, Map<String, StreamReport> perRecording, StreamScore score) {

    /**
     * A recording to evaluate.
     *
     * @param recording its {@code .npy}, or a video whose keypoints are found on the way
     * @param segments its segments file
     */
    public record Input(Path recording, Path segments) {

        /** Returns whether the recording is a video rather than keypoints. */
        public boolean isVideo() {
            return FrameSources.isVideo(recording);
        }
    }

    /**
     * Evaluates recordings.
     *
     * @param spotting the model and settings
     * @param inputs the recordings and their segments files
     * @param fps frames per second of the recordings
     * @param monitor progress and cancel
     * @return the evaluation
     * @throws IOException if a file cannot be read
     */
    public static StreamEvaluation run(Spotting spotting, List<Input> inputs, double fps, TaskMonitor monitor)
            throws IOException {
        return run(spotting, inputs, fps, null, monitor);
    }

    /**
     * Evaluates recordings, videos among them: a video's keypoints are found frame by frame by MediaPipe Holistic,
     * tracking from one frame to the next as Live does, and then spotted like a keypoint recording.
     *
     * @param spotting the model and settings
     * @param inputs the recordings (keypoints or videos) and their segments files
     * @param fps frames per second of the recordings
     * @param engine loads the keypoint pipeline (the caller's models), once, when a video is among the inputs;
     *     null when none is
     * @param monitor progress and cancel
     * @return the evaluation
     * @throws IOException if a file cannot be read
     * @throws GestureLabException if a video is given without an engine, or a file is malformed
     */
    public static StreamEvaluation run(Spotting spotting, List<Input> inputs, double fps,
            Supplier<HolisticPipeline> engine, TaskMonitor monitor) throws IOException {
        StreamScore sum = StreamScore.EMPTY;
        Map<String, StreamReport> each = new LinkedHashMap<>();
        HolisticPipeline pipeline = null;
        try {
            for (Input input : inputs) {
                KeypointStream stream;
                if (input.isVideo()) {
                    if (engine == null) {
                        throw new GestureLabException("Evaluating the video " + input.recording() + " needs the "
                                + "MediaPipe models to find its keypoints.");
                    }
                    // The segments first: a missing file should not wait for a whole video's keypoints.
                    var segments = KeypointStream.readSegments(input.segments());
                    if (pipeline == null) {
                        monitor.update("Loading MediaPipe Holistic", 0, 1);
                        pipeline = engine.get();
                    }
                    stream = new KeypointStream(new VideoKeypointExtractor(pipeline).extract(input.recording(),
                            monitor), segments);
                } else {
                    stream = KeypointStream.read(input.recording(), input.segments());
                }
                StreamScore score = StreamScore.of(events(spotting, stream.frames(), monitor), stream);
                each.put(input.recording().getFileName().toString(), score.report(fps));
                sum = sum.plus(score);
            }
        } finally {
            if (pipeline != null) {
                pipeline.close();
            }
        }
        return new StreamEvaluation(sum.report(fps), each, sum);
    }

    /**
     * Spots the events in a recording.
     *
     * @param spotting the model and settings
     * @param frames frames x features
     * @param monitor progress and cancel
     * @return the events
     */
    public static List<SpottedEvent> events(Spotting spotting, float[][] frames, TaskMonitor monitor) {
        SpottingSettings settings = spotting.settings();
        float[][] probabilities = SlidingWindow.probabilities(spotting.classifier(), settings, frames, monitor);
        return new ArrayList<>(GestureSpotter.spot(spotting.classifier().classes(), settings, probabilities));
    }
}

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
import org.gesturelab.core.TaskMonitor;

/**
 * {@code evaluate-stream}: the spotter run over recordings exactly as Live runs it (sliding window, then the
 * {@link GestureSpotter} frame by frame), scored against their segments.
 *
 * @param total the figures over all recordings together
 * @param perRecording each recording's figures, by file name
 * @param score the summed counts behind {@code total}
 */
public record StreamEvaluation(StreamReport total, Map<String, StreamReport> perRecording, StreamScore score) {

    /**
     * A recording to evaluate.
     *
     * @param recording its {@code .npy}
     * @param segments its segments file
     */
    public record Input(Path recording, Path segments) {
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
        StreamScore sum = StreamScore.EMPTY;
        Map<String, StreamReport> each = new LinkedHashMap<>();
        for (Input input : inputs) {
            KeypointStream stream = KeypointStream.read(input.recording(), input.segments());
            StreamScore score = StreamScore.of(events(spotting, stream.frames(), monitor), stream);
            each.put(input.recording().getFileName().toString(), score.report(fps));
            sum = sum.plus(score);
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

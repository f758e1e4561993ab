package org.gesturelab.keypoints;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.mediapipe.MediaPipeModel;

/**
 * Forward-pass times of each model (from the end of a translator's input processing to the start of its output
 * processing: the ONNX Runtime call), kept as call counts, totals and the most recent values for medians, so that
 * memory stays bounded on endless streams. Thread-safe.
 */
public final class ModelTimes {

    private static final int KEPT = 4096;

    private final Map<MediaPipeModel, Series> series = new EnumMap<>(MediaPipeModel.class);

    /** Counts and recent values of one model. */
    private static final class Series {
        private final double[] recent = new double[KEPT];
        private long calls;
        private double totalMillis;
    }

    /**
     * Records one forward pass.
     *
     * @param model which model
     * @param nanos how long it took
     */
    public synchronized void record(MediaPipeModel model, long nanos) {
        Series s = series.computeIfAbsent(model, m -> new Series());
        double millis = nanos / 1e6;
        s.recent[(int) (s.calls % KEPT)] = millis;
        s.calls++;
        s.totalMillis += millis;
    }

    /**
     * Records the time since a translator's input was ready, if timing is on.
     *
     * @param times where to record, or null for no timing
     * @param model which model
     * @param started the {@link System#nanoTime()} stored when the input was ready
     */
    static void recordSince(ModelTimes times, MediaPipeModel model, Object started) {
        if (times != null && started instanceof Long start) {
            times.record(model, System.nanoTime() - start);
        }
    }

    /**
     * Returns how often a model ran.
     *
     * @param model the model
     * @return calls so far
     */
    public synchronized long calls(MediaPipeModel model) {
        Series s = series.get(model);
        return s == null ? 0 : s.calls;
    }

    /**
     * Returns a model's total forward time.
     *
     * @param model the model
     * @return milliseconds
     */
    public synchronized double totalMillis(MediaPipeModel model) {
        Series s = series.get(model);
        return s == null ? 0 : s.totalMillis;
    }

    /**
     * Returns the median of a model's recent forward times.
     *
     * @param model the model
     * @return milliseconds, NaN if it never ran
     */
    public synchronized double medianMillis(MediaPipeModel model) {
        Series s = series.get(model);
        if (s == null) {
            return Double.NaN;
        }
        int n = (int) Math.min(s.calls, KEPT);
        List<Double> values = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            values.add(s.recent[i]);
        }
        return StageStatistics.median(values);
    }

    /** Returns the models that ran, in catalogue order. */
    public synchronized List<MediaPipeModel> models() {
        return List.copyOf(series.keySet());
    }
}

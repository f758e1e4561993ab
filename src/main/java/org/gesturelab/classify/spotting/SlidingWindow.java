package org.gesturelab.classify.spotting;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.TaskMonitor;

/**
 * Per-frame class probabilities from a sliding window over keypoint frames: every {@code stride} frames, once
 * {@code window} frames have arrived, the classifier sees the last {@code window} frames; between predictions the
 * last probabilities hold, and before the first one every class reads 0 (no evidence). Live feeds it frame by frame;
 * the stream evaluation and calibration call {@link #probabilities}, which batches the same windows and gives the
 * same numbers.
 */
public final class SlidingWindow {

    private static final int BATCH = 256;

    private final GestureClassifier classifier;
    private final int window;
    private final int stride;
    private final ArrayDeque<float[]> frames = new ArrayDeque<>();
    private float[] last;
    private long seen;
    private boolean predicted;

    /**
     * Creates the window.
     *
     * @param classifier the classifier, not closed by this object
     * @param settings window and stride
     */
    public SlidingWindow(GestureClassifier classifier, SpottingSettings settings) {
        this.classifier = classifier;
        this.window = settings.window();
        this.stride = settings.stride();
        this.last = new float[classifier.classes().size()];
    }

    /**
     * Takes the next frame.
     *
     * @param frame one keypoint vector
     * @return the probabilities after this frame (zeros before the first prediction); do not modify
     */
    public float[] accept(float[] frame) {
        frames.addLast(frame);
        while (frames.size() > window) {
            frames.removeFirst();
        }
        if (predictsAt(seen++, window, stride)) {
            last = classifier.predict(List.<float[][]>of(frames.toArray(float[][]::new)))[0];
            predicted = true;
        }
        return last;
    }

    /** Returns whether the classifier has seen a full window yet. */
    public boolean ready() {
        return predicted;
    }

    private static boolean predictsAt(long index, int window, int stride) {
        return index + 1 >= window && (index + 1 - window) % stride == 0;
    }

    /**
     * Returns the probabilities after every frame of a recording, as frame-by-frame feeding would.
     *
     * @param classifier the classifier
     * @param settings window and stride
     * @param recording frames x features
     * @param monitor progress and cancel
     * @return one row per frame
     */
    public static float[][] probabilities(GestureClassifier classifier, SpottingSettings settings,
            float[][] recording, TaskMonitor monitor) {
        int window = settings.window();
        int stride = settings.stride();
        int classes = classifier.classes().size();
        float[][] out = new float[recording.length][];
        List<Integer> ends = new ArrayList<>();
        for (int i = 0; i < recording.length; i++) {
            if (predictsAt(i, window, stride)) {
                ends.add(i);
            }
        }
        float[][] predicted = new float[recording.length][];
        for (int from = 0; from < ends.size(); from += BATCH) {
            monitor.checkCancelled();
            List<Integer> part = ends.subList(from, Math.min(ends.size(), from + BATCH));
            List<float[][]> windows = new ArrayList<>(part.size());
            for (int end : part) {
                float[][] clip = new float[window][];
                System.arraycopy(recording, end - window + 1, clip, 0, window);
                windows.add(clip);
            }
            float[][] rows = classifier.predict(windows);
            for (int k = 0; k < part.size(); k++) {
                predicted[part.get(k)] = rows[k];
            }
            monitor.update("Recognizing", Math.min(ends.size(), from + BATCH), ends.size());
        }
        float[] current = new float[classes];
        for (int i = 0; i < recording.length; i++) {
            if (predicted[i] != null) {
                current = predicted[i];
            }
            out[i] = current;
        }
        return out;
    }
}

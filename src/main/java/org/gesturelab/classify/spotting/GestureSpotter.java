package org.gesturelab.classify.spotting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.gesturelab.core.GestureLabException;

/**
 * Turns a stream of per-frame class probabilities into gesture events: the one spotting component that Live, the
 * stream evaluation and calibration share, so that what is measured is what the user sees.
 *
 * <p>Per frame: the probabilities are averaged over the last {@code smoothing} frames; with no event open, the
 * strongest gesture class (never the Nothing class) opens a candidate once its smoothed probability reaches its
 * threshold and the refractory gap since the last event has passed. The candidate lasts while its class stays above
 * {@code threshold x exitRatio} (hysteresis, so a flicker around the threshold does not split one gesture in two) and
 * becomes an event when it has lasted {@code minFrames}. Frames are reported shifted back by half a window, because a
 * sliding window sees a gesture about half a window after it happened. A class that rises during the refractory gap
 * is blocked until it falls below its exit level, so one long gesture does not fire twice.
 *
 * <p>Not thread-safe: one spotter per stream.
 */
public final class GestureSpotter {

    private final List<String> classes;
    private final SpottingSettings settings;
    private final double[] enter;
    private final int nothing;
    private final float[][] history;
    private final double[] sum;
    private final boolean[] blocked;
    private long frame = -1;
    private long lastEventEnd = Long.MIN_VALUE / 2;
    private int openClass = -1;
    private long openStart;
    private float openPeak;
    private long confirmedAt = -1;

    /**
     * Creates a spotter.
     *
     * @param classes the class names, in the order of the probability columns
     * @param settings thresholds, smoothing, hysteresis, durations
     */
    public GestureSpotter(List<String> classes, SpottingSettings settings) {
        this.classes = List.copyOf(classes);
        this.settings = settings;
        this.enter = new double[classes.size()];
        for (int c = 0; c < enter.length; c++) {
            enter[c] = settings.thresholdOf(classes.get(c));
        }
        this.nothing = settings.nothingClass() == null ? -1 : classes.indexOf(settings.nothingClass());
        this.history = new float[settings.smoothing()][];
        this.sum = new double[classes.size()];
        this.blocked = new boolean[classes.size()];
    }

    /**
     * Takes the next frame's probabilities.
     *
     * @param probabilities one value per class
     * @return the event that ended at this frame, if one did
     * @throws GestureLabException if the vector has the wrong length
     */
    public Optional<SpottedEvent> accept(float[] probabilities) {
        if (probabilities.length != classes.size()) {
            throw new GestureLabException("The spotter expects " + classes.size() + " probabilities per frame, not "
                    + probabilities.length + ".");
        }
        frame++;
        int slot = (int) (frame % history.length);
        if (history[slot] != null) {
            for (int c = 0; c < sum.length; c++) {
                sum[c] -= history[slot][c];
            }
        }
        history[slot] = probabilities.clone();
        for (int c = 0; c < sum.length; c++) {
            sum[c] += probabilities[c];
        }
        return step();
    }

    private Optional<SpottedEvent> step() {
        if (openClass >= 0) {
            float p = smoothed(openClass);
            if (p >= enter[openClass] * settings.exitRatio()) {
                openPeak = Math.max(openPeak, p);
                if (confirmedAt < 0 && frame - openStart + 1 >= settings.minFrames()) {
                    confirmedAt = frame;
                }
                return Optional.empty();
            }
            return close(frame);
        }
        boolean refractory = frame - lastEventEnd <= settings.refractoryFrames();
        int best = -1;
        for (int c = 0; c < sum.length; c++) {
            float p = smoothed(c);
            if (p < enter[c] * settings.exitRatio()) {
                blocked[c] = false;
            } else if (refractory && p >= enter[c]) {
                // A gesture that rises during the gap may not fire once the gap is over: it has to fall first.
                blocked[c] = true;
            }
            if (c != nothing && !blocked[c] && (best < 0 || sum[c] > sum[best])) {
                best = c;
            }
        }
        if (!refractory && best >= 0 && smoothed(best) >= enter[best] && smoothed(best) > 0) {
            openClass = best;
            openStart = frame;
            openPeak = smoothed(best);
            confirmedAt = settings.minFrames() <= 1 ? frame : -1;
        }
        return Optional.empty();
    }

    /** Closes the open candidate at {@code endFrame} (exclusive) and returns it if it lasted long enough. */
    private Optional<SpottedEvent> close(long endFrame) {
        int c = openClass;
        openClass = -1;
        if (confirmedAt < 0) {
            return Optional.empty();
        }
        lastEventEnd = endFrame - 1;
        long lag = settings.window() / 2;
        SpottedEvent event = new SpottedEvent(classes.get(c), c, Math.max(0, openStart - lag),
                Math.max(1, endFrame - lag), openPeak, confirmedAt);
        confirmedAt = -1;
        return Optional.of(event);
    }

    /**
     * Ends the stream: an event still open ends after the last frame.
     *
     * @return that event, if there was one long enough
     */
    public Optional<SpottedEvent> finish() {
        return openClass >= 0 ? close(frame + 1) : Optional.empty();
    }

    /**
     * Returns the confirmed event in progress, for Live: its class, start and peak so far.
     *
     * @return the event as it would end now, or empty when none is confirmed
     */
    public Optional<SpottedEvent> current() {
        if (openClass < 0 || confirmedAt < 0) {
            return Optional.empty();
        }
        long lag = settings.window() / 2;
        return Optional.of(new SpottedEvent(classes.get(openClass), openClass, Math.max(0, openStart - lag),
                Math.max(1, frame + 1 - lag), openPeak, confirmedAt));
    }

    /** Returns the smoothed probability of a class at the latest frame. */
    public float smoothed(int classIndex) {
        // Frames before the first count as 0, so a stream's first frame cannot fire on its own.
        return (float) (sum[classIndex] / history.length);
    }

    /** Returns the index of the latest frame, -1 before the first. */
    public long frame() {
        return frame;
    }

    /**
     * Runs a whole probability sequence through a new spotter.
     *
     * @param classes the class names
     * @param settings the settings
     * @param probabilities one row per frame
     * @return the events in order
     */
    public static List<SpottedEvent> spot(List<String> classes, SpottingSettings settings, float[][] probabilities) {
        GestureSpotter spotter = new GestureSpotter(classes, settings);
        List<SpottedEvent> events = new ArrayList<>();
        for (float[] row : probabilities) {
            spotter.accept(row).ifPresent(events::add);
        }
        spotter.finish().ifPresent(events::add);
        return events;
    }
}

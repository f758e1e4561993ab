package org.gesturelab.workflow.events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.classify.spotting.GestureSpotter;
import org.gesturelab.classify.spotting.SlidingWindow;
import org.gesturelab.classify.spotting.SpottedEvent;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live recognition, frame by frame, shared by the Live screen and {@code gesturelab run}: keypoint vectors go
 * through the {@link SlidingWindow} and the classifier to the shared {@link GestureSpotter}, and what the spotter
 * decides goes to the {@link GestureEventSink}s: a gesture's start when the spotter confirms it (its
 * {@link GestureSpotter#current()} appears), its end when the spotter closes it, and the probabilities each time
 * the classifier sees a new window (at most once per frame).
 *
 * <p>Sinks may be added and removed from any thread (the Live screen's toggles); frames come from one thread.
 */
public final class LiveRecognizer {

    /**
     * What one frame changed.
     *
     * @param probabilities the latest probabilities; do not modify
     * @param fresh whether the classifier produced them at this frame
     * @param current the confirmed gesture in progress, or null
     * @param ended the gesture that ended at this frame, or null
     */
    public record Step(float[] probabilities, boolean fresh, SpottedEvent current, SpottedEvent ended) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveRecognizer.class);

    private final List<String> classes;
    private final SlidingWindow window;
    private final GestureSpotter spotter;
    private final List<GestureEventSink> sinks = new CopyOnWriteArrayList<>();
    private float[] lastProbabilities;
    private SpottedEvent announced;
    private long started;
    private long ended;

    /**
     * Creates the recognizer.
     *
     * @param classifier the classifier, not closed here
     * @param settings window, stride and the spotter's thresholds
     */
    public LiveRecognizer(GestureClassifier classifier, SpottingSettings settings) {
        this.classes = List.copyOf(classifier.classes());
        this.window = new SlidingWindow(classifier, settings);
        this.spotter = new GestureSpotter(classes, settings);
    }

    /**
     * Adds a sink; it receives events from the next frame on.
     *
     * @param sink the sink, not closed here
     */
    public void addSink(GestureEventSink sink) {
        sinks.add(sink);
    }

    /**
     * Removes a sink; the caller closes it.
     *
     * @param sink the sink
     */
    public void removeSink(GestureEventSink sink) {
        sinks.remove(sink);
    }

    /** Returns the class names, in the probability columns' order. */
    public List<String> classes() {
        return classes;
    }

    /** Returns how many gestures started so far. */
    public long gesturesStarted() {
        return started;
    }

    /** Returns how many gestures ended so far. */
    public long gesturesEnded() {
        return ended;
    }

    /**
     * Takes the next frame's keypoints.
     *
     * @param vector one keypoint vector (1662 floats)
     * @return what changed, or null while the first window is still filling
     */
    public Step accept(float[] vector) {
        float[] p = window.accept(vector);
        if (!window.ready()) {
            return null;
        }
        boolean fresh = p != lastProbabilities;
        lastProbabilities = p;
        if (fresh) {
            for (GestureEventSink sink : sinks) {
                guarded(() -> sink.probabilities(classes, p));
            }
        }
        SpottedEvent end = spotter.accept(p).orElse(null);
        if (end != null) {
            // An event confirmed and closed between two looks still starts before it ends.
            announceStart(end);
            announceEnd(end);
        }
        SpottedEvent current = spotter.current().orElse(null);
        if (current != null) {
            announceStart(current);
        }
        return new Step(p, fresh, current, end);
    }

    /**
     * Ends the stream: a gesture still in progress ends now.
     *
     * @return that gesture, or null
     */
    public SpottedEvent finish() {
        SpottedEvent end = spotter.finish().orElse(null);
        if (end != null) {
            announceStart(end);
            announceEnd(end);
        }
        return end;
    }

    private void announceStart(SpottedEvent event) {
        if (announced != null && announced.classIndex() == event.classIndex()
                && announced.start() == event.start()) {
            return;
        }
        announced = event;
        started++;
        GestureEvent start = new GestureEvent(event.label(), event.start(), -1, event.peakConfidence());
        for (GestureEventSink sink : sinks) {
            guarded(() -> sink.gestureStarted(start));
        }
    }

    private void announceEnd(SpottedEvent event) {
        ended++;
        GestureEvent end = new GestureEvent(event.label(), event.start(), event.end(), event.peakConfidence());
        for (GestureEventSink sink : sinks) {
            guarded(() -> sink.gestureEnded(end));
        }
    }

    private static void guarded(Runnable send) {
        try {
            send.run();
        } catch (RuntimeException e) {
            // A receiver that fails must not stop recognition; the senders already swallow network errors.
            LOG.warn("Sending a gesture event failed: {}", e.getMessage());
        }
    }
}

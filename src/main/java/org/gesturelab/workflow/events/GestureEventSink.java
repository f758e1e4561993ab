package org.gesturelab.workflow.events;

import java.util.List;

/**
 * Somewhere recognized gestures go. Calls come from the recognizer's thread, one at a time; implementations never
 * block it for long and never throw for a receiver that is not listening (UDP and WebSocket peers come and go).
 */
public interface GestureEventSink extends AutoCloseable {

    /**
     * A gesture began.
     *
     * @param event the event, {@code endFrame} -1
     */
    void gestureStarted(GestureEvent event);

    /**
     * A gesture ended.
     *
     * @param event the event with its end frame and peak confidence
     */
    void gestureEnded(GestureEvent event);

    /**
     * The classifier's probabilities for the current window, at most once per frame.
     *
     * @param classes the class names, in column order
     * @param probabilities one per class
     */
    void probabilities(List<String> classes, float[] probabilities);

    /** Stops sending and frees the socket. */
    @Override
    void close();
}

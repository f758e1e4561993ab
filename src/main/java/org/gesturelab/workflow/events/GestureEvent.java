package org.gesturelab.workflow.events;

/**
 * One recognized gesture, as the spotter reports it.
 *
 * @param gesture the class name
 * @param startFrame the frame where it began
 * @param endFrame the frame where it ended, or -1 while it is still going on
 * @param peakConfidence the highest probability the classifier gave it so far
 */
public record GestureEvent(String gesture, long startFrame, long endFrame, double peakConfidence) {

    /** Checks the fields. */
    public GestureEvent {
        if (gesture == null || gesture.isEmpty()) {
            throw new IllegalArgumentException("a gesture event needs a class name");
        }
        if (!(peakConfidence >= 0 && peakConfidence <= 1)) {
            throw new IllegalArgumentException("confidence must be within [0, 1], got " + peakConfidence);
        }
    }
}

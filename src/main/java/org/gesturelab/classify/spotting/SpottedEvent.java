package org.gesturelab.classify.spotting;

/**
 * One recognized gesture in a stream.
 *
 * @param label the class name
 * @param classIndex the class's column in the probability vectors
 * @param start the first frame of the gesture (latency-compensated by half a window)
 * @param end the frame after its last one (exclusive)
 * @param peakConfidence the highest smoothed probability of the class while the event lasted
 * @param detectedAt the frame at which the event was confirmed, i.e. when a live user would have seen it
 */
public record SpottedEvent(String label, int classIndex, long start, long end, float peakConfidence,
        long detectedAt) {

    /** Returns the event's length in frames. */
    public long length() {
        return end - start;
    }
}

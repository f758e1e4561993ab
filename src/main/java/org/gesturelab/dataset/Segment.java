package org.gesturelab.dataset;

import org.gesturelab.core.GestureLabException;

/**
 * A true gesture in a stream: frames {@code start} (inclusive) to {@code end} (exclusive) show class {@code label}.
 *
 * @param start first frame
 * @param end frame after the last
 * @param label class name
 */
public record Segment(long start, long end, String label) {

    /**
     * Validates the segment.
     *
     * @throws GestureLabException if it is empty or has no label
     */
    public Segment {
        if (start < 0 || end <= start) {
            throw new GestureLabException("A segment needs 0 <= start < end, not " + start + ".." + end + ".");
        }
        if (label == null || label.isBlank()) {
            throw new GestureLabException("A segment needs a label.");
        }
    }

    /** Returns the length in frames. */
    public long length() {
        return end - start;
    }

    /** Returns how many frames this segment shares with {@code [otherStart, otherEnd)}. */
    public long overlap(long otherStart, long otherEnd) {
        return Math.max(0, Math.min(end, otherEnd) - Math.max(start, otherStart));
    }
}

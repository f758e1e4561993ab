package org.gesturelab.dataset;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which clips {@link Project#clips(ClipQuery)} returns: every condition given must hold. Results come in id order
 * (the order clips were added).
 *
 * @param states the states to include; empty for all
 * @param label only clips with this label, or null for any
 * @param hiddenLabel only clips with this hidden label, or null for any
 * @param recordingId only clips cut from this recording, or null for any
 * @param limit at most this many clips, or 0 for no limit
 */
public record ClipQuery(Set<ClipState> states, Integer label, Integer hiddenLabel, Long recordingId, int limit) {

    /** Copies the state set. */
    public ClipQuery {
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
    }

    /** Returns a query for every clip. */
    public static ClipQuery all() {
        return new ClipQuery(Set.of(), null, null, null, 0);
    }

    /**
     * Returns a query for the clips in any of the given states.
     *
     * @param first a state
     * @param more more states
     * @return the query
     */
    public static ClipQuery inState(ClipState first, ClipState... more) {
        return all().andState(first, more);
    }

    /** Returns this query restricted to some states. */
    public ClipQuery andState(ClipState first, ClipState... more) {
        return new ClipQuery(EnumSet.of(first, more), label, hiddenLabel, recordingId, limit);
    }

    /** Returns this query restricted to one label. */
    public ClipQuery withLabel(int classIndex) {
        return new ClipQuery(states, classIndex, hiddenLabel, recordingId, limit);
    }

    /** Returns this query restricted to one hidden label. */
    public ClipQuery withHiddenLabel(int classIndex) {
        return new ClipQuery(states, label, classIndex, recordingId, limit);
    }

    /** Returns this query restricted to the windows of one recording. */
    public ClipQuery fromRecording(long recording) {
        return new ClipQuery(states, label, hiddenLabel, recording, limit);
    }

    /** Returns this query returning at most {@code max} clips. */
    public ClipQuery limit(int max) {
        return new ClipQuery(states, label, hiddenLabel, recordingId, max);
    }
}

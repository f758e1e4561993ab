package org.gesturelab.active;

import java.util.List;

/**
 * One round's query: which clips the strategy picked with which model.
 *
 * @param round the round, 1 for the first query after the initial model
 * @param strategy the strategy's name
 * @param labelsBefore how many clips were labeled when the batch was chosen
 * @param clips the picked clips, best first
 */
public record RankedBatch(int round, String strategy, int labelsBefore, List<RankedClip> clips) {

    /** Copies the clips. */
    public RankedBatch {
        clips = List.copyOf(clips);
    }
}

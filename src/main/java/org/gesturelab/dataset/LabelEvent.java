package org.gesturelab.dataset;

import java.time.Instant;

/**
 * One change of a clip's label or state, the audit trail behind undo. Events are never rewritten; an undo adds an
 * event of source {@link LabelSource#UNDO} that {@link #reverts() reverts} the earlier one.
 *
 * @param id the event's id, increasing in the order events happened
 * @param clipId the clip that changed
 * @param oldState the clip's state before
 * @param oldLabel its label before (a class index), or null
 * @param newState its state after
 * @param newLabel its label after, or null
 * @param source who made the change
 * @param time when
 * @param reverts for an undo event, the id of the event it undid; otherwise null
 */
public record LabelEvent(long id, long clipId, ClipState oldState, Integer oldLabel, ClipState newState,
        Integer newLabel, LabelSource source, Instant time, Long reverts) {
}

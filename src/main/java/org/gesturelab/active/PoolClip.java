package org.gesturelab.active;

import java.util.Objects;

/**
 * One unlabeled clip in the pool, with where it came from.
 *
 * <p>The recording and start frame let diversity-aware strategies tell overlapping windows of one recording apart
 * from genuinely different clips: two windows a few frames apart show nearly the same motion, and labeling both
 * wastes the user's time.
 *
 * @param id the clip's identifier, unique within the pool (the project's clip id, or an index in a simulation)
 * @param recording the identifier of the recording the clip was cut from
 * @param startFrame the clip's first frame within that recording
 * @param frames the raw keypoints, {@code frames x 1662}
 */
public record PoolClip(long id, String recording, int startFrame, float[][] frames) {

    /** Checks the fields. */
    public PoolClip {
        Objects.requireNonNull(recording, "recording");
        Objects.requireNonNull(frames, "frames");
    }
}

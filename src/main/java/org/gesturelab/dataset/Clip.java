package org.gesturelab.dataset;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A clip as stored: a short sequence of keypoint frames with its state and label. Read the frames with
 * {@link Project#loadKeypoints(Clip)}.
 *
 * @param id the clip's id, never reused within a project
 * @param state where it stands
 * @param label its class (an index into {@link Project#classes()}), null unless {@link ClipState#isLabeled()}
 * @param hiddenLabel the true class of a clip imported from labeled data into the pool, kept out of sight for
 *     simulations; null when unknown
 * @param source where it came from, for a person to read (for example {@code MP_Data/hello/3})
 * @param recordingId the long recording it was cut from, or null
 * @param startFrame its first frame within that recording, or null
 * @param frames its number of frames
 * @param createdAt when it was added to the project
 * @param keypoints its {@code .npy} file (float32, frames x 1662)
 * @param replayVideo a short video of the clip for replay, or null
 * @param person who is in the clip (a name or a dataset's subject id), or null when unknown
 * @param session which recording session it came from, or null when unknown
 */
public record Clip(long id, ClipState state, Integer label, Integer hiddenLabel, String source, Long recordingId,
        Integer startFrame, int frames, Instant createdAt, Path keypoints, Path replayVideo, String person,
        String session) {

    /** A clip without person and session tags. */
    public Clip(long id, ClipState state, Integer label, Integer hiddenLabel, String source, Long recordingId,
            Integer startFrame, int frames, Instant createdAt, Path keypoints, Path replayVideo) {
        this(id, state, label, hiddenLabel, source, recordingId, startFrame, frames, createdAt, keypoints,
                replayVideo, null, null);
    }

    /** Returns whether the clip carries a label. */
    public boolean isLabeled() {
        return label != null;
    }
}

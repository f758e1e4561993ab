package org.gesturelab.dataset;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A clip to add to a project, with everything but the id and file names the project assigns.
 *
 * @param keypoints the frames, {@code frames x 1662}, all finite
 * @param state its state; {@link ClipState#TRAIN} and {@link ClipState#TEST} need a label, the others must not
 *     have one
 * @param label its class index, or null
 * @param hiddenLabel its true class kept hidden (pool clips from labeled data), or null
 * @param source where it came from, for a person to read
 * @param recordingId the recording it was cut from ({@link ClipBatch#addRecording}), or null
 * @param startFrame its first frame within that recording, or null
 * @param replayVideo a video file to copy into the project for replay, or null
 * @param person who is in the clip, or null when unknown; blank counts as unknown
 * @param session which recording session it came from, or null when unknown; blank counts as unknown
 */
public record NewClip(float[][] keypoints, ClipState state, Integer label, Integer hiddenLabel, String source,
        Long recordingId, Integer startFrame, Path replayVideo, String person, String session) {

    /** Checks that the required parts are present and turns blank tags into unknown ones. */
    public NewClip {
        Objects.requireNonNull(keypoints, "keypoints");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(source, "source");
        person = PersonTags.normalise(person);
        session = PersonTags.normalise(session);
    }

    /** A clip without person and session tags. */
    public NewClip(float[][] keypoints, ClipState state, Integer label, Integer hiddenLabel, String source,
            Long recordingId, Integer startFrame, Path replayVideo) {
        this(keypoints, state, label, hiddenLabel, source, recordingId, startFrame, replayVideo, null, null);
    }

    /**
     * Returns a labeled clip.
     *
     * @param keypoints the frames
     * @param state {@link ClipState#TRAIN} or {@link ClipState#TEST}
     * @param label the class index
     * @param source where it came from
     * @return the clip
     */
    public static NewClip labeled(float[][] keypoints, ClipState state, int label, String source) {
        return new NewClip(keypoints, state, label, null, source, null, null, null);
    }

    /**
     * Returns an unlabeled pool clip.
     *
     * @param keypoints the frames
     * @param source where it came from
     * @return the clip
     */
    public static NewClip unlabeled(float[][] keypoints, String source) {
        return new NewClip(keypoints, ClipState.POOL, null, null, source, null, null, null);
    }

    /**
     * Returns a clip of a known class placed in a state: labeled for train and test, with the label hidden for
     * the pool.
     *
     * @param keypoints the frames
     * @param state the state
     * @param classIndex the true class
     * @param source where it came from
     * @return the clip
     */
    public static NewClip ofClass(float[][] keypoints, ClipState state, int classIndex, String source) {
        return state.isLabeled()
                ? labeled(keypoints, state, classIndex, source)
                : new NewClip(keypoints, state, null, classIndex, source, null, null, null);
    }

    /** Returns this clip marked as cut from a recording at a start frame. */
    public NewClip withRecording(long recording, int start) {
        return new NewClip(keypoints, state, label, hiddenLabel, source, recording, start, replayVideo, person,
                session);
    }

    /** Returns this clip with a hidden true label. */
    public NewClip withHiddenLabel(Integer hidden) {
        return new NewClip(keypoints, state, label, hidden, source, recordingId, startFrame, replayVideo, person,
                session);
    }

    /** Returns this clip with a replay video to copy into the project. */
    public NewClip withReplayVideo(Path video) {
        return new NewClip(keypoints, state, label, hiddenLabel, source, recordingId, startFrame, video, person,
                session);
    }

    /** Returns this clip with a person (null or blank: unknown). */
    public NewClip withPerson(String who) {
        return new NewClip(keypoints, state, label, hiddenLabel, source, recordingId, startFrame, replayVideo, who,
                session);
    }

    /** Returns this clip with a recording session (null or blank: unknown). */
    public NewClip withSession(String when) {
        return new NewClip(keypoints, state, label, hiddenLabel, source, recordingId, startFrame, replayVideo,
                person, when);
    }
}

package org.gesturelab.dataset;

import org.gesturelab.core.KeypointLayout;

/**
 * The sizes GestureLab accepts, so that a crafted or mistaken input is refused with a message instead of taking
 * minutes and gigabytes (a 1 GB clip took 5.7 GB of memory; 200,003 classes made an import take 163 s and training
 * run out of memory; a sequence length of 10^8 ran out of memory at once). Each limit is far above real use.
 */
public final class Limits {

    /** Frames in one clip: 10,000 (over five minutes at 30 fps, 66 MB of keypoints). Clips are usually 30. */
    public static final int MAX_FRAMES_PER_CLIP = 10_000;
    /** Frames in one recording that clips are cut from: 54,000 (30 minutes at 30 fps, 360 MB of keypoints). */
    public static final int MAX_FRAMES_PER_RECORDING = 54_000;
    /** Gesture classes in one project. */
    public static final int MAX_CLASSES = 1_000;
    /** Frames a classifier looks at (the project's sequence length). */
    public static final int MAX_SEQUENCE_LENGTH = 1_000;
    /** The longest class name in UTF-8 bytes: class names are folder names in MP_Data exports (255 on most disks). */
    public static final int MAX_CLASS_NAME_BYTES = 200;

    private Limits() {
    }

    /**
     * Returns the most values a clip file may hold: {@link #MAX_FRAMES_PER_CLIP} holistic frames.
     *
     * @return the number of float values
     */
    public static long maxClipValues() {
        return (long) MAX_FRAMES_PER_CLIP * KeypointLayout.FEATURES;
    }

    /**
     * Returns the most values a recording file may hold.
     *
     * @return the number of float values
     */
    public static long maxRecordingValues() {
        return (long) MAX_FRAMES_PER_RECORDING * KeypointLayout.FEATURES;
    }
}

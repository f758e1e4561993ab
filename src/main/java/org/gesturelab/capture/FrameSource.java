package org.gesturelab.capture;

/**
 * A stream of frames: a camera, a video file, images or FFmpeg's test pattern. Not thread-safe: one thread reads it.
 *
 * <p>Open one with {@link FrameSources}; close it to release the device or file.
 */
public interface FrameSource extends AutoCloseable {

    /**
     * Returns the next frame, blocking until it is decoded (or, for live sources, captured).
     *
     * @return the frame, or null at the end of the stream
     * @throws CaptureException when the source fails (device unplugged, corrupt file)
     */
    Frame next();

    /**
     * Returns whether frames arrive in real time (camera, paced test pattern): consumers that fall behind must skip
     * to the newest frame rather than queue. False for files, which must not lose frames.
     */
    boolean live();

    /**
     * Returns whether the frames are unrelated still images, which get no temporal smoothing or tracking.
     */
    default boolean stills() {
        return false;
    }

    /** Returns the nominal frame rate in frames per second, or 0 when unknown (images). */
    double frameRate();

    /** Returns the number of frames when known in advance, else -1. */
    long frameCount();

    /** Returns a short description for people, for example the file name or the camera's name. */
    String description();

    /** Releases the device or file; never throws. */
    @Override
    void close();
}

package org.gesturelab.app.live;

import java.nio.file.Path;

import org.gesturelab.capture.CameraInfo;

/**
 * An entry of the source picker.
 *
 * @param kind what kind of source it is
 * @param label what the picker shows
 * @param spec what {@link org.gesturelab.capture.FrameSources#open(String)} opens
 */
public record SourceChoice(Kind kind, String label, String spec) {

    /** The kinds of source. */
    public enum Kind {
        /** A camera. */
        CAMERA,
        /** A video file, played in real time and looped. */
        VIDEO,
        /** FFmpeg's moving test pattern. */
        TEST_PATTERN
    }

    /** FFmpeg's test pattern at camera size and rate. */
    public static final SourceChoice TEST_PATTERN = new SourceChoice(Kind.TEST_PATTERN, "Test pattern",
            "testsrc:640x480@30");

    /**
     * Returns the entry of a camera.
     *
     * @param camera the camera
     * @return the entry
     */
    public static SourceChoice camera(CameraInfo camera) {
        return new SourceChoice(Kind.CAMERA, "Camera: " + camera.name(), "camera:" + camera.device());
    }

    /**
     * Returns the entry of a video file.
     *
     * @param file the file
     * @return the entry
     */
    public static SourceChoice video(Path file) {
        return new SourceChoice(Kind.VIDEO, "Video: " + file.getFileName(), file.toAbsolutePath().toString());
    }

    @Override
    public String toString() {
        return label;
    }
}

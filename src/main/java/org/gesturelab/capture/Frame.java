package org.gesturelab.capture;

import java.util.Objects;

/**
 * One decoded picture from a {@link FrameSource}, upright (rotation metadata already applied).
 *
 * <p>Pixels are packed 8-bit <b>BGR</b>, row after row with no padding ({@code width * 3} bytes per row): it is
 * what FFmpeg and OpenCV produce without a conversion, what OpenCV draws overlays on, and the keypoint models'
 * RGB input is made while warping the region of interest anyway. The array is shared, not copied: treat it as
 * read-only; a frame is never changed after its source hands it out.
 *
 * @param index position in the source, from 0; frames a live source dropped leave gaps
 * @param timestampMillis presentation time in milliseconds from the stream (or the wall clock for cameras)
 * @param width width in pixels
 * @param height height in pixels
 * @param bgr {@code width * height * 3} bytes, BGR order
 */
public record Frame(long index, long timestampMillis, int width, int height, byte[] bgr) {

    /** Validates the pixel buffer's size. */
    public Frame {
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive: " + width + "x" + height);
        }
        if (bgr.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " BGR bytes for " + width + "x"
                    + height + ", got " + bgr.length);
        }
    }

    /**
     * Returns the blue, green and red values of one pixel.
     *
     * @param x column
     * @param y row
     * @return {blue, green, red}, each 0..255
     */
    public int[] pixel(int x, int y) {
        int at = (y * width + x) * 3;
        return new int[] {bgr[at] & 0xff, bgr[at + 1] & 0xff, bgr[at + 2] & 0xff};
    }

    @Override
    public String toString() {
        return "Frame[#" + index + " @" + timestampMillis + "ms " + width + "x" + height + "]";
    }
}

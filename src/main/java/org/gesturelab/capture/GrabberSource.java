package org.gesturelab.capture;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

import org.bytedeco.ffmpeg.global.avdevice;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A {@link FrameSource} over a started JavaCV grabber that delivers packed BGR24 pictures: video files, cameras and
 * FFmpeg's test pattern. Applies the stream's display rotation so that frames are upright.
 */
final class GrabberSource implements FrameSource {

    private final FrameGrabber grabber;
    private final String description;
    private final boolean live;
    private final double frameRate;
    private final long frameCount;
    private final int clockwiseRotation;
    private final LongSupplier clock;
    private long index;
    private long firstTimestampMicros = Long.MIN_VALUE;
    private boolean closed;

    /**
     * Wraps a started grabber.
     *
     * @param grabber started, BGR24 output
     * @param description for people
     * @param live whether frames arrive in real time
     * @param clockwiseRotation 0, 90, 180 or 270: how far to turn decoded pictures to make them upright
     * @param clock wall-clock milliseconds for live devices whose stream carries no usable time, or null to use the
     *     stream's presentation times
     */
    GrabberSource(FrameGrabber grabber, String description, boolean live, int clockwiseRotation, LongSupplier clock) {
        this.grabber = grabber;
        this.description = description;
        this.live = live;
        this.clockwiseRotation = clockwiseRotation;
        this.clock = clock;
        double rate = grabber instanceof FFmpegFrameGrabber ff ? ff.getVideoFrameRate() : grabber.getFrameRate();
        this.frameRate = Double.isFinite(rate) && rate > 0 && rate < 1000 ? rate : 0;
        long count = grabber instanceof FFmpegFrameGrabber ff ? ff.getLengthInVideoFrames() : -1;
        this.frameCount = live || count <= 0 ? -1 : count;
    }

    private static volatile boolean ffmpegReady;
    private static volatile String devicesProblem;

    /**
     * Silences FFmpeg's console chatter and registers its devices (lavfi, video4linux2, avfoundation, dshow).
     * Registration fails where FFmpeg's device library cannot load its own dependencies (on Linux it needs
     * PulseAudio's {@code libpulse.so.0}); files still play then, and {@link #requireDevices} explains.
     */
    static void prepareFfmpeg() {
        if (!ffmpegReady) {
            synchronized (GrabberSource.class) {
                if (!ffmpegReady) {
                    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
                    try {
                        avdevice.avdevice_register_all();
                    } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
                        devicesProblem = "FFmpeg's device library (cameras, test pattern) could not load: "
                                + rootMessage(e) + ". On Linux install PulseAudio's client library "
                                + "(Debian/Ubuntu: libpulse0).";
                    }
                    ffmpegReady = true;
                }
            }
        }
    }

    /**
     * Returns why FFmpeg's devices are unavailable, or null when cameras and the test pattern can be opened.
     */
    static String devicesProblem() {
        prepareFfmpeg();
        return devicesProblem;
    }

    /** Throws a clear {@link CaptureException} when FFmpeg's devices are unavailable. */
    static void requireDevices() {
        String problem = devicesProblem();
        if (problem != null) {
            throw new CaptureException(problem);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    @Override
    public Frame next() {
        if (closed) {
            return null;
        }
        org.bytedeco.javacv.Frame grabbed;
        try {
            grabbed = grabber instanceof FFmpegFrameGrabber ff ? ff.grabImage() : grabber.grab();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            throw new CaptureException("Could not read a frame from " + description + ": " + e.getMessage()
                    + ". The file may be corrupt or the device unplugged.", e);
        }
        if (grabbed == null || grabbed.image == null) {
            return null;
        }
        long millis;
        if (clock != null) {
            millis = clock.getAsLong();
        } else {
            if (firstTimestampMicros == Long.MIN_VALUE) {
                firstTimestampMicros = grabbed.timestamp;
            }
            millis = Math.round((grabbed.timestamp - firstTimestampMicros) / 1000.0);
        }
        return toFrame(grabbed, index++, millis, clockwiseRotation);
    }

    /**
     * Copies a grabbed BGR24 picture into a tightly packed, upright {@link Frame}.
     *
     * @param grabbed a JavaCV frame with 3 unsigned-byte channels
     * @param index the frame's index
     * @param millis its time stamp
     * @param clockwiseRotation 0, 90, 180 or 270
     * @return the frame
     */
    static Frame toFrame(org.bytedeco.javacv.Frame grabbed, long index, long millis, int clockwiseRotation) {
        int width = grabbed.imageWidth;
        int height = grabbed.imageHeight;
        int stride = grabbed.imageStride;
        int rowBytes = width * 3;
        // JavaCV derives imageChannels from the padded stride, so it can read 4 for BGR24: check the stride instead.
        if (grabbed.imageDepth != org.bytedeco.javacv.Frame.DEPTH_UBYTE || stride < rowBytes) {
            throw new CaptureException("Expected packed 8-bit BGR pictures, got depth " + grabbed.imageDepth
                    + " with " + stride + " bytes per row for width " + width + ".");
        }
        ByteBuffer buffer = ((ByteBuffer) grabbed.image[0]).duplicate();
        buffer.rewind();
        byte[] packed = new byte[rowBytes * height];
        if (stride == rowBytes) {
            buffer.get(packed, 0, packed.length);
        } else {
            for (int y = 0; y < height; y++) {
                buffer.position(y * stride);
                buffer.get(packed, y * rowBytes, rowBytes);
            }
        }
        if (clockwiseRotation == 0) {
            return new Frame(index, millis, width, height, packed);
        }
        return rotate(index, millis, width, height, packed, clockwiseRotation);
    }

    private static Frame rotate(long index, long millis, int width, int height, byte[] packed, int clockwise) {
        int code = switch (clockwise) {
            case 90 -> opencv_core.ROTATE_90_CLOCKWISE;
            case 180 -> opencv_core.ROTATE_180;
            case 270 -> opencv_core.ROTATE_90_COUNTERCLOCKWISE;
            default -> throw new IllegalArgumentException("rotation must be a multiple of 90: " + clockwise);
        };
        try (BytePointer pixels = new BytePointer(packed);
                Mat source = new Mat(height, width, opencv_core.CV_8UC3, pixels);
                Mat turned = new Mat()) {
            opencv_core.rotate(source, turned, code);
            int outWidth = turned.cols();
            int outHeight = turned.rows();
            byte[] out = new byte[outWidth * outHeight * 3];
            turned.data().get(out);
            return new Frame(index, millis, outWidth, outHeight, out);
        }
    }

    /**
     * Turns FFmpeg's display rotation (degrees counter-clockwise, as the display matrix stores it) into the
     * clockwise turn that makes the picture upright, snapped to a multiple of 90.
     *
     * @param displayRotation degrees from {@code getDisplayRotation()}
     * @return 0, 90, 180 or 270
     */
    static int clockwiseTurn(double displayRotation) {
        if (!Double.isFinite(displayRotation)) {
            return 0;
        }
        long snapped = Math.round(-displayRotation / 90.0) * 90;
        return (int) Math.floorMod(snapped, 360);
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public double frameRate() {
        return frameRate;
    }

    @Override
    public long frameCount() {
        return frameCount;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            grabber.stop();
            grabber.release();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Closing must not mask the reason the caller stopped reading; the device is gone either way.
        }
    }
}

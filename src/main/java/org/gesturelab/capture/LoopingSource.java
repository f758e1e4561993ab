package org.gesturelab.capture;

import java.nio.file.Path;

/**
 * A video file played over and over, as one endless stream: indices keep counting and time stamps keep rising
 * (each pass starts one frame period after the previous pass ended). For benchmarks that need more frames than a
 * clip has.
 */
final class LoopingSource implements FrameSource {

    private final Path file;
    private FrameSource current;
    private long index;
    private long offsetMillis;
    private long lastMillis;
    private boolean closed;

    LoopingSource(Path file) {
        this.file = file;
        this.current = FrameSources.video(file);
    }

    @Override
    public Frame next() {
        if (closed) {
            return null;
        }
        Frame frame = current.next();
        if (frame == null) {
            double rate = current.frameRate() > 0 ? current.frameRate() : 30;
            current.close();
            offsetMillis = lastMillis + Math.round(1000 / rate);
            current = FrameSources.video(file);
            frame = current.next();
            if (frame == null) {
                throw new CaptureException(file + " has no frames to loop over.");
            }
        }
        lastMillis = offsetMillis + frame.timestampMillis();
        return new Frame(index++, lastMillis, frame.width(), frame.height(), frame.bgr());
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public double frameRate() {
        return current.frameRate();
    }

    @Override
    public long frameCount() {
        return -1;
    }

    @Override
    public String description() {
        return current.description() + " (looped)";
    }

    @Override
    public void close() {
        closed = true;
        current.close();
    }
}

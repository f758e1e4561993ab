package org.gesturelab.capture;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Writes small synthetic videos for capture tests. */
public final class TestVideos {

    private TestVideos() {
    }

    /**
     * Writes an MPEG-4 video whose left half is red and right half blue, with a white square moving right.
     *
     * @param file where to write (.mp4 or .avi)
     * @param width even width
     * @param height even height
     * @param frames number of frames
     * @param fps frame rate
     * @param displayRotation rotation metadata in degrees (counter-clockwise, as FFmpeg stores it), 0 for none
     * @return the file
     * @throws Exception when FFmpeg fails
     */
    public static Path write(Path file, int width, int height, int frames, int fps, double displayRotation)
            throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0)) {
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(fps);
            recorder.setVideoQuality(2);
            if (displayRotation != 0) {
                recorder.setDisplayRotation(displayRotation);
            }
            recorder.start();
            for (int i = 0; i < frames; i++) {
                org.bytedeco.javacv.Frame frame = new org.bytedeco.javacv.Frame(width, height,
                        org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3);
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                int stride = frame.imageStride;
                int square = Math.max(4, height / 4);
                int squareX = (i * 2) % Math.max(1, width - square);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        int at = y * stride + x * 3;
                        boolean white = x >= squareX && x < squareX + square && y < square;
                        boolean left = x < width / 2;
                        pixels.put(at, (byte) (white || !left ? 255 : 0));
                        pixels.put(at + 1, (byte) (white ? 255 : 0));
                        pixels.put(at + 2, (byte) (white || left ? 255 : 0));
                    }
                }
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
        return file;
    }
}

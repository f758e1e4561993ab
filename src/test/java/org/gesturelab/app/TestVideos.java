package org.gesturelab.app;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/** Writes small real video files for UI tests: a bright square moving over a dark background. */
public final class TestVideos {

    private TestVideos() {
    }

    /**
     * Writes an MPEG-4 video.
     *
     * @param file where to write it ({@code .mp4})
     * @param frames how many frames
     * @param width width in pixels
     * @param height height in pixels
     * @return the file
     * @throws Exception if FFmpeg fails
     */
    public static Path movingSquare(Path file, int frames, int width, int height) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(30);
            recorder.setVideoQuality(4);
            recorder.start();
            Frame frame = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            java.nio.ByteBuffer pixels = (java.nio.ByteBuffer) frame.image[0];
            int stride = frame.imageStride;
            for (int i = 0; i < frames; i++) {
                int left = (i * 7) % (width - 40);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width; x++) {
                        boolean square = x >= left && x < left + 40 && y >= height / 3 && y < height / 3 + 40;
                        int at = y * stride + x * 3;
                        pixels.put(at, (byte) (square ? 60 : 30));
                        pixels.put(at + 1, (byte) (square ? 200 : 20));
                        pixels.put(at + 2, (byte) (square ? 240 : 20));
                    }
                }
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
        return file;
    }
}

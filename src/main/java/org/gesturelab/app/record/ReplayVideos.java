package org.gesturelab.app.record;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;

/**
 * Writes the small replay video stored with each recorded clip: MPEG-4 in an {@code .mp4}, at most 320 pixels wide,
 * so a clip costs tens of kilobytes and replays anywhere FFmpeg or a browser runs.
 */
public final class ReplayVideos {

    /** The widest replay picture. */
    public static final int MAX_WIDTH = 320;

    private ReplayVideos() {
    }

    /**
     * Writes frames to a video.
     *
     * @param frames the frames, all of one size
     * @param fps the frame rate to play them at
     * @param file the {@code .mp4} to write
     * @throws org.bytedeco.javacv.FrameRecorder.Exception if FFmpeg fails
     */
    public static void write(List<org.gesturelab.capture.Frame> frames, double fps, Path file)
            throws org.bytedeco.javacv.FrameRecorder.Exception {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames to write");
        }
        int width = frames.get(0).width();
        int height = frames.get(0).height();
        int outWidth = Math.min(MAX_WIDTH, width) & ~1;
        int outHeight = Math.max(2, (int) Math.round((double) height * outWidth / width) & ~1);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), outWidth, outHeight)) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            // MPEG-4 needs a frame rate with a small time base: a measured 14.73 fps would be refused.
            recorder.setFrameRate(Math.max(1, Math.min(60, Math.round(fps > 0 ? fps : 30))));
            recorder.setVideoQuality(5);
            recorder.start();
            Frame picture = new Frame(width, height, Frame.DEPTH_UBYTE, 3);
            ByteBuffer pixels = (ByteBuffer) picture.image[0];
            int stride = picture.imageStride;
            for (org.gesturelab.capture.Frame frame : frames) {
                byte[] bgr = frame.bgr();
                for (int y = 0; y < height; y++) {
                    pixels.position(y * stride);
                    pixels.put(bgr, y * width * 3, width * 3);
                }
                pixels.rewind();
                // The recorder scales to its own size while converting to YUV.
                recorder.record(picture, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
    }
}

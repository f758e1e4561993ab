package org.gesturelab.mediapipe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

/** The pictures {@link ModelVerifier} feeds to both runtimes: frames of real videos, or generated images. */
public final class VerificationImages {

    private VerificationImages() {
    }

    /**
     * An 8-bit RGB picture, rows top to bottom, three bytes per pixel.
     *
     * @param width pixels per row
     * @param height rows
     * @param rgb {@code width * height * 3} bytes
     * @param source where it came from, for reports
     */
    public record RgbImage(int width, int height, byte[] rgb, String source) {

        /** Checks the size. */
        public RgbImage {
            if (rgb.length != width * height * 3) {
                throw new IllegalArgumentException("RGB image " + width + "x" + height + " needs "
                        + width * height * 3 + " bytes, got " + rgb.length);
            }
        }

        /**
         * Crops the centre square and scales it to a model's input with bilinear sampling.
         *
         * @param size the model's input width and height
         * @param low the value black maps to (0 or -1 for MediaPipe models)
         * @param high the value white maps to (1)
         * @return {@code size * size * 3} floats, NHWC
         */
        public float[] toInput(int size, float low, float high) {
            int side = Math.min(width, height);
            double x0 = (width - side) / 2.0;
            double y0 = (height - side) / 2.0;
            double step = (double) side / size;
            float scale = (high - low) / 255f;
            float[] out = new float[size * size * 3];
            for (int y = 0; y < size; y++) {
                double sy = Math.min(height - 1.0, Math.max(0, y0 + (y + 0.5) * step - 0.5));
                int iy = (int) sy;
                int iy1 = Math.min(height - 1, iy + 1);
                double fy = sy - iy;
                for (int x = 0; x < size; x++) {
                    double sx = Math.min(width - 1.0, Math.max(0, x0 + (x + 0.5) * step - 0.5));
                    int ix = (int) sx;
                    int ix1 = Math.min(width - 1, ix + 1);
                    double fx = sx - ix;
                    for (int c = 0; c < 3; c++) {
                        double top = (1 - fx) * at(ix, iy, c) + fx * at(ix1, iy, c);
                        double bottom = (1 - fx) * at(ix, iy1, c) + fx * at(ix1, iy1, c);
                        out[(y * size + x) * 3 + c] = low + scale * (float) ((1 - fy) * top + fy * bottom);
                    }
                }
            }
            return out;
        }

        private int at(int x, int y, int channel) {
            return rgb[(y * width + x) * 3 + channel] & 0xff;
        }
    }

    /**
     * Decodes frames spread over each video.
     *
     * @param videos video files any FFmpeg build reads
     * @param framesPerVideo how many frames to take from each
     * @return the frames
     * @throws IOException if a video cannot be decoded
     */
    public static List<RgbImage> fromVideos(List<Path> videos, int framesPerVideo) throws IOException {
        List<RgbImage> images = new ArrayList<>();
        for (Path video : videos) {
            try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile())) {
                grabber.setPixelFormat(avutil.AV_PIX_FMT_RGB24);
                grabber.start();
                int length = Math.max(1, grabber.getLengthInVideoFrames());
                int stride = Math.max(1, length / (framesPerVideo + 1));
                int taken = 0;
                for (int index = 0; taken < framesPerVideo; index++) {
                    Frame frame = grabber.grabImage();
                    if (frame == null) {
                        break;
                    }
                    if (index % stride == stride - 1) {
                        images.add(copy(frame, video.getFileName() + "#" + index));
                        taken++;
                    }
                }
            } catch (FrameGrabber.Exception e) {
                throw new IOException("Cannot decode " + video + ": " + e.getMessage(), e);
            }
        }
        return images;
    }

    /**
     * Generates pictures with the traits of camera frames: smooth gradients, skin-coloured blobs, hard edges and
     * noise. The same seed gives the same pictures.
     *
     * @param count how many
     * @param width their width
     * @param height their height
     * @param seed the random seed
     * @return the pictures
     */
    public static List<RgbImage> generated(int count, int width, int height, long seed) {
        Random random = new Random(seed);
        List<RgbImage> images = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            byte[] rgb = new byte[width * height * 3];
            int[][] blobs = new int[6][];
            for (int b = 0; b < blobs.length; b++) {
                blobs[b] = new int[] {random.nextInt(width), random.nextInt(height), 10 + random.nextInt(width / 4),
                    150 + random.nextInt(100), 90 + random.nextInt(80), 60 + random.nextInt(80)};
            }
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int r = 40 + 120 * x / width;
                    int g = 60 + 100 * y / height;
                    int b = 90 + ((x / 32 + y / 32) % 2) * 60;
                    for (int[] blob : blobs) {
                        int dx = x - blob[0];
                        int dy = y - blob[1];
                        if (dx * dx + dy * dy < blob[2] * blob[2]) {
                            r = blob[3];
                            g = blob[4];
                            b = blob[5];
                        }
                    }
                    int noise = random.nextInt(21) - 10;
                    int i = (y * width + x) * 3;
                    rgb[i] = (byte) clamp(r + noise);
                    rgb[i + 1] = (byte) clamp(g + noise);
                    rgb[i + 2] = (byte) clamp(b + noise);
                }
            }
            images.add(new RgbImage(width, height, rgb, "generated#" + n));
        }
        return images;
    }

    private static RgbImage copy(Frame frame, String source) {
        int width = frame.imageWidth;
        int height = frame.imageHeight;
        ByteBuffer buffer = (ByteBuffer) frame.image[0];
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            buffer.position(y * frame.imageStride);
            buffer.get(rgb, y * width * 3, width * 3);
        }
        buffer.rewind();
        return new RgbImage(width, height, rgb, source);
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }
}

package org.gesturelab.keypoints;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;
import org.gesturelab.capture.Frame;

/**
 * A frame copied once into native memory, from which every model of the pipeline cuts its rotated input. Crops may
 * be taken from several threads at once; close it when the frame is done.
 */
public final class FrameImage implements AutoCloseable {

    private final Frame frame;
    private final BytePointer pixels;
    private final Mat mat;

    /**
     * Wraps a frame.
     *
     * @param frame the BGR frame
     */
    public FrameImage(Frame frame) {
        this.frame = frame;
        this.pixels = new BytePointer(frame.bgr());
        this.mat = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3, pixels);
    }

    /** Returns the frame. */
    public Frame frame() {
        return frame;
    }

    /** Returns the frame's width in pixels. */
    public int width() {
        return frame.width();
    }

    /** Returns the frame's height in pixels. */
    public int height() {
        return frame.height();
    }

    /**
     * Cuts a rotated region into a model input: bilinear warp (as MediaPipe's CPU image-to-tensor converter), RGB,
     * scaled into [min, max], laid out NHWC.
     *
     * @param roi the region, in frame pixels
     * @param width input width
     * @param height input height
     * @param min value of a black channel
     * @param max value of a full channel
     * @param zeroBorder true to fill outside the frame with black (detectors), false to repeat the edge pixels
     *     (landmark models)
     * @return {@code height * width * 3} floats
     */
    public float[] crop(Roi roi, int width, int height, float min, float max, boolean zeroBorder) {
        double[] m = roi.cropToFrameAffine(width, height);
        byte[] bgr = new byte[width * height * 3];
        try (Mat affine = new Mat(2, 3, opencv_core.CV_64F);
                Mat out = new Mat(height, width, opencv_core.CV_8UC3);
                Size size = new Size(width, height);
                Scalar black = new Scalar(0, 0, 0, 0)) {
            affine.data().position(0);
            new org.bytedeco.javacpp.DoublePointer(affine.data()).put(m);
            opencv_imgproc.warpAffine(mat, out, affine, size,
                    opencv_imgproc.INTER_LINEAR | opencv_imgproc.WARP_INVERSE_MAP,
                    zeroBorder ? opencv_core.BORDER_CONSTANT : opencv_core.BORDER_REPLICATE, black);
            out.data().get(bgr);
        }
        float scale = (max - min) / 255f;
        float[] rgb = new float[bgr.length];
        for (int i = 0; i < bgr.length; i += 3) {
            rgb[i] = (bgr[i + 2] & 0xff) * scale + min;
            rgb[i + 1] = (bgr[i + 1] & 0xff) * scale + min;
            rgb[i + 2] = (bgr[i] & 0xff) * scale + min;
        }
        return rgb;
    }

    @Override
    public void close() {
        mat.close();
        pixels.close();
    }
}

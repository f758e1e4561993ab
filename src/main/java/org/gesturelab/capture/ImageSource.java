package org.gesturelab.capture;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Still images, one frame each, in file-name order. OpenCV decodes them and applies their EXIF orientation.
 * Time stamps advance by one nominal 30 fps frame per image so that consumers see increasing times, but
 * {@link #stills()} tells them not to smooth or track across images.
 */
final class ImageSource implements FrameSource {

    private static final long MILLIS_PER_IMAGE = 33;

    private final List<Path> files;
    private final String description;
    private int position;

    ImageSource(List<Path> files, String description) {
        this.files = List.copyOf(files);
        this.description = description;
    }

    @Override
    public Frame next() {
        if (position >= files.size()) {
            return null;
        }
        Path file = files.get(position);
        int index = position++;
        try (Mat image = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
            if (image == null || image.empty()) {
                throw new CaptureException("Could not read the image " + file + ": not a picture OpenCV can decode.");
            }
            int width = image.cols();
            int height = image.rows();
            byte[] bgr = new byte[width * height * 3];
            if (image.isContinuous()) {
                image.data().get(bgr);
            } else {
                for (int y = 0; y < height; y++) {
                    image.ptr(y).get(bgr, y * width * 3, width * 3);
                }
            }
            return new Frame(index, index * MILLIS_PER_IMAGE, width, height, bgr);
        }
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public boolean stills() {
        return true;
    }

    @Override
    public double frameRate() {
        return 0;
    }

    @Override
    public long frameCount() {
        return files.size();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void close() {
        position = files.size();
    }
}

package org.gesturelab.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameGrabber;
import org.bytedeco.opencv.opencv_videoio.VideoCapture;

/**
 * Opens {@link FrameSource}s: cameras, video files, still images and FFmpeg's test pattern, and lists cameras.
 *
 * <p>Cameras are probed so that a missing one fails fast: on Linux the device node is checked before FFmpeg
 * opens it (a fraction of a second); elsewhere OpenCV's {@code VideoCapture} answers in about a second, where
 * JavaCV's {@code OpenCVFrameGrabber.start()} alone would hang for ten.
 */
public final class FrameSources {

    /** File name extensions read as still images. */
    public static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff");
    /** File name extensions taken for videos when scanning folders. */
    public static final Set<String> VIDEO_EXTENSIONS =
            Set.of("mp4", "avi", "mov", "mkv", "webm", "m4v", "mpg", "mpeg", "wmv", "flv", "3gp", "ogv");

    private static final boolean LINUX = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win");
    private static final int MAX_PROBED_CAMERAS = 4;

    private FrameSources() {
    }

    /**
     * Opens a source from a user's description: {@code camera:N} or {@code camera:DEVICE}, {@code testsrc}
     * (or {@code testsrc:WIDTHxHEIGHT@FPS}, paced like a camera), an image file or folder of images, or a video file.
     *
     * @param spec the description
     * @return the opened source
     * @throws CaptureException when it cannot be opened
     */
    public static FrameSource open(String spec) {
        if (spec.startsWith("camera:")) {
            String which = spec.substring("camera:".length());
            return which.chars().allMatch(Character::isDigit) && !which.isEmpty()
                    ? camera(Integer.parseInt(which)) : camera(which);
        }
        if (spec.equals("testsrc") || spec.startsWith("testsrc:")) {
            int width = 640;
            int height = 480;
            double fps = 30;
            if (spec.startsWith("testsrc:")) {
                String[] sizeRate = spec.substring("testsrc:".length()).split("@");
                String[] size = sizeRate[0].split("x");
                try {
                    width = Integer.parseInt(size[0]);
                    height = Integer.parseInt(size[1]);
                    if (sizeRate.length > 1) {
                        fps = Double.parseDouble(sizeRate[1]);
                    }
                } catch (RuntimeException e) {
                    throw new CaptureException("Cannot read test pattern '" + spec + "': write testsrc:640x480@30.", e);
                }
            }
            return testPattern(width, height, fps, true);
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path) || isImage(path)) {
            return images(path);
        }
        return video(path);
    }

    /**
     * Opens a video file with FFmpeg. Frames come upright (the stream's rotation is applied), time-stamped with the
     * stream's presentation times (the first frame at 0 ms), none dropped.
     *
     * @param file any file FFmpeg reads
     * @return the source
     * @throws CaptureException when the file is missing or not a readable video
     */
    public static FrameSource video(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CaptureException("No such video file: " + file + ".");
        }
        GrabberSource.prepareFfmpeg();
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile());
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            // The reader's own words (e.g. "avformat_open_input() error -1094995529") stay in the cause, for
            // whoever asks for the details.
            throw new CaptureException("This file is not a video GestureLab can read: " + file.getFileName()
                    + ". Try another file, or convert it to MP4 (H.264).", e);
        }
        if (grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            release(grabber);
            throw new CaptureException(file + " has no video stream.");
        }
        int turn = GrabberSource.clockwiseTurn(grabber.getDisplayRotation());
        return new GrabberSource(grabber, file.getFileName().toString(), false, turn, null);
    }

    /**
     * Opens a video file that starts over at its end, endlessly: indices keep counting and time stamps keep rising.
     * For benchmarks that need more frames than the clip has; no frame is dropped.
     *
     * @param file any file FFmpeg reads
     * @return the source; it never ends
     * @throws CaptureException when the file is missing or not a readable video
     */
    public static FrameSource looping(Path file) {
        return new LoopingSource(file);
    }

    /**
     * Opens FFmpeg's {@code testsrc2} pattern (moving colour bars, a counter): a camera stand-in that needs no device.
     *
     * @param width picture width
     * @param height picture height
     * @param fps frames per second
     * @param realtime true to pace frames like a camera (a live source), false to generate them as fast as they are
     *     read (an endless file)
     * @return the source; it never ends
     */
    public static FrameSource testPattern(int width, int height, double fps, boolean realtime) {
        GrabberSource.requireDevices();
        String filter = String.format(Locale.ROOT, "testsrc2=size=%dx%d:rate=%s%s", width, height, rate(fps),
                realtime ? ",realtime" : "");
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(filter);
        grabber.setFormat("lavfi");
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            throw new CaptureException("Cannot start FFmpeg's test pattern (" + filter + "): " + e.getMessage(), e);
        }
        return new GrabberSource(grabber, "test pattern " + width + "x" + height, realtime, 0, null);
    }

    private static String rate(double fps) {
        return fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps);
    }

    /**
     * Opens the still images of a file or folder (sorted by name), one frame each.
     *
     * @param fileOrFolder an image, or a folder holding images
     * @return the source
     * @throws CaptureException when there is nothing to read
     */
    public static FrameSource images(Path fileOrFolder) {
        List<Path> files;
        if (Files.isDirectory(fileOrFolder)) {
            try (Stream<Path> listing = Files.list(fileOrFolder)) {
                files = listing.filter(FrameSources::isImage).sorted().toList();
            } catch (IOException e) {
                throw new CaptureException("Cannot list the folder " + fileOrFolder + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new CaptureException("No images (" + String.join(", ", new java.util.TreeSet<>(IMAGE_EXTENSIONS))
                        + ") in " + fileOrFolder + ".");
            }
        } else if (Files.isRegularFile(fileOrFolder)) {
            files = List.of(fileOrFolder);
        } else {
            throw new CaptureException("No such image or folder: " + fileOrFolder + ".");
        }
        return new ImageSource(files, fileOrFolder.getFileName() == null ? fileOrFolder.toString()
                : fileOrFolder.getFileName().toString());
    }

    /**
     * Opens a camera by its number (0 is the first), failing within about two seconds when there is none.
     *
     * @param index the camera's number
     * @return a live source, time-stamped with the wall clock
     * @throws CaptureException when no such camera exists or it is busy
     */
    public static FrameSource camera(int index) {
        if (index < 0) {
            throw new CaptureException("Camera numbers start at 0, got " + index + ".");
        }
        if (LINUX) {
            return camera("/dev/video" + index);
        }
        if (!probe(index)) {
            throw new CaptureException("No camera found with number " + index + ". Is one connected, and does "
                    + "GestureLab have permission to use it?");
        }
        OpenCVFrameGrabber grabber = new OpenCVFrameGrabber(index);
        return startCamera(grabber, "camera " + index);
    }

    /**
     * Opens a camera by device: a path such as {@code /dev/video0} on Linux, or the camera's name on macOS
     * (AVFoundation) and Windows (DirectShow).
     *
     * @param device the device path or name
     * @return a live source
     * @throws CaptureException when the device is missing or busy
     */
    public static FrameSource camera(String device) {
        FFmpegFrameGrabber grabber;
        if (LINUX) {
            if (!Files.exists(Path.of(device))) {
                throw new CaptureException("No camera found at " + device + ". Is one connected? "
                        + "Cameras available: " + describe(listCameras()) + ".");
            }
            GrabberSource.requireDevices();
            grabber = new FFmpegFrameGrabber(device);
            grabber.setFormat("video4linux2");
        } else if (WINDOWS) {
            GrabberSource.requireDevices();
            grabber = new FFmpegFrameGrabber("video=" + device);
            grabber.setFormat("dshow");
        } else {
            GrabberSource.requireDevices();
            grabber = new FFmpegFrameGrabber(device);
            grabber.setFormat("avfoundation");
        }
        grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        return startCamera(grabber, device);
    }

    private static FrameSource startCamera(FrameGrabber grabber, String description) {
        if (grabber instanceof OpenCVFrameGrabber) {
            grabber.setImageMode(FrameGrabber.ImageMode.COLOR);
        }
        try {
            grabber.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            release(grabber);
            throw new CaptureException("Cannot open the camera " + description + ": " + e.getMessage()
                    + ". Is it in use by another program?", e);
        }
        long start = System.nanoTime();
        return new GrabberSource(grabber, description, true, 0, () -> (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Returns why cameras and the test pattern cannot be opened on this machine, or null when they can.
     *
     * @return a message for people, or null
     */
    public static String devicesProblem() {
        return GrabberSource.devicesProblem();
    }

    /**
     * Lists the cameras the system offers, quickly: on Linux from {@code /sys/class/video4linux} (capture nodes
     * only), elsewhere by probing numbers 0, 1, ... until one fails.
     *
     * @return the cameras, possibly none
     */
    public static List<CameraInfo> listCameras() {
        List<CameraInfo> cameras = new ArrayList<>();
        if (LINUX) {
            Path sys = Path.of("/sys/class/video4linux");
            if (!Files.isDirectory(sys)) {
                return cameras;
            }
            try (Stream<Path> nodes = Files.list(sys)) {
                for (Path node : nodes.sorted().toList()) {
                    String name = node.getFileName().toString();
                    if (!name.startsWith("video")) {
                        continue;
                    }
                    // A UVC camera exposes a second node for metadata; only stream index 0 delivers pictures.
                    String streamIndex = readQuietly(node.resolve("index"), "0");
                    if (!streamIndex.equals("0")) {
                        continue;
                    }
                    int number = Integer.parseInt(name.substring("video".length()));
                    cameras.add(new CameraInfo(number, readQuietly(node.resolve("name"), name), "/dev/" + name));
                }
            } catch (IOException | NumberFormatException e) {
                return cameras;
            }
            return cameras;
        }
        for (int i = 0; i < MAX_PROBED_CAMERAS && probe(i); i++) {
            cameras.add(new CameraInfo(i, "Camera " + i, Integer.toString(i)));
        }
        return cameras;
    }

    private static boolean probe(int index) {
        try (VideoCapture capture = new VideoCapture(index)) {
            boolean open = capture.isOpened();
            capture.release();
            return open;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String describe(List<CameraInfo> cameras) {
        if (cameras.isEmpty()) {
            return "none";
        }
        return String.join(", ", cameras.stream().map(c -> c.device() + " (" + c.name() + ")").toList());
    }

    private static String readQuietly(Path file, String fallback) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? fallback : text;
        } catch (IOException e) {
            return fallback;
        }
    }

    /**
     * Returns whether a file's name marks it as a still image.
     *
     * @param file the file
     * @return true for the {@link #IMAGE_EXTENSIONS}
     */
    public static boolean isImage(Path file) {
        return IMAGE_EXTENSIONS.contains(extension(file));
    }

    /**
     * Returns whether a file's name marks it as a video.
     *
     * @param file the file
     * @return true for the {@link #VIDEO_EXTENSIONS}
     */
    public static boolean isVideo(Path file) {
        return VIDEO_EXTENSIONS.contains(extension(file));
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static void release(FrameGrabber grabber) {
        try {
            grabber.release();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            // Already failing; the original error is the one to report.
        }
    }
}

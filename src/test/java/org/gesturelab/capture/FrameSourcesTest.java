package org.gesturelab.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.gesturelab.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameSourcesTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryFrameOfAVideoWithStreamTimestamps() throws Exception {
        Path video = TestVideos.write(dir.resolve("clip.mp4"), 96, 64, 24, 15, 0);
        List<Frame> frames = readAll(FrameSources.video(video));
        assertEquals(24, frames.size());
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            assertEquals(i, frame.index());
            assertEquals(96, frame.width());
            assertEquals(64, frame.height());
            assertEquals(Math.round(i * 1000.0 / 15), frame.timestampMillis(), 1.0, "frame " + i);
        }
        int[] left = frames.get(0).pixel(10, 50);
        int[] right = frames.get(0).pixel(80, 50);
        assertTrue(left[2] > 200 && left[0] < 60, "left half is red: " + java.util.Arrays.toString(left));
        assertTrue(right[0] > 200 && right[2] < 60, "right half is blue: " + java.util.Arrays.toString(right));
        try (FrameSource source = FrameSources.video(video)) {
            assertEquals(15.0, source.frameRate(), 0.01);
            assertEquals(24, source.frameCount());
            assertFalse(source.live());
        }
    }

    @Test
    void appliesRotationMetadata() throws Exception {
        Path video = TestVideos.write(dir.resolve("portrait.mp4"), 96, 64, 3, 10, 90);
        List<Frame> frames = readAll(FrameSources.video(video));
        Frame upright = frames.get(0);
        assertEquals(64, upright.width());
        assertEquals(96, upright.height());
        // Turned a quarter counter-clockwise, as the display matrix asks: the red left half ends at the bottom.
        int[] bottom = upright.pixel(32, 90);
        int[] top = upright.pixel(32, 30);
        assertTrue(bottom[2] > 200 && bottom[0] < 60, "bottom is red: " + java.util.Arrays.toString(bottom));
        assertTrue(top[0] > 200 && top[2] < 60, "top is blue: " + java.util.Arrays.toString(top));
    }

    @Test
    void clockwiseTurnUndoesTheDisplayMatrix() {
        assertEquals(0, GrabberSource.clockwiseTurn(0));
        assertEquals(90, GrabberSource.clockwiseTurn(-90));
        assertEquals(270, GrabberSource.clockwiseTurn(90));
        assertEquals(180, GrabberSource.clockwiseTurn(180));
        assertEquals(180, GrabberSource.clockwiseTurn(-180.0000001));
        assertEquals(0, GrabberSource.clockwiseTurn(Double.NaN));
    }

    @Test
    void reportsACorruptFileClearly() throws Exception {
        Path junk = dir.resolve("junk.mp4");
        Files.write(junk, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        CaptureException error = assertThrows(CaptureException.class, () -> FrameSources.video(junk));
        assertTrue(error.getMessage().contains("junk.mp4"), error.getMessage());
        assertThrows(CaptureException.class, () -> FrameSources.video(dir.resolve("missing.mp4")));
    }

    @Test
    void readsImagesInNameOrder() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Mat image = new Mat(40, 60, opencv_core.CV_8UC3, new Scalar(10 * i, 100, 200, 0))) {
                opencv_imgcodecs.imwrite(dir.resolve("img" + i + ".png").toString(), image);
            }
        }
        Files.writeString(dir.resolve("notes.txt"), "not an image");
        try (FrameSource source = FrameSources.open(dir.toString())) {
            assertTrue(source.stills());
            assertEquals(3, source.frameCount());
            for (int i = 0; i < 3; i++) {
                Frame frame = source.next();
                assertEquals(60, frame.width());
                assertEquals(10 * i, frame.pixel(5, 5)[0]);
            }
            assertNull(source.next());
        }
    }

    @Test
    void testPatternIsPacedLikeACamera() {
        assumeTrue(FrameSources.devicesProblem() == null, FrameSources.devicesProblem());
        try (FrameSource source = FrameSources.open("testsrc:320x240@30")) {
            assertTrue(source.live());
            long start = System.nanoTime();
            Frame last = null;
            for (int i = 0; i < 10; i++) {
                last = source.next();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            assertNotNull(last);
            assertEquals(320, last.width());
            assertEquals(9 * 1000 / 30, last.timestampMillis(), 2);
            assertTrue(seconds > 0.2, "paced in real time, took " + seconds + " s");
        }
    }

    @Test
    void missingCameraFailsFast() {
        long start = System.nanoTime();
        List<CameraInfo> cameras = FrameSources.listCameras();
        if (cameras.stream().noneMatch(c -> c.index() == 57)) {
            assertThrows(CaptureException.class, () -> FrameSources.camera(57));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2.5, "probing took " + seconds + " s");
    }

    @Test
    void readsASharedVideoAtItsRealRate() {
        Path video = SharedData.require("bodygesture15/videos_1m_upper/S1/dynamic_videos/back_1_1m_upper.avi");
        List<Frame> frames = readAll(FrameSources.video(video));
        assertEquals(78, frames.size());
        assertEquals(640, frames.get(0).width());
        assertEquals(77 * 50, frames.get(77).timestampMillis(), 1);
    }

    private static List<Frame> readAll(FrameSource source) {
        List<Frame> frames = new ArrayList<>();
        try (source) {
            for (Frame frame = source.next(); frame != null; frame = source.next()) {
                frames.add(frame);
            }
        }
        return frames;
    }
}

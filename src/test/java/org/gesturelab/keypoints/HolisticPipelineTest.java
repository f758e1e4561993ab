package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.gesturelab.SharedData;
import org.gesturelab.capture.Frame;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.mediapipe.InstalledModels;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole pipeline on real frames; needs the installed models (installed on first use) and the shared data. */
class HolisticPipelineTest {

    private static HolisticPipeline pipeline;

    @BeforeAll
    static void load() {
        Path models = InstalledModels.require();
        pipeline = new HolisticPipeline(HolisticOptions.defaults().withModelDir(models));
    }

    @AfterAll
    static void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void findsPoseFaceAndHandsOnASigner() {
        Path video = SharedData.require("asl-word-videos/hearbridge/hello.mp4");
        List<FrameKeypoints> results = new ArrayList<>();
        HolisticPipeline.RunSummary summary;
        try (FrameSource source = FrameSources.video(video)) {
            summary = pipeline.run(source, -1, (frame, keypoints) -> results.add(keypoints), TaskMonitor.SILENT);
        }
        assertEquals(30, results.size(), "a file loses no frame");
        assertEquals(0, summary.framesDropped());
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i, results.get(i).index(), "frames arrive in order");
        }
        long face = results.stream().filter(FrameKeypoints::hasFace).count();
        long hands = results.stream().filter(k -> k.hasLeftHand() || k.hasRightHand()).count();
        assertTrue(results.stream().allMatch(FrameKeypoints::hasPose));
        assertTrue(face >= 28, "face in " + face + " of 30 frames");
        assertTrue(hands >= 26, "a hand in " + hands + " of 30 frames");
        // The signer waves her right hand: MediaPipe calls it the right hand, from the person's point of view,
        // and its wrist sits on the pose's right wrist (landmark 16).
        FrameKeypoints middle = results.get(15);
        assertNotNull(middle.rightHand());
        double dx = (middle.rightHand()[0] - middle.pose()[16 * 4]) * middle.width();
        double dy = (middle.rightHand()[1] - middle.pose()[16 * 4 + 1]) * middle.height();
        assertTrue(Math.hypot(dx, dy) < 0.05 * middle.width(), "hand wrist near the pose's right wrist");
        float[] vector = middle.toVector();
        assertEquals(middle.face()[0], vector[KeypointLayout.FACE_OFFSET]);
    }

    @Test
    void stillImagesAreProcessedOneByOne(@TempDir Path dir) {
        Path video = SharedData.require("asl-word-videos/hearbridge/hello.mp4");
        try (FrameSource source = FrameSources.video(video)) {
            for (int i = 0; i < 20; i++) {
                Frame frame = source.next();
                if (i % 10 == 5) {
                    try (BytePointer pixels = new BytePointer(frame.bgr());
                            Mat image = new Mat(frame.height(), frame.width(), opencv_core.CV_8UC3, pixels)) {
                        opencv_imgcodecs.imwrite(dir.resolve("frame" + i + ".png").toString(), image);
                    }
                }
            }
        }
        List<FrameKeypoints> results = new ArrayList<>();
        try (FrameSource images = FrameSources.images(dir)) {
            pipeline.run(images, -1, (frame, keypoints) -> results.add(keypoints), TaskMonitor.SILENT);
        }
        assertEquals(2, results.size());
        assertTrue(results.stream().allMatch(k -> k.hasPose() && k.hasFace()), results.toString());
    }

    @Test
    void liveSourcesKeepOnlyTheNewestFrame() {
        assumeTrue(FrameSources.devicesProblem() == null, FrameSources.devicesProblem());
        List<FrameKeypoints> results = new ArrayList<>();
        HolisticPipeline.RunSummary summary;
        try (FrameSource source = FrameSources.testPattern(320, 240, 30, true)) {
            summary = pipeline.run(source, 30, (frame, keypoints) -> {
                results.add(keypoints);
                sleep(150);
            }, TaskMonitor.SILENT);
        }
        assertEquals(30, summary.framesRead());
        assertTrue(summary.framesDropped() > 0, "a slow consumer makes the live source drop frames");
        assertEquals(summary.framesProcessed(), results.size());
        assertTrue(results.size() < 30, "processed " + results.size());
        for (int i = 1; i < results.size(); i++) {
            assertTrue(results.get(i).index() > results.get(i - 1).index());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

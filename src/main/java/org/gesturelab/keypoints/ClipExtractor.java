package org.gesturelab.keypoints;

import org.gesturelab.core.KeypointLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.Frame;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.core.Npy;
import org.gesturelab.core.TaskMonitor;

/**
 * Extracts the keypoints of whole video files: {@code NAME.npy} (float32, frames x 1662), {@code NAME.json}
 * (frame count, frame rate, how often each part was found, median milliseconds per stage) and optionally
 * {@code NAME.overlay.mp4} with the keypoints drawn.
 */
public final class ClipExtractor {

    private final HolisticPipeline pipeline;

    /**
     * Creates an extractor on a loaded pipeline (not closed here).
     *
     * @param pipeline the pipeline
     */
    public ClipExtractor(HolisticPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * What one extraction produced.
     *
     * @param video the input
     * @param npy the keypoint file
     * @param json the summary file
     * @param overlay the overlay video, or null
     * @param frames frames processed
     * @param frameRate the video's frame rate
     * @param statistics detections and stage times
     * @param seconds wall time
     */
    public record Result(Path video, Path npy, Path json, Path overlay, long frames, double frameRate,
            StageStatistics statistics, double seconds) {
    }

    /**
     * Extracts one video.
     *
     * @param video the video file
     * @param outDir where to write (created if missing)
     * @param overlay whether to also write the overlay video
     * @param monitor progress and cancel
     * @return what was written
     * @throws GestureLabException when the video cannot be read or the files cannot be written
     */
    public Result extract(Path video, Path outDir, boolean overlay, TaskMonitor monitor) {
        String name = baseName(video);
        Path npy = outDir.resolve(name + ".npy");
        Path json = outDir.resolve(name + ".json");
        Path overlayFile = overlay ? outDir.resolve(name + ".overlay.mp4") : null;
        List<float[]> rows = new ArrayList<>();
        StageStatistics statistics = new StageStatistics();
        double frameRate;
        HolisticPipeline.RunSummary summary;
        try (FrameSource source = FrameSources.video(video)) {
            frameRate = source.frameRate();
            Files.createDirectories(outDir);
            try (OverlayWriter writer = overlay ? new OverlayWriter(overlayFile, frameRate) : null) {
                summary = pipeline.run(source, -1, (frame, keypoints) -> {
                    rows.add(keypoints.toVector());
                    statistics.add(keypoints);
                    if (writer != null) {
                        writer.write(KeypointOverlay.draw(frame, keypoints));
                    }
                }, monitor);
            }
        } catch (IOException e) {
            throw new GestureLabException("Cannot write keypoints of " + video + " to " + outDir + ": "
                    + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            throw new GestureLabException(video + " has no frames that could be decoded.");
        }
        try {
            Npy.write(npy, rows.toArray(new float[0][]));
            writeSummary(json, video, frameRate, statistics, summary);
        } catch (IOException e) {
            throw new GestureLabException("Cannot write " + npy + ": " + e.getMessage(), e);
        }
        return new Result(video, npy, json, overlayFile, rows.size(), frameRate, statistics, summary.seconds());
    }

    private static void writeSummary(Path json, Path video, double frameRate, StageStatistics statistics,
            HolisticPipeline.RunSummary summary) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("video", video.getFileName().toString());
        root.put("frames", statistics.frames());
        root.put("fps", frameRate);
        root.put("features", KeypointLayout.FEATURES);
        ObjectNode found = root.putObject("found");
        found.put("pose", statistics.poseFraction());
        found.put("face", statistics.faceFraction());
        found.put("left_hand", statistics.leftHandFraction());
        found.put("right_hand", statistics.rightHandFraction());
        found.put("any_hand", statistics.anyHandFraction());
        ObjectNode medians = root.putObject("median_ms");
        for (Map.Entry<Stage, Double> entry : statistics.medianMillis().entrySet()) {
            medians.put(entry.getKey().name().toLowerCase(Locale.ROOT), round(entry.getValue()));
        }
        root.put("processing_fps", round(summary.framesPerSecond()));
        mapper.writeValue(json.toFile(), root);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /**
     * Returns a file's name without its extension.
     *
     * @param file the file
     * @return the base name
     */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** Encodes BGR frames into an MP4 file. */
    static final class OverlayWriter implements AutoCloseable {

        private final Path file;
        private final double frameRate;
        private FFmpegFrameRecorder recorder;

        OverlayWriter(Path file, double frameRate) {
            this.file = file;
            this.frameRate = frameRate > 0 ? frameRate : 30;
        }

        void write(Frame frame) {
            try {
                if (recorder == null) {
                    recorder = start(frame.width() & ~1, frame.height() & ~1);
                }
                org.bytedeco.javacv.Frame out = new org.bytedeco.javacv.Frame(frame.width(), frame.height(),
                        org.bytedeco.javacv.Frame.DEPTH_UBYTE, 3, frame.width() * 3);
                ((ByteBuffer) out.image[0]).put(frame.bgr());
                recorder.record(out, avutil.AV_PIX_FMT_BGR24);
            } catch (FrameRecorder.Exception e) {
                throw new GestureLabException("Cannot write the overlay video " + file + ": " + e.getMessage(), e);
            }
        }

        private FFmpegFrameRecorder start(int width, int height) throws FrameRecorder.Exception {
            FFmpegFrameRecorder started = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
            started.setFormat("mp4");
            started.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            started.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            started.setFrameRate(frameRate);
            started.setVideoQuality(3);
            started.start();
            return started;
        }

        @Override
        public void close() {
            if (recorder != null) {
                try {
                    recorder.stop();
                    recorder.release();
                } catch (FrameRecorder.Exception e) {
                    throw new GestureLabException("Cannot finish the overlay video " + file + ": " + e.getMessage(),
                            e);
                }
            }
        }
    }
}

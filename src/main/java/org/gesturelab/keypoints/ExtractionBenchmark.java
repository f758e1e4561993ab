package org.gesturelab.keypoints;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.Frame;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.mediapipe.MediaPipeModel;
import org.gesturelab.mediapipe.ModelDirectory;
import org.gesturelab.mediapipe.OnnxRuntimeModel;
import org.gesturelab.mediapipe.TfliteReference;
import org.gesturelab.core.TaskMonitor;

/**
 * Times the full Holistic pipeline over a stream (end-to-end frames per second, median milliseconds per stage,
 * resident memory at the start and end) and compares its models' time per frame with the same models on the
 * TensorFlow Lite reference runtime (one thread, XNNPACK): each model runs on crops of a sample of the same frames,
 * ONNX Runtime and TFLite interleaved, so that both see the same inputs and the same machine load.
 */
public final class ExtractionBenchmark {

    private static final int WARMUP_FRAMES = 10;

    private ExtractionBenchmark() {
    }

    /**
     * Latency of one model per runtime.
     *
     * @param model the model
     * @param callsPerFrame how often the pipeline ran it per frame
     * @param pipelineMillis median ONNX Runtime forward time inside the running pipeline
     * @param onnxMillis median ONNX Runtime time replaying the sampled crops
     * @param tfliteMillis median TFLite time on the same crops, interleaved with the ONNX Runtime replay
     */
    public record ModelLatency(MediaPipeModel model, double callsPerFrame, double pipelineMillis, double onnxMillis,
            double tfliteMillis) {
    }

    /**
     * What the benchmark measured.
     *
     * @param source what was read
     * @param live whether the source was live (frames may be dropped)
     * @param frames frames processed
     * @param dropped frames a live source dropped
     * @param seconds wall time of the run
     * @param framesPerSecond processed frames per second, end to end
     * @param stageMedians median milliseconds per stage
     * @param models per-model latencies
     * @param pipelineModelMillisPerFrame model time per frame on ONNX Runtime inside the running pipeline
     * @param onnxModelMillisPerFrame model time per frame on ONNX Runtime, replayed beside TFLite
     * @param tfliteModelMillisPerFrame model time per frame on TFLite for the same calls
     * @param rssStartMb resident memory after warm-up, MiB (-1 when unknown)
     * @param rssEndMb resident memory at the end, MiB
     * @param poseFraction fraction of frames with a pose
     * @param rssSamples resident memory in MiB at each tenth of the run, after warm-up
     * @param cpuSeconds CPU seconds of the decode, pose and hands-and-face threads
     * @param projectedFramesPerSecond the rate two idle cores would reach, from the CPU times
     */
    public record Result(String source, boolean live, long frames, long dropped, double seconds,
            double framesPerSecond, Map<Stage, Double> stageMedians, List<ModelLatency> models,
            double pipelineModelMillisPerFrame, double onnxModelMillisPerFrame, double tfliteModelMillisPerFrame, double rssStartMb, double rssEndMb,
            double poseFraction, List<Double> rssSamples, double[] cpuSeconds,
            double projectedFramesPerSecond) {

        /** Returns ONNX Runtime model time over TFLite model time (below 1: faster than TFLite). */
        public double ratioVsTflite() {
            return tfliteModelMillisPerFrame > 0 ? onnxModelMillisPerFrame / tfliteModelMillisPerFrame : Double.NaN;
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param pipeline a loaded pipeline
     * @param source the frames (a looping file or a live source); not closed here
     * @param frames how many frames to read
     * @param tfliteSample how many processed frames to replay on TFLite (0 to skip)
     * @param modelDir the model directory holding the {@code .tflite} originals, or null for the default
     * @param monitor progress and cancel
     * @return the measurements
     */
    public static Result run(HolisticPipeline pipeline, FrameSource source, long frames, int tfliteSample,
            Path modelDir, TaskMonitor monitor) {
        StageStatistics statistics = new StageStatistics();
        List<Frame> sampleFrames = new ArrayList<>();
        List<FrameKeypoints> sampleKeypoints = new ArrayList<>();
        double[] rssStart = {-1};
        long[] seen = {0};
        List<Double> rssSamples = new ArrayList<>();
        long sampleEvery = Math.max(1, frames / 10);
        HolisticPipeline.RunSummary summary = pipeline.run(source, frames, (frame, keypoints) -> {
            seen[0]++;
            if (seen[0] == WARMUP_FRAMES) {
                rssStart[0] = residentMegabytes();
            }
            if (seen[0] >= WARMUP_FRAMES && (seen[0] - WARMUP_FRAMES) % sampleEvery == 0) {
                rssSamples.add(residentMegabytes());
            }
            statistics.add(keypoints);
            if (sampleFrames.size() < tfliteSample && seen[0] > WARMUP_FRAMES / 2) {
                sampleFrames.add(frame);
                sampleKeypoints.add(keypoints);
            }
        }, monitor);
        double rssEnd = residentMegabytes();
        ModelTimes onnx = pipeline.modelTimes();
        Map<MediaPipeModel, double[]> replay = tfliteSample > 0 && !sampleFrames.isEmpty()
                ? replayMedians(onnx.models(), sampleFrames, sampleKeypoints, ModelDirectory.resolve(modelDir))
                : Map.of();
        List<ModelLatency> latencies = new ArrayList<>();
        double onnxPerFrame = 0;
        double replayOnnxPerFrame = 0;
        double tflitePerFrame = 0;
        long processed = Math.max(1, summary.framesProcessed());
        for (MediaPipeModel model : onnx.models()) {
            double callsPerFrame = (double) onnx.calls(model) / processed;
            double onnxMedian = onnx.medianMillis(model);
            double[] replayed = replay.getOrDefault(model, new double[] {Double.NaN, Double.NaN});
            latencies.add(new ModelLatency(model, callsPerFrame, onnxMedian, replayed[0], replayed[1]));
            onnxPerFrame += callsPerFrame * onnxMedian;
            if (!Double.isNaN(replayed[1])) {
                replayOnnxPerFrame += callsPerFrame * replayed[0];
                tflitePerFrame += callsPerFrame * replayed[1];
            }
        }
        return new Result(source.description(), source.live(), summary.framesProcessed(), summary.framesDropped(),
                summary.seconds(), summary.framesPerSecond(), statistics.medianMillis(), latencies, onnxPerFrame,
                replay.isEmpty() ? Double.NaN : replayOnnxPerFrame, replay.isEmpty() ? Double.NaN : tflitePerFrame, rssStart[0], rssEnd, statistics.poseFraction(),
                List.copyOf(rssSamples), summary.cpuSeconds(), summary.projectedFramesPerSecondOnTwoCores());
    }

    /**
     * Runs every model the pipeline used on ONNX Runtime and on TFLite, interleaved, on crops of the sampled frames
     * cut as the pipeline cuts them: both runtimes then see the same inputs under the same machine load.
     *
     * @return per model, {ONNX Runtime median, TFLite median} in milliseconds
     */
    private static Map<MediaPipeModel, double[]> replayMedians(List<MediaPipeModel> models, List<Frame> frames,
            List<FrameKeypoints> keypoints, Path modelDir) {
        Map<MediaPipeModel, double[]> medians = new LinkedHashMap<>();
        for (MediaPipeModel model : models) {
            Path tfliteFile = modelDir.resolve(model.tfliteFileName());
            Path onnxFile = modelDir.resolve(model.onnxFileName());
            if (!Files.isRegularFile(tfliteFile) || !Files.isRegularFile(onnxFile)) {
                continue;
            }
            List<Double> onnxMillis = new ArrayList<>();
            List<Double> tfliteMillis = new ArrayList<>();
            try (TfliteReference tflite = TfliteReference.open(tfliteFile);
                    OnnxRuntimeModel onnx = OnnxRuntimeModel.open(onnxFile)) {
                for (int i = 0; i < frames.size(); i++) {
                    try (FrameImage image = new FrameImage(frames.get(i))) {
                        for (float[] input : inputs(model, image, keypoints.get(i))) {
                            onnx.run(input);
                            long start = System.nanoTime();
                            onnx.run(input);
                            onnxMillis.add((System.nanoTime() - start) / 1e6);
                            tflite.run(input);
                            start = System.nanoTime();
                            tflite.run(input);
                            tfliteMillis.add((System.nanoTime() - start) / 1e6);
                        }
                    }
                }
            } catch (IOException e) {
                throw new GestureLabException("Cannot replay " + model.artifactId() + " for the comparison: "
                        + e.getMessage(), e);
            }
            if (!onnxMillis.isEmpty()) {
                medians.put(model, new double[] {StageStatistics.median(onnxMillis),
                    StageStatistics.median(tfliteMillis)});
            }
        }
        return medians;
    }

    /** The inputs the pipeline gave a model on one frame, rebuilt from the frame's result. */
    private static List<float[]> inputs(MediaPipeModel model, FrameImage image, FrameKeypoints keypoints) {
        int width = image.width();
        int height = image.height();
        double side = Math.max(width, height);
        Roi whole = new Roi(width / 2.0, height / 2.0, side, side, 0);
        float[] pose = keypoints.pose();
        List<float[]> inputs = new ArrayList<>();
        switch (model) {
            case POSE_DETECTION -> inputs.add(image.crop(whole, 224, 224, -1, 1, true));
            case POSE_LANDMARK_LITE, POSE_LANDMARK_FULL, POSE_LANDMARK_HEAVY -> {
                Roi roi = pose == null ? whole : poseRoiFromLandmarks(pose, width, height);
                inputs.add(image.crop(roi, 256, 256, 0, 1, false));
            }
            case HAND_RECROP, HAND_LANDMARK_FULL -> {
                for (int[] hand : new int[][] {HandFaceTracker.LEFT_HAND_FROM_POSE,
                        HandFaceTracker.RIGHT_HAND_FROM_POSE}) {
                    if (pose == null) {
                        continue;
                    }
                    Roi search = RoiGeometry.handSearchRoi(pose[4 * hand[0]] * width, pose[4 * hand[0] + 1] * height,
                            pose[4 * hand[1]] * width, pose[4 * hand[1] + 1] * height, pose[4 * hand[2]] * width,
                            pose[4 * hand[2] + 1] * height);
                    inputs.add(model == MediaPipeModel.HAND_RECROP ? image.crop(search, 256, 256, 0, 1, false)
                            : image.crop(search.transform(1 / 2.7, 1 / 2.7, 0, 0, true), 224, 224, 0, 1, false));
                }
            }
            case FACE_DETECTION_SHORT_RANGE -> {
                if (pose != null) {
                    inputs.add(image.crop(RoiGeometry.faceSearchRoi(pose, 4, width, height), 128, 128, -1, 1, true));
                }
            }
            case FACE_LANDMARK -> {
                Roi roi = keypoints.face() != null ? RoiGeometry.faceRoiFromMesh(keypoints.face(), width, height)
                        : pose != null ? RoiGeometry.faceSearchRoi(pose, 4, width, height) : whole;
                inputs.add(image.crop(roi, 192, 192, 0, 1, false));
            }
            default -> inputs.add(new float[0]);
        }
        inputs.removeIf(input -> input.length == 0);
        return inputs;
    }

    /** A pose rectangle around the landmarks: hip centre to the top of the head, as the tracker's would be. */
    private static Roi poseRoiFromLandmarks(float[] pose, int width, int height) {
        double hipX = (pose[4 * 23] + pose[4 * 24]) / 2 * width;
        double hipY = (pose[4 * 23 + 1] + pose[4 * 24 + 1]) / 2 * height;
        double noseX = pose[0] * width;
        double noseY = pose[1] * height;
        return RoiGeometry.poseRoi(hipX, hipY, noseX, noseY);
    }

    /**
     * Returns this process's resident memory in MiB from {@code /proc/self/status}, or -1 where there is none.
     *
     * @return resident set size in MiB
     */
    public static double residentMegabytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.trim().split("\\s+");
                    return Long.parseLong(parts[1]) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Returns the stage medians with lower-case names, for reports.
     *
     * @param medians stage medians
     * @return name to milliseconds, in stage order
     */
    public static Map<String, Double> named(Map<Stage, Double> medians) {
        Map<String, Double> named = new LinkedHashMap<>();
        for (Map.Entry<Stage, Double> entry : new EnumMap<>(medians).entrySet()) {
            named.put(entry.getKey().name().toLowerCase(java.util.Locale.ROOT), entry.getValue());
        }
        return named;
    }
}

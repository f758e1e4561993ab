package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.keypoints.ExtractionBenchmark;
import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab bench extract}: the full Holistic pipeline over N frames of a video (looped) or a live source,
 * with end-to-end frames per second, median milliseconds per stage, memory, and the models' time against the
 * TensorFlow Lite reference runtime.
 */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = "Time the full keypoint pipeline (pose, face, both hands) over a video, looped to N frames, or "
                + "over a live source (testsrc[:WxH@FPS] or camera:N); compare its model time with TensorFlow Lite.")
public final class ExtractBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "VIDEO", description = "A video file (looped), testsrc[:WxH@FPS] or camera:N.")
    private String video;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "300",
            description = "Frames to read (default: ${DEFAULT-VALUE}).")
    private long frames;

    @Option(names = "--tflite-frames", paramLabel = "N", defaultValue = "30",
            description = "Processed frames replayed on TensorFlow Lite for the comparison; 0 skips it "
                    + "(default: ${DEFAULT-VALUE}).")
    private int tfliteFrames;

    @CommandLine.Mixin
    private HolisticModelOptions holistic = new HolisticModelOptions();

    @Option(names = "--json", description = "Print one JSON object instead of a report.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        if (frames < 1 || tfliteFrames < 0) {
            throw new GestureLabException("--frames must be at least 1 and --tflite-frames at least 0.");
        }
        HolisticOptions options = holistic.holisticOptions();
        ExtractionBenchmark.Result result;
        try (HolisticPipeline pipeline = new HolisticPipeline(options);
                FrameSource source = open(video);
                ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            result = ExtractionBenchmark.run(pipeline, source, frames, tfliteFrames, holistic.models,
                    (message, done, total) -> progress.update("Benchmark", done, frames));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? toJson(result) : report(result));
        out.flush();
        return 0;
    }

    private static FrameSource open(String spec) {
        if (spec.startsWith("testsrc") || spec.startsWith("camera:")) {
            return FrameSources.open(spec);
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new GestureLabException("No such video: " + spec + ". Give a video file, testsrc or camera:N.");
        }
        return FrameSources.looping(file);
    }

    static String toJson(ExtractionBenchmark.Result result) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("source", result.source());
        root.put("live", result.live());
        root.put("frames", result.frames());
        root.put("dropped", result.dropped());
        putRounded(root, "seconds", result.seconds());
        putRounded(root, "fps", result.framesPerSecond());
        putRounded(root, "fps_projected_two_idle_cores", result.projectedFramesPerSecond());
        ObjectNode cpu = root.putObject("cpu_seconds");
        putRounded(cpu, "decode", result.cpuSeconds()[0]);
        putRounded(cpu, "pose", result.cpuSeconds()[1]);
        putRounded(cpu, "hands_face", result.cpuSeconds()[2]);
        putRounded(root, "ratio_vs_tflite", result.ratioVsTflite());
        putRounded(root, "model_ms_per_frame_in_pipeline", result.pipelineModelMillisPerFrame());
        putRounded(root, "model_ms_per_frame_onnx", result.onnxModelMillisPerFrame());
        putRounded(root, "model_ms_per_frame_tflite", result.tfliteModelMillisPerFrame());
        putRounded(root, "pose_found", result.poseFraction());
        putRounded(root, "rss_mb_start", result.rssStartMb());
        putRounded(root, "rss_mb_end", result.rssEndMb());
        var samples = root.putArray("rss_mb_samples");
        result.rssSamples().forEach(mb -> samples.add(Double.isFinite(mb) ? round(mb) : null));
        root.put("cpus", Runtime.getRuntime().availableProcessors());
        ObjectNode stages = root.putObject("stage_median_ms");
        for (Map.Entry<String, Double> entry : ExtractionBenchmark.named(result.stageMedians()).entrySet()) {
            stages.put(entry.getKey(), round(entry.getValue()));
        }
        ObjectNode modelsNode = root.putObject("models");
        for (ExtractionBenchmark.ModelLatency latency : result.models()) {
            ObjectNode model = modelsNode.putObject(latency.model().artifactId());
            putRounded(model, "calls_per_frame", latency.callsPerFrame());
            putRounded(model, "in_pipeline_ms", latency.pipelineMillis());
            putRounded(model, "onnx_ms", latency.onnxMillis());
            putRounded(model, "tflite_ms", latency.tfliteMillis());
        }
        return mapper.writeValueAsString(root);
    }

    private static String report(ExtractionBenchmark.Result result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %d frames in %.1f s = %.1f fps end to end%s%n", result.source(),
                result.frames(), result.seconds(), result.framesPerSecond(),
                result.live() ? " (live; " + result.dropped() + " frames dropped)" : ""));
        text.append(String.format(Locale.ROOT, "CPU ms per frame: decode %.1f, pose %.1f, hands and face %.1f; "
                + "projected on two idle cores: %.1f fps%n", 1000 * result.cpuSeconds()[0] / result.frames(),
                1000 * result.cpuSeconds()[1] / result.frames(), 1000 * result.cpuSeconds()[2] / result.frames(),
                result.projectedFramesPerSecond()));
        text.append("Median ms per stage:");
        ExtractionBenchmark.named(result.stageMedians()).forEach((stage, ms) ->
                text.append(String.format(Locale.ROOT, " %s %.1f", stage, ms)));
        text.append(String.format(Locale.ROOT, "%n%-28s %8s %12s %10s %10s%n", "model", "calls/fr", "pipeline ms",
                "onnx ms", "tflite ms"));
        for (ExtractionBenchmark.ModelLatency latency : result.models()) {
            text.append(String.format(Locale.ROOT, "%-28s %8.2f %12.2f %10.2f %10.2f%n", latency.model().artifactId(),
                    latency.callsPerFrame(), latency.pipelineMillis(), latency.onnxMillis(), latency.tfliteMillis()));
        }
        text.append(String.format(Locale.ROOT,
                "Model time per frame on the same crops, interleaved: ONNX Runtime %.1f ms, TFLite %.1f ms, "
                        + "ratio %.2f (inside the running pipeline: %.1f ms)%n",
                result.onnxModelMillisPerFrame(), result.tfliteModelMillisPerFrame(), result.ratioVsTflite(),
                result.pipelineModelMillisPerFrame()));
        text.append(String.format(Locale.ROOT, "Resident memory: %.0f MiB after warm-up, %.0f MiB at the end; "
                + "every tenth of the run:", result.rssStartMb(), result.rssEndMb()));
        result.rssSamples().forEach(mb -> text.append(String.format(Locale.ROOT, " %.0f", mb)));
        text.append(String.format(Locale.ROOT, "%n"));
        text.append(String.format(Locale.ROOT, "Pose found in %.0f%% of frames; %d CPUs", 100 * result.poseFraction(),
                Runtime.getRuntime().availableProcessors()));
        return text.toString();
    }

    /** Puts a rounded number, or JSON null when it is not finite (strict JSON has no NaN). */
    private static void putRounded(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, round(value));
        } else {
            node.putNull(key);
        }
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : Double.NaN;
    }
}

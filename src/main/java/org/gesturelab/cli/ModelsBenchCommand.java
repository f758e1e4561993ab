package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.ModelBenchmark;
import org.gesturelab.mediapipe.ModelDirectory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gesturelab bench models}: median one-thread latency of every installed model on ONNX Runtime (DJL) and on
 * TensorFlow Lite + XNNPACK, interleaved, with their ratio and its geometric mean.
 */
@Command(
        name = "models",
        mixinStandardHelpOptions = true,
        description = "Time each installed MediaPipe model on ONNX Runtime and on TensorFlow Lite (one thread).")
public final class ModelsBenchCommand implements Callable<Integer> {

    /** The goal for the geometric-mean ratio. */
    static final double GOAL = 1.3;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = ModelDirectory.OPTION_DESCRIPTION)
    private Path dir;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    private boolean json;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "50",
            description = "Timed inferences per model and runtime (default: ${DEFAULT-VALUE}).")
    private int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "10",
            description = "Untimed inferences first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Override
    public Integer call() throws IOException {
        if (iterations < 1 || warmup < 0) {
            throw new GestureLabException("--iterations must be at least 1 and --warmup at least 0.");
        }
        Path directory = ModelDirectory.resolve(dir);
        ModelBenchmark.Result result;
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            result = ModelBenchmark.run(directory, warmup, iterations, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(result));
        } else {
            printTable(out, result);
        }
        out.flush();
        return 0;
    }

    static String toJson(ModelBenchmark.Result result) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("directory", result.directory().toString());
        root.put("threads", 1);
        root.put("iterations", result.iterations());
        ObjectNode models = root.putObject("models");
        for (ModelBenchmark.Latency latency : result.models()) {
            ObjectNode model = models.putObject(latency.model());
            model.put("onnxRuntimeMs", round(latency.onnxRuntimeMillis()));
            model.put("tfliteMs", round(latency.tfliteMillis()));
            model.put("ratio", round(latency.ratio()));
        }
        root.put("geometricMeanRatio", round(result.geometricMeanRatio()));
        root.put("goal", GOAL);
        root.putPOJO("missing", result.missing());
        return mapper.writeValueAsString(root);
    }

    private static void printTable(PrintWriter out, ModelBenchmark.Result result) {
        out.printf(Locale.ROOT, "Median latency, one thread, %d runs each (%s)%n", result.iterations(),
                result.directory());
        out.printf(Locale.ROOT, "%-28s %14s %11s %7s%n", "model", "ONNX Runtime", "TFLite", "ratio");
        for (ModelBenchmark.Latency latency : result.models()) {
            out.printf(Locale.ROOT, "%-28s %11.2f ms %8.2f ms %7.2f%n", latency.model(),
                    latency.onnxRuntimeMillis(), latency.tfliteMillis(), latency.ratio());
        }
        double mean = result.geometricMeanRatio();
        out.printf(Locale.ROOT, "Geometric mean ratio: %.2f (goal: at most %.1f)%s%n", mean, GOAL,
                mean <= GOAL ? "" : "  ABOVE GOAL");
        if (!result.missing().isEmpty()) {
            out.println("Not installed: " + String.join(", ", result.missing()));
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

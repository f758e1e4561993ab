package org.gesturelab.mediapipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;

/**
 * Measures, per installed model, the median latency of one inference on one thread with ONNX Runtime (through DJL,
 * the product path) and with TensorFlow Lite + XNNPACK (the reference), interleaved in one run so both see the same
 * machine load. Inputs are {@link SyntheticImages}; each timing includes copying the input in and the outputs out.
 */
public final class ModelBenchmark {

    private ModelBenchmark() {
    }

    /**
     * One model's figures.
     *
     * @param model the artifact id
     * @param onnxRuntimeMillis median milliseconds per inference on ONNX Runtime
     * @param tfliteMillis median milliseconds per inference on TensorFlow Lite
     */
    public record Latency(String model, double onnxRuntimeMillis, double tfliteMillis) {

        /** Returns ONNX Runtime's latency over TensorFlow Lite's: below 1 means ONNX Runtime is faster. */
        public double ratio() {
            return onnxRuntimeMillis / tfliteMillis;
        }
    }

    /**
     * The figures of one benchmark run.
     *
     * @param directory the model directory
     * @param iterations timed inferences per model and runtime
     * @param models one entry per installed model, in catalogue order
     * @param missing models of the catalogue that are not installed
     */
    public record Result(Path directory, int iterations, List<Latency> models, List<String> missing) {

        /** Copies the lists. */
        public Result {
            models = List.copyOf(models);
            missing = List.copyOf(missing);
        }

        /** Returns the geometric mean of the per-model ratios. */
        public double geometricMeanRatio() {
            return Math.exp(models.stream().mapToDouble(m -> Math.log(m.ratio())).average().orElse(0));
        }
    }

    /**
     * Runs the benchmark over every model installed in a directory.
     *
     * @param directory the model directory, with {@code ID.tflite} and {@code ID.onnx} per model
     * @param warmup untimed inferences per model and runtime
     * @param iterations timed inferences per model and runtime
     * @param monitor progress and cancellation
     * @return the figures
     * @throws IOException if a model cannot be loaded
     * @throws GestureLabException if no model is installed there
     */
    public static Result run(Path directory, int warmup, int iterations, TaskMonitor monitor) throws IOException {
        if (iterations < 1 || warmup < 0) {
            throw new IllegalArgumentException("iterations must be positive and warmup not negative");
        }
        List<MediaPipeModel> installed = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (MediaPipeModel model : MediaPipeModel.values()) {
            if (Files.isRegularFile(directory.resolve(model.tfliteFileName()))
                    && Files.isRegularFile(directory.resolve(model.onnxFileName()))) {
                installed.add(model);
            } else {
                missing.add(model.artifactId());
            }
        }
        if (installed.isEmpty()) {
            throw new GestureLabException("No models installed in " + directory
                    + ". Run 'gesturelab models install' first (or pass --dir with the folder that holds them).");
        }
        List<Latency> results = new ArrayList<>();
        long total = (long) installed.size() * (warmup + iterations);
        long done = 0;
        for (MediaPipeModel model : installed) {
            monitor.checkCancelled();
            try (TfliteReference tflite = TfliteReference.open(directory.resolve(model.tfliteFileName()));
                    OnnxRuntimeModel onnx = OnnxRuntimeModel.open(directory.resolve(model.onnxFileName()))) {
                float[][] inputs = new float[tflite.inputs().size()][];
                for (int i = 0; i < inputs.length; i++) {
                    inputs[i] = SyntheticImages.nhwc(tflite.inputs().get(i).shape(), i + 1);
                }
                for (int i = 0; i < warmup; i++) {
                    onnx.run(inputs);
                    tflite.run(inputs);
                    monitor.update("Warming up " + model.artifactId(), ++done, total);
                }
                double[] onnxMillis = new double[iterations];
                double[] tfliteMillis = new double[iterations];
                for (int i = 0; i < iterations; i++) {
                    monitor.checkCancelled();
                    // Alternate which runtime goes first so neither always inherits the other's warm caches.
                    if (i % 2 == 0) {
                        onnxMillis[i] = time(() -> onnx.run(inputs));
                        tfliteMillis[i] = time(() -> tflite.run(inputs));
                    } else {
                        tfliteMillis[i] = time(() -> tflite.run(inputs));
                        onnxMillis[i] = time(() -> onnx.run(inputs));
                    }
                    monitor.update("Timing " + model.artifactId(), ++done, total);
                }
                results.add(new Latency(model.artifactId(), median(onnxMillis), median(tfliteMillis)));
            }
        }
        return new Result(directory, iterations, results, missing);
    }

    private static double time(Runnable inference) {
        long start = System.nanoTime();
        inference.run();
        return (System.nanoTime() - start) / 1e6;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

package org.gesturelab.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import ai.djl.ModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import org.gesturelab.GestureLabException;
import org.gesturelab.models.ModelPackage.PackagedModel;
import org.gesturelab.models.VerificationImages.RgbImage;
import org.gesturelab.models.zoo.GestureLabModelZoo;
import org.gesturelab.task.TaskMonitor;

/**
 * Checks the installed models: runs every ONNX model through DJL's OnnxRuntime engine (via the model zoo) and the
 * original {@code .tflite} through the TensorFlow Lite runtime on the same pictures, and compares each output.
 *
 * <p>A model passes when, for every output, the largest absolute difference is at most {@link #TOLERANCE} of the
 * output's range (largest minus smallest reference value over all pictures).
 */
public final class ModelVerifier {

    /** The largest allowed difference, as a fraction of an output's range. */
    public static final double TOLERANCE = 1e-3;
    /** Models whose input MediaPipe scales to [-1, 1]; the others take [0, 1]. */
    private static final Set<MediaPipeModel> SIGNED_INPUT = Set.of(MediaPipeModel.POSE_DETECTION,
            MediaPipeModel.FACE_DETECTION_SHORT_RANGE);

    /** How a model fared. */
    public enum Verdict {
        /** Every output within tolerance. */
        PASSED,
        /** An output differs by more than the tolerance. */
        DIFFERS,
        /** Not installed. */
        MISSING,
        /** A file does not match its SHA-256. */
        CHECKSUM,
        /** A runtime could not load or run it. */
        FAILED
    }

    /**
     * One output of one model, compared over all pictures.
     *
     * @param output the output's name
     * @param shape its shape
     * @param maxAbsDiff the largest absolute difference between ONNX Runtime and TFLite
     * @param range the reference output's range over all pictures (largest minus smallest value; for a constant
     *     output its magnitude, at least 1)
     * @param relativeDiff {@code maxAbsDiff / range}
     */
    public record OutputComparison(String output, int[] shape, double maxAbsDiff, double range,
            double relativeDiff) {

        /** Returns whether the difference is within {@link #TOLERANCE}. */
        public boolean passed() {
            return relativeDiff <= TOLERANCE;
        }
    }

    /**
     * One model's result.
     *
     * @param artifactId the model
     * @param verdict how it fared
     * @param detail why it did not pass; empty when it did
     * @param outputs the comparisons, one per output (empty unless it ran)
     */
    public record ModelVerification(String artifactId, Verdict verdict, String detail,
            List<OutputComparison> outputs) {
    }

    /**
     * The whole check.
     *
     * @param directory the model directory
     * @param inputs what the pictures were, for a person to read
     * @param pictures how many pictures each model saw
     * @param models one result per model
     */
    public record VerificationReport(Path directory, String inputs, int pictures, List<ModelVerification> models) {

        /** Returns whether every model passed. */
        public boolean passed() {
            return models.stream().allMatch(m -> m.verdict() == Verdict.PASSED);
        }
    }

    /**
     * Verifies every model of {@link ModelPackage#HOLISTIC} in a model directory.
     *
     * @param directory the model directory
     * @param images the pictures to run, each scaled to every model's input size
     * @param inputs what the pictures are, for the report
     * @param monitor progress (one unit per model) and cancellation
     * @return the report
     */
    public VerificationReport verify(Path directory, List<RgbImage> images, String inputs, TaskMonitor monitor) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("No pictures to verify with");
        }
        Path dir = directory.toAbsolutePath().normalize();
        Optional<ModelManifest> manifest = readManifest(dir);
        List<PackagedModel> models = ModelPackage.HOLISTIC.models();
        List<ModelVerification> results = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            PackagedModel model = models.get(i);
            monitor.checkCancelled();
            monitor.update("Verifying " + model.artifactId(), i, models.size());
            results.add(verifyModel(dir, model, manifest, images));
        }
        monitor.update("Verified", models.size(), models.size());
        return new VerificationReport(dir, inputs, images.size(), results);
    }

    private static ModelVerification verifyModel(Path dir, PackagedModel model, Optional<ModelManifest> manifest,
            List<RgbImage> images) {
        String id = model.artifactId();
        if (manifest.isEmpty() || !Files.isRegularFile(dir.resolve(model.tfliteFileName()))
                || !Files.isRegularFile(dir.resolve(model.onnxFileName()))) {
            return new ModelVerification(id, Verdict.MISSING, "not installed in " + dir
                    + ": run 'gesturelab models install'", List.of());
        }
        String problem = ModelInstaller.modelProblem(dir, model, manifest.get());
        if (problem != null) {
            return new ModelVerification(id, Verdict.CHECKSUM, problem + ": run 'gesturelab models install' again",
                    List.of());
        }
        try {
            List<OutputComparison> outputs = compare(dir, MediaPipeModel.fromArtifactId(id), images);
            boolean passed = outputs.stream().allMatch(OutputComparison::passed);
            return new ModelVerification(id, passed ? Verdict.PASSED : Verdict.DIFFERS,
                    passed ? "" : "an output differs from TFLite by more than " + TOLERANCE + " of its range",
                    outputs);
        } catch (IOException | ModelException | TranslateException | RuntimeException e) {
            if (e instanceof org.gesturelab.task.CancelledException cancelled) {
                throw cancelled;
            }
            return new ModelVerification(id, Verdict.FAILED, e.toString(), List.of());
        }
    }

    private static List<OutputComparison> compare(Path dir, MediaPipeModel model, List<RgbImage> images)
            throws IOException, ModelException, TranslateException {
        Criteria<NDList, NDList> criteria = Criteria.builder()
                .setTypes(NDList.class, NDList.class)
                .optGroupId(GestureLabModelZoo.GROUP_ID)
                .optArtifactId(model.artifactId())
                .optArgument(GestureLabModelZoo.MODEL_DIR, dir)
                .build();
        try (TfliteReference tflite = TfliteReference.open(dir.resolve(model.tfliteFileName()));
                ZooModel<NDList, NDList> onnx = criteria.loadModel();
                Predictor<NDList, NDList> predictor = onnx.newPredictor()) {
            if (tflite.inputs().size() != 1) {
                throw new GestureLabException(model.artifactId() + " has " + tflite.inputs().size()
                        + " inputs; verify expects one image input");
            }
            int[] inputShape = tflite.inputs().get(0).shape();
            int size = inputShape[1];
            if (inputShape.length != 4 || inputShape[2] != size || inputShape[3] != 3) {
                throw new GestureLabException(model.artifactId() + " input " + Arrays.toString(inputShape)
                        + " is not a square RGB image");
            }
            float low = SIGNED_INPUT.contains(model) ? -1f : 0f;
            Map<String, float[][]> expected = new HashMap<>();
            Map<String, float[][]> actual = new HashMap<>();
            for (int p = 0; p < images.size(); p++) {
                float[] input = images.get(p).toInput(size, low, 1f);
                List<NamedTensor> reference = tflite.run(input);
                try (NDManager manager = NDManager.newBaseManager(OrtSessionSettings.ENGINE)) {
                    NDList outputs = predictor.predict(new NDList(manager.create(input,
                            new Shape(1, size, size, 3))));
                    for (int i = 0; i < reference.size(); i++) {
                        NamedTensor want = reference.get(i);
                        float[] got = byName(outputs, want.name(), i).toFloatArray();
                        if (got.length != want.data().length) {
                            throw new GestureLabException(model.artifactId() + " " + want.name() + ": ONNX gives "
                                    + got.length + " values, TFLite " + want.data().length);
                        }
                        expected.computeIfAbsent(want.name(), n -> new float[images.size()][])[p] = want.data();
                        actual.computeIfAbsent(want.name(), n -> new float[images.size()][])[p] = got;
                    }
                }
            }
            List<OutputComparison> comparisons = new ArrayList<>();
            for (TensorSpec output : tflite.outputs()) {
                // All pictures side by side, so the range is that of the output over every picture.
                TensorComparison comparison = TensorComparison.of(stacked(output.name(), expected),
                        stacked(output.name(), actual));
                comparisons.add(new OutputComparison(output.name(), output.shape(),
                        comparison.maxAbsoluteDifference(), comparison.scale(), comparison.relativeDifference()));
            }
            return comparisons;
        }
    }

    private static NDArray byName(NDList outputs, String name, int index) {
        NDArray named = outputs.get(name);
        return named != null ? named : outputs.get(index);
    }

    private static Optional<ModelManifest> readManifest(Path dir) {
        Path file = dir.resolve(ModelDirectory.MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelManifest.read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static NamedTensor stacked(String name, Map<String, float[][]> byOutput) {
        float[][] pictures = byOutput.get(name);
        int length = pictures[0].length;
        float[] all = new float[pictures.length * length];
        for (int p = 0; p < pictures.length; p++) {
            System.arraycopy(pictures[p], 0, all, p * length, length);
        }
        return new NamedTensor(name, new int[] {pictures.length, length}, all);
    }
}

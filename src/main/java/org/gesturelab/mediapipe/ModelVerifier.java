package org.gesturelab.mediapipe;

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
import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.convert.NamedTensor;
import org.gesturelab.mediapipe.convert.TensorSpec;
import org.gesturelab.mediapipe.ModelPackage.PackagedModel;
import org.gesturelab.mediapipe.VerificationImages.RgbImage;
import org.gesturelab.core.TaskMonitor;

/**
 * Checks the installed models: runs every ONNX model through DJL's OnnxRuntime engine (via the model zoo) and the
 * original {@code .tflite} through the TensorFlow Lite runtime on the same pictures, and compares each output.
 *
 * <p>Each output is compared in the space MediaPipe consumes it ({@link OutputSpace}): the pose landmark models'
 * segmentation logits after the sigmoid that MediaPipe's {@code TensorsToSegmentationCalculator} applies, every
 * other output raw. A model passes when, for every output, the largest absolute difference is at most
 * {@link #TOLERANCE} of the output's range (largest minus smallest reference value over all pictures; for a
 * sigmoid output its value range, 1). For an output not compared raw, TFLite's own kernel spread (XNNPACK against
 * its builtin kernels, on the same pictures) is measured too: where TFLite itself does not reproduce that output
 * within the tolerance, ONNX Runtime passes when it differs by at most {@link #SPREAD_FACTOR} times TFLite's own
 * spread. The raw (pre-activation) differences are reported beside it, so that nothing the sigmoid flattens is
 * hidden. See {@code docs/decisions/0800-verify-outputs-as-mediapipe-consumes-them.md}.
 */
public final class ModelVerifier {

    /** The largest allowed difference, as a fraction of an output's range. */
    public static final double TOLERANCE = 1e-3;
    /** Models whose input MediaPipe scales to [-1, 1]; the others take [0, 1]. */
    /**
     * Where TFLite's own XNNPACK and builtin kernels disagree by more than {@link #TOLERANCE} on an output they
     * both ran, ONNX Runtime may differ from XNNPACK by up to this many times their disagreement: the same order of
     * magnitude as another TFLite kernel set, with room for the noise of a maximum over a few pictures (measured
     * ratios 0.65 to 2.6; see decision 0800).
     */
    public static final double SPREAD_FACTOR = 4.0;
    /** The position of the segmentation tensor among a pose landmark model's outputs. */
    private static final int SEGMENTATION_OUTPUT = 2;
    private static final int[] SEGMENTATION_SHAPE = {1, 256, 256, 1};
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

    /** The space in which MediaPipe consumes an output, and so the space it is compared in. */
    public enum OutputSpace {
        /** Used as the model gives it (landmarks, scores that a later step thresholds or activates itself). */
        RAW,
        /** Passed through a sigmoid into [0, 1] before anything reads it (the pose segmentation mask). */
        SIGMOID
    }

    /**
     * One output of one model, compared over all pictures in the space MediaPipe consumes it.
     *
     * @param output the output's name
     * @param shape its shape
     * @param space the space compared in
     * @param maxAbsDiff the largest absolute difference between ONNX Runtime and TFLite (XNNPACK) in that space
     * @param range the scale: for a raw output the reference's range over all pictures (largest minus smallest
     *     value; for a constant output its magnitude, at least 1), for a sigmoid output its value range, 1
     * @param relativeDiff {@code maxAbsDiff / range}
     * @param tolerance the largest {@code relativeDiff} that passes: {@link #TOLERANCE}, or where TFLite's own
     *     kernels disagree by more than that, {@link #SPREAD_FACTOR} times their disagreement
     * @param spread TFLite's own kernel spread in the same space, for outputs not compared raw; null otherwise
     * @param raw the raw (pre-activation) differences behind an output not compared raw; null otherwise
     */
    public record OutputComparison(String output, int[] shape, OutputSpace space, double maxAbsDiff, double range,
            double relativeDiff, double tolerance, KernelSpread spread, RawDifferences raw) {

        /** Returns whether the difference is within the tolerance. */
        public boolean passed() {
            return relativeDiff <= tolerance;
        }

        /** Returns whether it passed only because TFLite's own kernels disagree by more than {@link #TOLERANCE}. */
        public boolean passedWithinSpread() {
            return passed() && relativeDiff > TOLERANCE;
        }
    }

    /**
     * How far TFLite's own kernels are apart on the same pictures: the XNNPACK delegate (the reference, as
     * MediaPipe runs the models) against TFLite's builtin kernels, and ONNX Runtime against the builtin kernels.
     * That tells how closely any runtime can be expected to match the reference.
     *
     * @param xnnpackVsBuiltin largest absolute difference, TFLite with XNNPACK against TFLite's builtin kernels
     * @param onnxVsBuiltin largest absolute difference, ONNX Runtime against TFLite's builtin kernels
     */
    public record KernelSpread(double xnnpackVsBuiltin, double onnxVsBuiltin) {
    }

    /**
     * The raw (pre-activation) differences behind an output compared after an activation.
     *
     * @param range the raw reference output's range over all pictures
     * @param onnxVsXnnpack largest absolute difference, ONNX Runtime against TFLite with XNNPACK
     * @param spread the same differences as {@link KernelSpread}, on the raw values
     */
    public record RawDifferences(double range, double onnxVsXnnpack, KernelSpread spread) {
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
                    passed ? "" : "an output differs from TFLite by more than its tolerance",
                    outputs);
        } catch (IOException | ModelException | TranslateException | RuntimeException e) {
            if (e instanceof org.gesturelab.core.CancelledException cancelled) {
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
            List<OutputSpace> spaces = new ArrayList<>();
            for (int i = 0; i < tflite.outputs().size(); i++) {
                spaces.add(spaceOf(model, i, tflite.outputs().get(i)));
            }
            Map<String, float[][]> expected = new HashMap<>();
            Map<String, float[][]> actual = new HashMap<>();
            Map<String, float[][]> builtin = spaces.contains(OutputSpace.SIGMOID)
                    ? builtinOutputs(dir, model, images, size, low, spaces) : Map.of();
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
            for (int i = 0; i < tflite.outputs().size(); i++) {
                TensorSpec output = tflite.outputs().get(i);
                // All pictures side by side, so the range is that of the output over every picture.
                NamedTensor want = stacked(output.name(), expected);
                NamedTensor got = stacked(output.name(), actual);
                TensorComparison raw = TensorComparison.of(want, got);
                if (spaces.get(i) == OutputSpace.RAW) {
                    comparisons.add(new OutputComparison(output.name(), output.shape(), OutputSpace.RAW,
                            raw.maxAbsoluteDifference(), raw.scale(), raw.relativeDifference(), TOLERANCE, null,
                            null));
                    continue;
                }
                // The mask's values lie in [0, 1] whatever the pictures show, so that is its range.
                NamedTensor other = stacked(output.name(), builtin);
                NamedTensor wantMask = sigmoid(want);
                NamedTensor gotMask = sigmoid(got);
                NamedTensor otherMask = sigmoid(other);
                double difference = TensorComparison.of(wantMask, gotMask).maxAbsoluteDifference();
                KernelSpread spread = new KernelSpread(TensorComparison.of(wantMask, otherMask)
                        .maxAbsoluteDifference(), TensorComparison.of(otherMask, gotMask).maxAbsoluteDifference());
                RawDifferences rawDifferences = new RawDifferences(raw.scale(), raw.maxAbsoluteDifference(),
                        new KernelSpread(TensorComparison.of(want, other).maxAbsoluteDifference(),
                                TensorComparison.of(other, got).maxAbsoluteDifference()));
                comparisons.add(new OutputComparison(output.name(), output.shape(), OutputSpace.SIGMOID, difference,
                        1.0, difference, Math.max(TOLERANCE, SPREAD_FACTOR * spread.xnnpackVsBuiltin()), spread,
                        rawDifferences));
            }
            return comparisons;
        }
    }

    /**
     * Returns the space MediaPipe consumes an output in. Pose landmark models: output 2 is the segmentation
     * tensor, which {@code tensors_to_pose_landmarks_and_segmentation.pbtxt} decodes with
     * {@code TensorsToSegmentationCalculator} and {@code activation: SIGMOID}; every other output of every model
     * is read raw (landmark visibility and presence are activated after decoding, per value, and compared raw).
     *
     * @param model the model
     * @param index the output's position
     * @param output the output
     * @return its space
     */
    static OutputSpace spaceOf(MediaPipeModel model, int index, TensorSpec output) {
        boolean poseLandmarks = model == MediaPipeModel.POSE_LANDMARK_LITE || model == MediaPipeModel.POSE_LANDMARK_FULL
                || model == MediaPipeModel.POSE_LANDMARK_HEAVY;
        if (poseLandmarks && index == SEGMENTATION_OUTPUT) {
            if (!Arrays.equals(output.shape(), SEGMENTATION_SHAPE)) {
                throw new GestureLabException(model.artifactId() + " output " + index + " (" + output.name()
                        + ") has shape " + Arrays.toString(output.shape()) + ", not the segmentation mask's "
                        + Arrays.toString(SEGMENTATION_SHAPE));
            }
            return OutputSpace.SIGMOID;
        }
        return OutputSpace.RAW;
    }

    /** Runs the original on TFLite's builtin kernels (no XNNPACK), for the outputs not compared raw. */
    private static Map<String, float[][]> builtinOutputs(Path dir, MediaPipeModel model, List<RgbImage> images,
            int size, float low, List<OutputSpace> spaces) throws IOException {
        Map<String, float[][]> outputs = new HashMap<>();
        try (TfliteReference builtin = TfliteReference.open(dir.resolve(model.tfliteFileName()),
                TfliteReference.Kernels.BUILTIN)) {
            for (int p = 0; p < images.size(); p++) {
                List<NamedTensor> results = builtin.run(images.get(p).toInput(size, low, 1f));
                for (int i = 0; i < results.size(); i++) {
                    if (spaces.get(i) != OutputSpace.RAW) {
                        outputs.computeIfAbsent(results.get(i).name(), n -> new float[images.size()][])[p] =
                                results.get(i).data();
                    }
                }
            }
        }
        return outputs;
    }

    private static NamedTensor sigmoid(NamedTensor logits) {
        float[] values = new float[logits.data().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (1.0 / (1.0 + Math.exp(-logits.data()[i])));
        }
        return new NamedTensor(logits.name(), logits.shape(), values);
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
            // Present but unreadable is not "not installed": say which file is damaged.
            throw new GestureLabException(file + " is damaged and cannot be read (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); reinstall the models with 'gesturelab models install'.", e);
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

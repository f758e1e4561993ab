package org.gesturelab.mediapipe.convert;

import static org.gesturelab.mediapipe.convert.OnnxGraphBuilder.attribute;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.tensorflow.lite.schema.ActivationFunctionType;
import org.tensorflow.lite.schema.AddOptions;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.ConcatenationOptions;
import org.tensorflow.lite.schema.Conv2DOptions;
import org.tensorflow.lite.schema.DepthToSpaceOptions;
import org.tensorflow.lite.schema.DepthwiseConv2DOptions;
import org.tensorflow.lite.schema.FullyConnectedOptions;
import org.tensorflow.lite.schema.FullyConnectedOptionsWeightsFormat;
import org.tensorflow.lite.schema.MulOptions;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.Padding;
import org.tensorflow.lite.schema.Pool2DOptions;
import org.tensorflow.lite.schema.ReducerOptions;
import org.tensorflow.lite.schema.ResizeBilinearOptions;
import org.tensorflow.lite.schema.StridedSliceOptions;
import org.tensorflow.lite.schema.TensorType;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;

/**
 * Converts a TensorFlow Lite model to ONNX (opset 13) in pure Java.
 *
 * <p>The ONNX graph keeps the TFLite graph's input and output names and shapes (NHWC for images), so callers feed the
 * same tensors to both runtimes. Inside, four-dimensional activations run in NCHW, ONNX Runtime's native layout:
 * convolution, pooling, resize and depth-to-space weights are transposed once at conversion time, element-wise ops
 * follow the layout of their inputs, and a transpose appears only where the TFLite graph needs NHWC order (a reshape,
 * a fully connected layer, a graph output). FP16 weights behind {@code DEQUANTIZE} and sparse weights behind
 * {@code DENSIFY} are folded into float32 initializers. See {@code docs/decisions/0100-tflite-to-onnx-layout.md}.
 *
 * <p>Supported builtin operators: {@link #supportedOperators()}. Fused activations NONE, RELU, RELU6, RELU_N1_TO_1
 * and TANH are supported; SAME padding becomes explicit (possibly asymmetric) pads.
 */
public final class TfliteToOnnx {

    /**
     * The version written as the ONNX producer version. Raise it only with a change to the converter's output, and
     * re-pin every model's SHA-256 in {@link org.gesturelab.mediapipe.MediaPipeModel} with it.
     */
    public static final String CONVERTER_VERSION = "1";

    private static final Set<String> SUPPORTED = Set.of("ADD", "CONCATENATION", "CONV_2D", "DENSIFY",
            "DEPTHWISE_CONV_2D", "DEPTH_TO_SPACE", "DEQUANTIZE", "FULLY_CONNECTED", "LOGISTIC", "MAX_POOL_2D",
            "MEAN", "MUL", "PAD", "PRELU", "RELU", "RESHAPE", "RESIZE_BILINEAR", "STRIDED_SLICE");

    /** Channel padding becomes a 1x1 convolution up to this many weights (128 to 256 channels, as in palm_detection). */
    private static final long MAX_CHANNEL_PAD_WEIGHTS = 128 * 256;

    /** NHWC axis to NCHW axis. */
    private static final int[] NHWC_TO_NCHW_AXIS = {0, 2, 3, 1};
    /** Transpose permutation that turns NHWC data into NCHW. */
    private static final int[] TO_NCHW = {0, 3, 1, 2};
    /** Transpose permutation that turns NCHW data into NHWC. */
    private static final int[] TO_NHWC = {0, 2, 3, 1};
    /** {@code rw-r--r--}: what every written {@code .onnx} file gets where permissions are POSIX. */
    private static final Set<PosixFilePermission> MODEL_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private TfliteToOnnx() {
    }

    /** Returns the TFLite builtin operators the converter handles, sorted. */
    public static List<String> supportedOperators() {
        return SUPPORTED.stream().sorted().toList();
    }

    /**
     * Converts a {@code .tflite} file to an {@code .onnx} file. The output is written to a temporary file beside it
     * and moved into place, so a failure leaves no half-written model.
     *
     * @param tflite the TFLite model
     * @param onnx where to write the ONNX model
     * @return what the conversion produced
     * @throws IOException if a file cannot be read or written, or the input is not a TFLite model
     * @throws UnsupportedOperatorException if the model uses operators the converter does not handle
     */
    public static ConversionReport convert(Path tflite, Path onnx) throws IOException {
        Result result = convert(ByteBuffer.wrap(Files.readAllBytes(tflite)), tflite.getFileName().toString());
        Path parent = onnx.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = parent.resolve(onnx.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW)) {
                result.model().writeTo(out);
            }
            readableByEveryone(temporary);
            Files.move(temporary, onnx, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return result.report();
    }

    /**
     * Gives a written model the permissions of any installed file, {@code rw-r--r--}, where the file system has
     * POSIX permissions. A model is public data that every user and service account on the machine may load, and a
     * file written through a temporary file (or under a strict umask) would otherwise stay owner-only, which an
     * installation shared between accounts cannot use.
     */
    private static void readableByEveryone(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, MODEL_PERMISSIONS);
        }
    }

    /**
     * Converts a TFLite flatbuffer held in memory.
     *
     * @param flatbuffer the model bytes
     * @param source the model's name for messages, such as its file name
     * @return the ONNX model and the report
     * @throws IOException if the bytes are not a TFLite model
     * @throws UnsupportedOperatorException if the model uses operators the converter does not handle
     */
    static Result convert(ByteBuffer flatbuffer, String source) throws IOException {
        TfliteGraph graph;
        try {
            graph = new TfliteGraph(flatbuffer);
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException("Not a valid TensorFlow Lite model: " + source + " (" + e.getMessage() + ")", e);
        }
        return new Converter(graph, source).run();
    }

    /** A converted model with its report. */
    record Result(OnnxMl.ModelProto model, ConversionReport report) {
    }

    /** One conversion: walks the TFLite operators in order and emits ONNX nodes. */
    private static final class Converter {
        private final TfliteGraph tf;
        private final String source;
        private final OnnxGraphBuilder onnx;
        /** The exact ONNX name of each TFLite tensor in TFLite layout (its TFLite name when unique). */
        private final String[] canonical;
        /** The value holding each tensor in TFLite layout, or null if not produced (yet). */
        private final String[] nhwcValue;
        /** The value holding each rank-4 tensor in NCHW layout, or null. */
        private final String[] nchwValue;
        private final Map<String, Integer> tfliteCounts = new TreeMap<>();
        private final Map<Float, String> scalars = new TreeMap<>();

        Converter(TfliteGraph tf, String source) {
            this.tf = tf;
            this.source = source;
            this.onnx = new OnnxGraphBuilder(source.replaceFirst("\\.tflite$", ""));
            int count = tf.tensorCount();
            this.canonical = new String[count];
            this.nhwcValue = new String[count];
            this.nchwValue = new String[count];
            for (int t = 0; t < count; t++) {
                canonical[t] = onnx.reserve(tf.name(t)) ? tf.name(t) : onnx.uniqueName(tf.name(t));
            }
        }

        Result run() {
            refuseUnsupported();
            List<TensorSpec> inputs = new ArrayList<>();
            for (int t : tf.inputs()) {
                onnx.input(canonical[t], tf.shape(t));
                nhwcValue[t] = canonical[t];
                inputs.add(new TensorSpec(canonical[t], tf.shape(t)));
            }
            for (int i = 0; i < tf.operatorCount(); i++) {
                Operator op = tf.operator(i);
                String name = tf.operatorName(op);
                tfliteCounts.merge(name, 1, Integer::sum);
                convert(op, name);
            }
            List<TensorSpec> outputs = new ArrayList<>();
            for (int t : tf.outputs()) {
                String value = nhwc(t);
                if (!value.equals(canonical[t])) {
                    onnx.node("Identity", List.of(value), List.of(canonical[t]));
                }
                onnx.output(canonical[t], tf.shape(t));
                outputs.add(new TensorSpec(canonical[t], tf.shape(t)));
            }
            // The converter's own version, not the app's: the converted bytes are pinned by SHA-256
            // (MediaPipeModel), so nothing that changes with a release may go into them.
            OnnxMl.ModelProto model = onnx.model(CONVERTER_VERSION, "Converted from " + source + " by GestureLab");
            return new Result(model, new ConversionReport(inputs, outputs, tfliteCounts, onnx.operatorCounts(),
                    onnx.nodeCount(), tf.foldedCount()));
        }

        private void refuseUnsupported() {
            Set<String> unsupported = new LinkedHashSet<>();
            for (int i = 0; i < tf.operatorCount(); i++) {
                String name = tf.operatorName(tf.operator(i));
                if (!SUPPORTED.contains(name)) {
                    unsupported.add(name);
                }
            }
            if (!unsupported.isEmpty()) {
                throw new UnsupportedOperatorException(source, unsupported);
            }
        }

        private void convert(Operator op, String name) {
            int[] in = inputs(op);
            int out = op.outputs(0);
            switch (tf.builtinCode(op)) {
                case BuiltinOperator.DEQUANTIZE -> fold(name, in[0], out, tf.floatConstant(requireConstant(
                        name, in[0])));
                case BuiltinOperator.DENSIFY -> densify(name, in[0], out);
                case BuiltinOperator.CONV_2D -> conv(op, in, out);
                case BuiltinOperator.DEPTHWISE_CONV_2D -> depthwiseConv(op, in, out);
                case BuiltinOperator.MAX_POOL_2D -> maxPool(op, in, out);
                case BuiltinOperator.ADD -> binary("Add", in, out,
                        ((AddOptions) op.builtinOptions(new AddOptions())).fusedActivationFunction());
                case BuiltinOperator.MUL -> binary("Mul", in, out,
                        ((MulOptions) op.builtinOptions(new MulOptions())).fusedActivationFunction());
                case BuiltinOperator.CONCATENATION -> concatenation(op, in, out);
                case BuiltinOperator.PAD -> pad(in, out);
                case BuiltinOperator.PRELU -> prelu(in, out);
                case BuiltinOperator.RELU -> unary("Relu", in[0], out);
                case BuiltinOperator.LOGISTIC -> unary("Sigmoid", in[0], out);
                case BuiltinOperator.RESHAPE -> reshape(in, out);
                case BuiltinOperator.FULLY_CONNECTED -> fullyConnected(op, in, out);
                case BuiltinOperator.MEAN -> mean(op, in, out);
                case BuiltinOperator.RESIZE_BILINEAR -> resizeBilinear(op, in, out);
                case BuiltinOperator.DEPTH_TO_SPACE -> depthToSpace(op, in, out);
                case BuiltinOperator.STRIDED_SLICE -> stridedSlice(op, in, out);
                default -> throw new UnsupportedOperatorException(source, List.of(name));
            }
        }

        // ---- constants folded at conversion time ----

        private void fold(String operator, int input, int output, float[] values) {
            if (values.length != NamedTensor.elementCount(tf.shape(output))) {
                throw new IllegalStateException(operator + " of " + tf.name(input) + " gives " + values.length
                        + " values for shape " + Arrays.toString(tf.shape(output)));
            }
            tf.fold(output, values);
        }

        private void densify(String operator, int input, int output) {
            requireConstant(operator, input);
            if (tf.tensor(input).sparsity() == null) {
                fold(operator, input, output, tf.floatConstant(input));
                return;
            }
            float[] stored = tf.floatConstant(input);
            fold(operator, input, output, SparseTensors.densify(tf.shape(output), tf.tensor(input).sparsity(),
                    stored));
        }

        private int requireConstant(String operator, int tensor) {
            if (!tf.isConstant(tensor)) {
                throw new UnsupportedOperatorException(source, List.of(operator + " of a computed tensor ("
                        + tf.name(tensor) + "); only constant weights are supported"));
            }
            return tensor;
        }

        // ---- spatial operators: NCHW inside ----

        private void conv(Operator op, int[] in, int out) {
            Conv2DOptions o = (Conv2DOptions) op.builtinOptions(new Conv2DOptions());
            int weights = requireConstant("CONV_2D", in[1]);
            int[] w = tf.shape(weights); // O, KH, KW, I
            int[] x = tf.shape(in[0]); // N, H, W, C
            float[] oihw = permute(tf.floatConstant(weights), w, TO_NCHW);
            List<String> inputs = new ArrayList<>(List.of(nchw(in[0]),
                    onnx.floatConstant(canonical[weights] + "/oihw", new long[] {w[0], w[3], w[1], w[2]}, oihw)));
            addBias(inputs, in, w[0]);
            emit("Conv", inputs, out, true, o.fusedActivationFunction(), convAttributes(x, w[1], w[2], o.padding(),
                    o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor(), x[3] / w[3]));
        }

        private void depthwiseConv(Operator op, int[] in, int out) {
            DepthwiseConv2DOptions o = (DepthwiseConv2DOptions) op.builtinOptions(new DepthwiseConv2DOptions());
            int weights = requireConstant("DEPTHWISE_CONV_2D", in[1]);
            int[] w = tf.shape(weights); // 1, KH, KW, C * multiplier
            int[] x = tf.shape(in[0]);
            // Output channel c * multiplier + m reads input channel c, exactly ONNX's grouped convolution order.
            float[] weightsOihw = permute(tf.floatConstant(weights), w, new int[] {3, 0, 1, 2});
            List<String> inputs = new ArrayList<>(List.of(nchw(in[0]), onnx.floatConstant(
                    canonical[weights] + "/oihw", new long[] {w[3], 1, w[1], w[2]}, weightsOihw)));
            addBias(inputs, in, w[3]);
            emit("Conv", inputs, out, true, o.fusedActivationFunction(), convAttributes(x, w[1], w[2], o.padding(),
                    o.strideH(), o.strideW(), o.dilationHFactor(), o.dilationWFactor(), x[3]));
        }

        private static AttributeProto[] convAttributes(int[] nhwcInput, int kernelH, int kernelW, byte padding,
                int strideH, int strideW, int dilationH, int dilationW, int group) {
            return new AttributeProto[] {
                attribute("kernel_shape", new long[] {kernelH, kernelW}),
                attribute("strides", new long[] {strideH, strideW}),
                attribute("dilations", new long[] {dilationH, dilationW}),
                attribute("pads", pads(padding, nhwcInput, kernelH, kernelW, strideH, strideW, dilationH, dilationW)),
                attribute("group", (long) group),
            };
        }

        private void addBias(List<String> inputs, int[] in, int channels) {
            if (in.length > 2 && in[2] >= 0) {
                int bias = requireConstant("bias", in[2]);
                inputs.add(onnx.floatConstant(canonical[bias], new long[] {channels}, tf.floatConstant(bias)));
            }
        }

        private void maxPool(Operator op, int[] in, int out) {
            Pool2DOptions o = (Pool2DOptions) op.builtinOptions(new Pool2DOptions());
            int[] x = tf.shape(in[0]);
            // ONNX MaxPool, like TFLite, ignores padded positions instead of treating them as zeros.
            emit("MaxPool", List.of(nchw(in[0])), out, true, o.fusedActivationFunction(),
                    attribute("kernel_shape", new long[] {o.filterHeight(), o.filterWidth()}),
                    attribute("strides", new long[] {o.strideH(), o.strideW()}),
                    attribute("pads", pads(o.padding(), x, o.filterHeight(), o.filterWidth(), o.strideH(),
                            o.strideW(), 1, 1)));
        }

        private void resizeBilinear(Operator op, int[] in, int out) {
            ResizeBilinearOptions o = (ResizeBilinearOptions) op.builtinOptions(new ResizeBilinearOptions());
            int[] x = tf.shape(in[0]);
            long[] size = tf.intConstant(requireConstant("RESIZE_BILINEAR", in[1]));
            String mode = o.alignCorners() ? "align_corners" : o.halfPixelCenters() ? "half_pixel" : "asymmetric";
            String sizes = onnx.longVector(canonical[out] + "/sizes", x[0], x[3], size[0], size[1]);
            emit("Resize", List.of(nchw(in[0]), "", "", sizes), out, true, ActivationFunctionType.NONE,
                    attribute("mode", "linear"), attribute("coordinate_transformation_mode", mode));
        }

        private void depthToSpace(Operator op, int[] in, int out) {
            DepthToSpaceOptions o = (DepthToSpaceOptions) op.builtinOptions(new DepthToSpaceOptions());
            // TFLite orders the depth as (block row, block column, channel): ONNX's DCR mode.
            emit("DepthToSpace", List.of(nchw(in[0])), out, true, ActivationFunctionType.NONE,
                    attribute("blocksize", (long) o.blockSize()), attribute("mode", "DCR"));
        }

        // ---- element-wise operators: follow the input's layout ----

        private void unary(String opType, int input, int out) {
            boolean nchw = followsNchw(input);
            emit(opType, List.of(nchw ? nchw(input) : nhwc(input)), out, nchw, ActivationFunctionType.NONE);
        }

        private void binary(String opType, int[] in, int out, byte activation) {
            boolean nchw = tf.rank(out) == 4 && (followsNchw(in[0]) || followsNchw(in[1]))
                    && fitsNchw(in[0]) && fitsNchw(in[1]);
            emit(opType, List.of(operand(in[0], nchw), operand(in[1], nchw)), out, nchw, activation);
        }

        private void prelu(int[] in, int out) {
            boolean nchw = followsNchw(in[0]) && tf.isConstant(in[1]);
            if (nchw && tf.floatConstant(in[1]).length == tf.shape(in[0])[3]) {
                preluAsDepthwise(in, out);
                return;
            }
            emit("PRelu", List.of(operand(in[0], nchw), operand(in[1], nchw)), out, nchw,
                    ActivationFunctionType.NONE);
        }

        /**
         * Writes a per-channel PRelu as {@code x + (1 - alpha) * relu(-x)}: two 1x1 depthwise convolutions and an add.
         * ONNX Runtime's NCHWc layout covers those (the add fuses into the second convolution) but not PRelu, which
         * would cost a reorder out of and back into NCHWc around every PRelu.
         */
        private void preluAsDepthwise(int[] in, int out) {
            float[] alpha = tf.floatConstant(in[1]);
            int channels = alpha.length;
            float[] minusOne = new float[channels];
            float[] complement = new float[channels];
            for (int c = 0; c < channels; c++) {
                minusOne[c] = -1f;
                complement[c] = 1f - alpha[c];
            }
            long[] dims = {channels, 1, 1, 1};
            AttributeProto[] depthwise = {attribute("kernel_shape", new long[] {1, 1}),
                attribute("group", (long) channels)};
            String x = nchw(in[0]);
            String negativePart = onnx.uniqueName(canonical[out] + "/relu_neg");
            emitTo("Conv", List.of(x, onnx.floatConstant(canonical[in[1]] + "/minus_one", dims, minusOne)),
                    negativePart, ActivationFunctionType.RELU, depthwise);
            String scaled = onnx.uniqueName(canonical[out] + "/scaled");
            onnx.node("Conv", List.of(negativePart,
                    onnx.floatConstant(canonical[in[1]] + "/one_minus_alpha", dims, complement)), List.of(scaled),
                    depthwise);
            emit("Add", List.of(x, scaled), out, true, ActivationFunctionType.NONE);
        }

        private void concatenation(Operator op, int[] in, int out) {
            ConcatenationOptions o = (ConcatenationOptions) op.builtinOptions(new ConcatenationOptions());
            if (o.fusedActivationFunction() != ActivationFunctionType.NONE) {
                // TFLite's reference kernel rejects it and XNNPACK ignores it: no behaviour to reproduce.
                throw new UnsupportedOperatorException(source, List.of("CONCATENATION with a fused activation"));
            }
            int rank = tf.rank(out);
            int axis = o.axis() < 0 ? o.axis() + rank : o.axis();
            boolean nchw = false;
            if (rank == 4) {
                for (int t : in) {
                    nchw |= followsNchw(t);
                }
            }
            List<String> inputs = new ArrayList<>();
            for (int t : in) {
                inputs.add(operand(t, nchw));
            }
            emit("Concat", inputs, out, nchw, ActivationFunctionType.NONE,
                    attribute("axis", (long) (nchw ? NHWC_TO_NCHW_AXIS[axis] : axis)));
        }

        private void pad(int[] in, int out) {
            long[] paddings = tf.intConstant(requireConstant("PAD", in[1])); // rank x (before, after)
            int rank = tf.rank(in[0]);
            boolean nchw = followsNchw(in[0]);
            if (nchw && padsOnlyChannels(paddings) && tf.shape(in[0])[3] * (tf.shape(in[0])[3] + paddings[6]
                    + paddings[7]) <= MAX_CHANNEL_PAD_WEIGHTS) {
                channelPadAsConvolution(in[0], (int) paddings[6], (int) paddings[7], out);
                return;
            }
            long[] pads = new long[2 * rank];
            for (int d = 0; d < rank; d++) {
                int target = nchw ? NHWC_TO_NCHW_AXIS[d] : d;
                pads[target] = paddings[2 * d];
                pads[rank + target] = paddings[2 * d + 1];
            }
            emit("Pad", List.of(nchw ? nchw(in[0]) : nhwc(in[0]), onnx.longVector(canonical[out] + "/pads", pads)),
                    out, nchw, ActivationFunctionType.NONE);
        }

        /** Whether a rank-4 PAD adds only channels (MediaPipe's residual blocks that widen the channel count). */
        private boolean padsOnlyChannels(long[] paddings) {
            if (paddings.length != 8) {
                return false;
            }
            for (int i = 0; i < 6; i++) {
                if (paddings[i] != 0) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Writes zero channel padding as a 1x1 convolution whose weights copy channel c to channel before + c. ONNX
         * Runtime keeps it in its NCHWc layout and fuses the residual Add that follows, where a Pad would cost a
         * reorder out of and back into NCHWc. The copy is exact: each output is one input times 1.
         */
        private void channelPadAsConvolution(int input, int before, int after, int out) {
            int inChannels = tf.shape(input)[3];
            int outChannels = before + inChannels + after;
            float[] weights = new float[outChannels * inChannels];
            for (int c = 0; c < inChannels; c++) {
                weights[(before + c) * inChannels + c] = 1f;
            }
            emit("Conv", List.of(nchw(input), onnx.floatConstant(canonical[out] + "/embed",
                    new long[] {outChannels, inChannels, 1, 1}, weights)), out, true, ActivationFunctionType.NONE,
                    attribute("kernel_shape", new long[] {1, 1}));
        }

        private void mean(Operator op, int[] in, int out) {
            ReducerOptions o = (ReducerOptions) op.builtinOptions(new ReducerOptions());
            long[] axes = tf.intConstant(requireConstant("MEAN", in[1]));
            int rank = tf.rank(in[0]);
            for (int i = 0; i < axes.length; i++) {
                axes[i] = axes[i] < 0 ? axes[i] + rank : axes[i];
            }
            boolean nchw = rank == 4 && followsNchw(in[0]) && (o.keepDims() || keepsOrder(axes));
            long[] onnxAxes = nchw ? Arrays.stream(axes).map(a -> NHWC_TO_NCHW_AXIS[(int) a]).sorted().toArray()
                    : axes;
            emit("ReduceMean", List.of(nchw ? nchw(in[0]) : nhwc(in[0])), out, nchw && o.keepDims(),
                    ActivationFunctionType.NONE, attribute("axes", onnxAxes),
                    attribute("keepdims", o.keepDims() ? 1L : 0L));
        }

        // ---- operators that need TFLite's (NHWC) element order ----

        private void reshape(int[] in, int out) {
            emit("Reshape", List.of(nhwc(in[0]), onnx.longVector(canonical[out] + "/shape", targetShape(in, out))),
                    out, false, ActivationFunctionType.NONE);
        }

        private void fullyConnected(Operator op, int[] in, int out) {
            FullyConnectedOptions o = (FullyConnectedOptions) op.builtinOptions(new FullyConnectedOptions());
            if (o.weightsFormat() != FullyConnectedOptionsWeightsFormat.DEFAULT) {
                throw new UnsupportedOperatorException(source, List.of("FULLY_CONNECTED with shuffled weights"));
            }
            int weights = requireConstant("FULLY_CONNECTED", in[1]);
            int[] w = tf.shape(weights); // O, I
            String x = nhwc(in[0]);
            if (tf.rank(in[0]) != 2) {
                String flat = onnx.uniqueName(canonical[in[0]] + "/2d");
                onnx.node("Reshape", List.of(x, onnx.longVector(flat + "/shape", -1, w[1])), List.of(flat));
                x = flat;
            }
            List<String> inputs = new ArrayList<>(List.of(x,
                    onnx.floatConstant(canonical[weights], new long[] {w[0], w[1]}, tf.floatConstant(weights))));
            addBias(inputs, in, w[0]);
            if (tf.rank(out) == 2) {
                emit("Gemm", inputs, out, false, o.fusedActivationFunction(), attribute("transB", 1L));
            } else {
                String flat = onnx.uniqueName(canonical[out] + "/2d");
                emitTo("Gemm", inputs, flat, o.fusedActivationFunction(), attribute("transB", 1L));
                emit("Reshape", List.of(flat, onnx.longVector(canonical[out] + "/shape", toLongs(tf.shape(out)))),
                        out, false, ActivationFunctionType.NONE);
            }
        }

        private void stridedSlice(Operator op, int[] in, int out) {
            StridedSliceOptions o = (StridedSliceOptions) op.builtinOptions(new StridedSliceOptions());
            if (o.ellipsisMask() != 0 || o.newAxisMask() != 0 || o.offset()) {
                throw new UnsupportedOperatorException(source,
                        List.of("STRIDED_SLICE with ellipsis, new-axis or offset masks"));
            }
            int[] shape = tf.shape(in[0]);
            int rank = shape.length;
            long[] begin = tf.intConstant(requireConstant("STRIDED_SLICE", in[1]));
            long[] end = tf.intConstant(requireConstant("STRIDED_SLICE", in[2]));
            long[] strides = in.length > 3 ? tf.intConstant(requireConstant("STRIDED_SLICE", in[3])) : null;
            long[] starts = new long[rank];
            long[] ends = new long[rank];
            long[] steps = new long[rank];
            List<Long> squeeze = new ArrayList<>();
            for (int d = 0; d < rank; d++) {
                long step = strides == null ? 1 : strides[d];
                boolean shrink = (o.shrinkAxisMask() >> d & 1) != 0;
                long b = begin[d] < 0 ? begin[d] + shape[d] : begin[d];
                if (shrink) {
                    starts[d] = b;
                    ends[d] = b + 1;
                    steps[d] = 1;
                    squeeze.add((long) d);
                    continue;
                }
                steps[d] = step;
                starts[d] = (o.beginMask() >> d & 1) != 0 ? (step > 0 ? 0 : Long.MAX_VALUE) : b;
                ends[d] = (o.endMask() >> d & 1) != 0 ? (step > 0 ? Long.MAX_VALUE : Long.MIN_VALUE) : end[d];
            }
            boolean nchw = rank == 4 && squeeze.isEmpty() && followsNchw(in[0]);
            long[] axes = new long[rank];
            for (int d = 0; d < rank; d++) {
                axes[d] = nchw ? NHWC_TO_NCHW_AXIS[d] : d;
            }
            List<String> inputs = List.of(nchw ? nchw(in[0]) : nhwc(in[0]),
                    onnx.longVector(canonical[out] + "/starts", starts),
                    onnx.longVector(canonical[out] + "/ends", ends),
                    onnx.longVector(canonical[out] + "/axes", axes),
                    onnx.longVector(canonical[out] + "/steps", steps));
            if (squeeze.isEmpty()) {
                emit("Slice", inputs, out, nchw, ActivationFunctionType.NONE);
            } else {
                String sliced = onnx.uniqueName(canonical[out] + "/unsqueezed");
                onnx.node("Slice", inputs, List.of(sliced));
                emit("Squeeze", List.of(sliced, onnx.longVector(canonical[out] + "/squeeze",
                        squeeze.stream().mapToLong(Long::longValue).toArray())), out, false,
                        ActivationFunctionType.NONE);
            }
        }

        // ---- layout bookkeeping ----

        /** Whether the tensor currently exists only in NCHW, so element-wise consumers should stay in NCHW. */
        private boolean followsNchw(int t) {
            return nchwValue[t] != null && nhwcValue[t] == null;
        }

        /** Whether an operand can take part in an NCHW element-wise op: a constant, or a rank-4 tensor. */
        private boolean fitsNchw(int t) {
            return tf.isConstant(t) || tf.rank(t) == 4;
        }

        /** Returns an operand of an element-wise op in the chosen layout; constants are broadcast to rank 4 first. */
        private String operand(int t, boolean nchw) {
            if (!nchw) {
                return nhwc(t);
            }
            if (tf.isConstant(t)) {
                int[] shape = tf.shape(t);
                int[] shape4 = new int[4];
                Arrays.fill(shape4, 1);
                System.arraycopy(shape, 0, shape4, 4 - shape.length, shape.length);
                float[] data = permute(tf.floatConstant(t), shape4, TO_NCHW);
                return onnx.floatConstant(canonical[t] + "/nchw", toLongs(permuteShape(shape4, TO_NCHW)), data);
            }
            return nchw(t);
        }

        /** Returns the tensor in TFLite layout, transposing (once) if it was produced in NCHW. */
        private String nhwc(int t) {
            if (nhwcValue[t] != null) {
                return nhwcValue[t];
            }
            if (tf.isConstant(t)) {
                nhwcValue[t] = onnx.floatConstant(canonical[t] + "/const", toLongs(tf.shape(t)), tf.floatConstant(t));
                return nhwcValue[t];
            }
            if (nchwValue[t] == null) {
                throw new IllegalStateException("tensor " + tf.name(t) + " of " + source + " is used before it is "
                        + "computed");
            }
            int[] shape = tf.shape(t);
            permuteValue(nchwValue[t], canonical[t], permuteShape(shape, TO_NCHW), TO_NHWC);
            nhwcValue[t] = canonical[t];
            return nhwcValue[t];
        }

        /** Returns a rank-4 tensor in NCHW layout, transposing (once) if it was produced in TFLite layout. */
        private String nchw(int t) {
            if (nchwValue[t] != null) {
                return nchwValue[t];
            }
            if (tf.rank(t) != 4) {
                throw new IllegalStateException("tensor " + tf.name(t) + " has rank " + tf.rank(t) + ", not 4");
            }
            if (tf.isConstant(t)) {
                nchwValue[t] = operand(t, true);
                return nchwValue[t];
            }
            String name = onnx.uniqueName(canonical[t] + "/nchw");
            permuteValue(nhwc(t), name, tf.shape(t), TO_NCHW);
            nchwValue[t] = name;
            return name;
        }

        /** Emits a transpose, or a reshape when the permutation only moves dimensions of size 1. */
        private void permuteValue(String input, String output, int[] inputShape, int[] perm) {
            if (movesOnlyUnitDimensions(inputShape, perm)) {
                onnx.node("Reshape", List.of(input,
                        onnx.longVector(output + "/shape", toLongs(permuteShape(inputShape, perm)))), List.of(output));
            } else {
                onnx.node("Transpose", List.of(input), List.of(output), attribute("perm", toLongs(perm)));
            }
        }

        /** Emits an operator producing TFLite tensor {@code out} in the given layout, with its fused activation. */
        private void emit(String opType, List<String> inputs, int out, boolean nchw, byte activation,
                AttributeProto... attributes) {
            String name;
            if (nchw) {
                name = onnx.uniqueName(canonical[out] + "/nchw");
                nchwValue[out] = name;
            } else {
                name = canonical[out];
                nhwcValue[out] = name;
            }
            emitTo(opType, inputs, name, activation, attributes);
        }

        private void emitTo(String opType, List<String> inputs, String output, byte activation,
                AttributeProto... attributes) {
            if (activation == ActivationFunctionType.NONE) {
                onnx.node(opType, inputs, List.of(output), attributes);
                return;
            }
            String linear = onnx.uniqueName(output + "/linear");
            onnx.node(opType, inputs, List.of(linear), attributes);
            switch (activation) {
                case ActivationFunctionType.RELU -> onnx.node("Relu", List.of(linear), List.of(output));
                case ActivationFunctionType.RELU6 -> onnx.node("Clip", List.of(linear, scalar(0f), scalar(6f)),
                        List.of(output));
                case ActivationFunctionType.RELU_N1_TO_1 -> onnx.node("Clip",
                        List.of(linear, scalar(-1f), scalar(1f)), List.of(output));
                case ActivationFunctionType.TANH -> onnx.node("Tanh", List.of(linear), List.of(output));
                default -> throw new UnsupportedOperatorException(source,
                        List.of("fused activation " + ActivationFunctionType.name(activation)));
            }
        }

        private String scalar(float value) {
            return scalars.computeIfAbsent(value, v -> onnx.floatConstant("const_" + v, new long[0],
                    new float[] {v}));
        }

        private long[] targetShape(int[] in, int out) {
            int[] shape = tf.shape(out);
            if (shape.length > 0 || in.length < 2) {
                return toLongs(shape);
            }
            return tf.intConstant(requireConstant("RESHAPE", in[1]));
        }

        private int[] inputs(Operator op) {
            int[] inputs = new int[op.inputsLength()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = op.inputs(i);
            }
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i] >= 0 && tf.type(inputs[i]) != TensorType.FLOAT32 && !tf.isConstant(inputs[i])) {
                    throw new UnsupportedOperatorException(source, List.of(tf.operatorName(op) + " on "
                            + TensorType.name(tf.type(inputs[i])) + " tensors"));
                }
            }
            return inputs;
        }
    }

    // ---- helpers ----

    /** Explicit ONNX pads {top, left, bottom, right}; TFLite's SAME puts the odd pixel at the bottom/right. */
    static long[] pads(int padding, int[] nhwcInput, int kernelH, int kernelW, int strideH, int strideW,
            int dilationH, int dilationW) {
        if (padding == Padding.VALID) {
            return new long[4];
        }
        long[] h = samePadding(nhwcInput[1], kernelH, strideH, dilationH);
        long[] w = samePadding(nhwcInput[2], kernelW, strideW, dilationW);
        return new long[] {h[0], w[0], h[1], w[1]};
    }

    private static long[] samePadding(int size, int kernel, int stride, int dilation) {
        int out = (size + stride - 1) / stride;
        int effectiveKernel = (kernel - 1) * dilation + 1;
        int total = Math.max((out - 1) * stride + effectiveKernel - size, 0);
        return new long[] {total / 2, total - total / 2};
    }

    /** Whether keeping NCHW through a reduction over these NHWC axes leaves the remaining axes in NHWC order. */
    private static boolean keepsOrder(long[] reducedNhwcAxes) {
        int last = -1;
        for (int nchwAxis = 0; nchwAxis < 4; nchwAxis++) {
            int nhwcAxis = TO_NCHW[nchwAxis];
            boolean reduced = Arrays.stream(reducedNhwcAxes).anyMatch(a -> a == nhwcAxis);
            if (!reduced) {
                if (nhwcAxis < last) {
                    return false;
                }
                last = nhwcAxis;
            }
        }
        return true;
    }

    static boolean movesOnlyUnitDimensions(int[] shape, int[] perm) {
        int last = -1;
        for (int axis : perm) {
            if (shape[axis] != 1) {
                if (axis < last) {
                    return false;
                }
                last = axis;
            }
        }
        return true;
    }

    static int[] permuteShape(int[] shape, int[] perm) {
        int[] out = new int[perm.length];
        for (int i = 0; i < perm.length; i++) {
            out[i] = shape[perm[i]];
        }
        return out;
    }

    /** Transposes row-major data: output axis {@code i} is input axis {@code perm[i]}. */
    static float[] permute(float[] data, int[] shape, int[] perm) {
        int rank = shape.length;
        int[] outShape = permuteShape(shape, perm);
        int[] strides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        int[] sourceStride = new int[rank];
        for (int d = 0; d < rank; d++) {
            sourceStride[d] = strides[perm[d]];
        }
        float[] out = new float[data.length];
        int[] index = new int[rank];
        int source = 0;
        for (int o = 0; o < out.length; o++) {
            out[o] = data[source];
            for (int d = rank - 1; d >= 0; d--) {
                index[d]++;
                source += sourceStride[d];
                if (index[d] < outShape[d]) {
                    break;
                }
                source -= sourceStride[d] * index[d];
                index[d] = 0;
            }
        }
        return out;
    }

    private static long[] toLongs(int[] values) {
        return Arrays.stream(values).asLongStream().toArray();
    }
}

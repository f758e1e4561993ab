package org.gesturelab.classify.export;

import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.convert.OnnxGraphBuilder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.GRU;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.util.Pair;

/**
 * Translates a trained DJL network, block by block, into ONNX nodes with its parameters as initializers.
 *
 * <p>Supported blocks: sequential blocks, one-layer unidirectional GRU and LSTM (PyTorch's gate order r, z, n and
 * i, f, g, o is reordered to ONNX's z, r, h and i, o, f, c; PyTorch's GRU applies the reset gate after the hidden
 * matrix product, ONNX's {@code linear_before_reset=1}), linear layers, batch normalization (inference form, folded
 * into a scale and a shift, after the last step or per channel after a convolution), dropout (the identity at
 * inference), 1-D convolutions over frames (with their padding, dilation and stride), parallel blocks whose branches
 * each end in a flat vector (their outputs concatenated along axis 1, the only join {@code Architecture} uses), and
 * the lambda blocks {@code ReLU}, {@code lastStep}, {@code channelsFirst} and {@code meanAndMaxOverTime}. Anything
 * else is refused by name, so a new network design fails loudly instead of exporting something that computes
 * another function.
 */
final class NetworkGraph {

    /** DJL's default batch-normalization epsilon ({@code BatchNorm.BaseBuilder}), which the networks keep. */
    private static final float BATCH_NORM_EPSILON = 1e-5f;

    /** How the current value is laid out. */
    private enum Layout {
        /** {@code batch x frames x features}, the network's input. */
        BATCH_FIRST,
        /** {@code frames x batch x units}, what ONNX's recurrent nodes produce. */
        SEQUENCE_FIRST,
        /** {@code batch x channels x frames}, what convolutions take and produce. */
        CHANNELS_FIRST,
        /** {@code batch x units}. */
        FLAT
    }

    private final GraphOps g;
    private String value;
    private Layout layout;

    NetworkGraph(GraphOps g, String input) {
        this.g = g;
        this.value = input;
        this.layout = Layout.BATCH_FIRST;
    }

    /**
     * Adds the nodes of a block after the current value.
     *
     * @param block a block with initialized parameters
     * @return the new current value
     */
    String add(Block block) {
        if (block instanceof SequentialBlock sequential) {
            for (Pair<String, Block> child : sequential.getChildren()) {
                add(child.getValue());
            }
        } else if (block instanceof ParallelBlock parallel) {
            parallel(parallel);
        } else if (block instanceof Conv1d conv) {
            convolution(conv);
        } else if (block instanceof GRU gru) {
            recurrent(gru, "GRU", new int[] {1, 0, 2}, 3);
        } else if (block instanceof LSTM lstm) {
            recurrent(lstm, "LSTM", new int[] {0, 3, 1, 2}, 4);
        } else if (block instanceof Linear linear) {
            requireFlat("a linear layer");
            float[][] w = parameter(linear, "weight");
            String weight = g.graph().floatConstant("linear_weight", new long[] {w[1].length, w[1].length == 0 ? 0
                    : w[0].length / w[1].length}, w[0]);
            String bias = g.graph().floatConstant("linear_bias", new long[] {w[1].length}, w[1]);
            value = g.op("Gemm", List.of(value, weight, bias), OnnxGraphBuilder.attribute("transB", 1L));
        } else if (block instanceof BatchNorm) {
            batchNorm(block);
        } else if (block instanceof Dropout) {
            return value; // the identity at inference
        } else if (block instanceof LambdaBlock lambda && "ReLU".equals(lambda.getName())) {
            value = g.op("Relu", List.of(value));
        } else if (block instanceof LambdaBlock lambda && "lastStep".equals(lambda.getName())) {
            if (layout == Layout.FLAT) {
                throw unsupported("lastStep on a value without a time axis");
            }
            value = g.pick(value, -1, layout == Layout.SEQUENCE_FIRST ? 0 : layout == Layout.BATCH_FIRST ? 1 : 2);
            layout = Layout.FLAT;
        } else if (block instanceof LambdaBlock lambda && "channelsFirst".equals(lambda.getName())) {
            if (layout != Layout.BATCH_FIRST) {
                throw unsupported("channelsFirst on a value that is not batch x frames x features");
            }
            value = g.op("Transpose", List.of(value), OnnxGraphBuilder.attribute("perm", new long[] {0, 2, 1}));
            layout = Layout.CHANNELS_FIRST;
        } else if (block instanceof LambdaBlock lambda && "meanAndMaxOverTime".equals(lambda.getName())) {
            if (layout != Layout.CHANNELS_FIRST) {
                throw unsupported("meanAndMaxOverTime on a value that is not batch x channels x frames");
            }
            // Opset 13 still takes the axes of ReduceMean and ReduceMax as an attribute.
            String mean = g.op("ReduceMean", List.of(value), OnnxGraphBuilder.attribute("axes", new long[] {2}),
                    OnnxGraphBuilder.attribute("keepdims", 0L));
            String max = g.op("ReduceMax", List.of(value), OnnxGraphBuilder.attribute("axes", new long[] {2}),
                    OnnxGraphBuilder.attribute("keepdims", 0L));
            value = g.concat(1, List.of(mean, max));
            layout = Layout.FLAT;
        } else {
            String name = block instanceof LambdaBlock lambda ? "lambda block '" + lambda.getName() + "'"
                    : block.getClass().getSimpleName();
            throw unsupported(name);
        }
        return value;
    }

    /**
     * Every branch reads the same value; the outputs, each {@code batch x units}, are concatenated along axis 1. The
     * join function of a parallel block cannot be inspected, so this is the one join the exporter knows; the tests
     * compare the exported network with DJL's for every architecture that uses a parallel block.
     */
    private void parallel(ParallelBlock parallel) {
        String input = value;
        Layout inputLayout = layout;
        List<String> outputs = new ArrayList<>();
        for (Pair<String, Block> branch : parallel.getChildren()) {
            value = input;
            layout = inputLayout;
            add(branch.getValue());
            if (layout != Layout.FLAT) {
                throw unsupported("a parallel branch that does not end in a flat vector");
            }
            outputs.add(value);
        }
        if (outputs.isEmpty()) {
            throw unsupported("a parallel block without branches");
        }
        value = outputs.size() == 1 ? outputs.get(0) : g.concat(1, outputs);
        layout = Layout.FLAT;
    }

    /** A 1-D convolution over frames: DJL's weight {@code filters x channels x kernel} is ONNX's too. */
    private void convolution(Conv1d conv) {
        if (layout != Layout.CHANNELS_FIRST) {
            throw unsupported("a 1-D convolution on a value that is not batch x channels x frames");
        }
        if (conv.getGroups() != 1) {
            throw unsupported("a grouped 1-D convolution");
        }
        NDArray weightArray = null;
        float[] bias = null;
        for (Pair<String, Parameter> entry : conv.getDirectParameters()) {
            NDArray array = entry.getValue().getArray();
            switch (entry.getKey()) {
                case "weight" -> weightArray = array;
                case "bias" -> bias = array.toFloatArray();
                default -> throw unsupported("Conv1d parameter " + entry.getKey());
            }
        }
        if (weightArray == null || weightArray.getShape().dimension() != 3) {
            throw unsupported("a Conv1d without a weight of filters x channels x kernel");
        }
        long[] dims = weightArray.getShape().getShape();
        List<String> inputs = new ArrayList<>(List.of(value,
                g.graph().floatConstant("conv_weight", dims, weightArray.toFloatArray())));
        if (bias != null) {
            inputs.add(g.graph().floatConstant("conv_bias", new long[] {dims[0]}, bias));
        }
        long pad = conv.getPadding().get(0);
        value = g.op("Conv", inputs,
                OnnxGraphBuilder.attribute("kernel_shape", new long[] {dims[2]}),
                OnnxGraphBuilder.attribute("strides", new long[] {conv.getStride().get(0)}),
                OnnxGraphBuilder.attribute("dilations", new long[] {conv.getDilation().get(0)}),
                OnnxGraphBuilder.attribute("pads", new long[] {pad, pad}));
    }

    private void recurrent(RecurrentBlock block, String op, int[] gateOrder, int gates) {
        if (layout == Layout.FLAT) {
            throw unsupported(op + " on a value without a time axis");
        }
        float[] inputWeight = null;
        float[] hiddenWeight = null;
        float[] inputBias = null;
        float[] hiddenBias = null;
        int hidden = -1;
        for (Pair<String, Parameter> entry : block.getDirectParameters()) {
            String name = entry.getKey();
            NDArray array = entry.getValue().getArray();
            if (!name.startsWith("l_0_")) {
                throw unsupported(op + " with more than one layer or direction (parameter " + name + ")");
            }
            float[] values = array.toFloatArray();
            if (name.equals("l_0_i2h_WEIGHT")) {
                inputWeight = values;
                hidden = (int) (array.getShape().get(0) / gates);
            } else if (name.equals("l_0_h2h_WEIGHT")) {
                hiddenWeight = values;
            } else if (name.equals("l_0_i2h_BIAS")) {
                inputBias = values;
            } else if (name.equals("l_0_h2h_BIAS")) {
                hiddenBias = values;
            } else {
                throw unsupported(op + " parameter " + name);
            }
        }
        if (inputWeight == null || hiddenWeight == null || hidden <= 0) {
            throw unsupported(op + " without its weights");
        }
        int inputSize = inputWeight.length / (gates * hidden);
        if (inputBias == null) {
            inputBias = new float[gates * hidden];
        }
        if (hiddenBias == null) {
            hiddenBias = new float[gates * hidden];
        }
        float[] w = reorder(inputWeight, gateOrder, hidden * inputSize);
        float[] r = reorder(hiddenWeight, gateOrder, hidden * hidden);
        float[] b = new float[2 * gates * hidden];
        System.arraycopy(reorder(inputBias, gateOrder, hidden), 0, b, 0, gates * hidden);
        System.arraycopy(reorder(hiddenBias, gateOrder, hidden), 0, b, gates * hidden, gates * hidden);
        if (layout == Layout.BATCH_FIRST) {
            value = g.op("Transpose", List.of(value), OnnxGraphBuilder.attribute("perm", new long[] {1, 0, 2}));
            layout = Layout.SEQUENCE_FIRST;
        }
        String wName = g.graph().floatConstant(op.toLowerCase() + "_W", new long[] {1, (long) gates * hidden,
            inputSize}, w);
        String rName = g.graph().floatConstant(op.toLowerCase() + "_R", new long[] {1, (long) gates * hidden,
            hidden}, r);
        String bName = g.graph().floatConstant(op.toLowerCase() + "_B", new long[] {1, 2L * gates * hidden}, b);
        List<ai.onnx.proto.OnnxMl.AttributeProto> attributes = new ArrayList<>();
        attributes.add(OnnxGraphBuilder.attribute("hidden_size", (long) hidden));
        if (op.equals("GRU")) {
            attributes.add(OnnxGraphBuilder.attribute("linear_before_reset", 1L));
        }
        String y = g.op(op, List.of(value, wName, rName, bName),
                attributes.toArray(ai.onnx.proto.OnnxMl.AttributeProto[]::new));
        value = g.squeeze(y, 1); // [seq, 1 direction, batch, hidden] to [seq, batch, hidden]
    }

    /** Reorders gate blocks of {@code blockSize} values: output block k is input block {@code order[k]}. */
    private static float[] reorder(float[] values, int[] order, int blockSize) {
        float[] out = new float[values.length];
        for (int k = 0; k < order.length; k++) {
            System.arraycopy(values, order[k] * blockSize, out, k * blockSize, blockSize);
        }
        return out;
    }

    /** Batch normalization over axis 1: the units after the last step, or the channels after a convolution. */
    private void batchNorm(Block block) {
        if (layout != Layout.FLAT && layout != Layout.CHANNELS_FIRST) {
            throw unsupported("batch normalization on a sequence other than channels first");
        }
        float[] gamma = parameter(block, "gamma")[0];
        float[] beta = parameter(block, "beta")[0];
        float[] mean = parameter(block, "runningMean")[0];
        float[] variance = parameter(block, "runningVar")[0];
        float[] scale = new float[gamma.length];
        float[] shift = new float[gamma.length];
        for (int i = 0; i < gamma.length; i++) {
            scale[i] = (float) (gamma[i] / Math.sqrt(variance[i] + BATCH_NORM_EPSILON));
            shift[i] = (float) (beta[i] - mean[i] * (double) scale[i]);
        }
        // Channels first, the statistics broadcast over frames: shape channels x 1.
        long[] dims = layout == Layout.FLAT ? new long[] {gamma.length} : new long[] {gamma.length, 1};
        value = g.add(g.mul(value, g.graph().floatConstant("bn_scale", dims, scale)),
                g.graph().floatConstant("bn_shift", dims, shift));
    }

    /** Returns a parameter's values and, for a linear layer, its bias beside its weight. */
    private static float[][] parameter(Block block, String name) {
        for (Pair<String, Parameter> entry : block.getDirectParameters()) {
            if (entry.getKey().equals(name)) {
                float[] values = entry.getValue().getArray().toFloatArray();
                if (name.equals("weight")) {
                    float[] bias = parameter(block, "bias")[0];
                    return new float[][] {values, bias};
                }
                return new float[][] {values};
            }
        }
        throw unsupported(block.getClass().getSimpleName() + " without a '" + name + "' parameter");
    }

    private void requireFlat(String what) {
        if (layout != Layout.FLAT) {
            throw unsupported(what + " on a sequence (only after the last time step)");
        }
    }

    private static GestureLabException unsupported(String what) {
        return new GestureLabException("Cannot export this network to ONNX: it contains " + what
                + ", which the exporter does not translate.");
    }
}

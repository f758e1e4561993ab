package org.gesturelab.classify.export;

import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.convert.OnnxGraphBuilder;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
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
 * into a scale and a shift), dropout (the identity at inference), and the lambda blocks {@code ReLU} and
 * {@code lastStep}. Anything else is refused by name, so a new network design fails loudly instead of exporting
 * something that computes another function.
 */
final class NetworkGraph {

    /** DJL's default batch-normalization epsilon ({@code BatchNorm.BaseBuilder}), which the networks keep. */
    private static final float BATCH_NORM_EPSILON = 1e-5f;

    /** How the current value is laid out. */
    private enum Layout { BATCH_FIRST, SEQUENCE_FIRST, FLAT }

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
            value = g.pick(value, -1, layout == Layout.SEQUENCE_FIRST ? 0 : 1);
            layout = Layout.FLAT;
        } else {
            String name = block instanceof LambdaBlock lambda ? "lambda block '" + lambda.getName() + "'"
                    : block.getClass().getSimpleName();
            throw unsupported(name);
        }
        return value;
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

    private void batchNorm(Block block) {
        requireFlat("batch normalization");
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
        long[] dims = {gamma.length};
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

package org.gesturelab.classify.export;

import java.util.List;

import org.gesturelab.mediapipe.convert.OnnxGraphBuilder;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * A thin layer over {@link OnnxGraphBuilder} that adds one node per call and returns its output's name, so the
 * feature and network graphs read like the Java code they mirror.
 */
final class GraphOps {

    /** ONNX element type of float32 values. */
    static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();
    /** ONNX element type of float64 values. */
    static final int DOUBLE = TensorProto.DataType.DOUBLE.getNumber();
    /** ONNX element type of int64 values. */
    static final int INT64 = TensorProto.DataType.INT64.getNumber();

    private final OnnxGraphBuilder graph;

    GraphOps(OnnxGraphBuilder graph) {
        this.graph = graph;
    }

    OnnxGraphBuilder graph() {
        return graph;
    }

    /** Adds a node with one output and returns the output's name. */
    String op(String type, List<String> inputs, AttributeProto... attributes) {
        String out = graph.uniqueName(type.toLowerCase(java.util.Locale.ROOT));
        graph.node(type, inputs, List.of(out), attributes);
        return out;
    }

    /** Adds a node whose output gets a chosen name (a graph output). */
    void named(String out, String type, List<String> inputs, AttributeProto... attributes) {
        graph.reserve(out);
        graph.node(type, inputs, List.of(out), attributes);
    }

    String scalar(double value) {
        return graph.doubleConstant("c", new long[0], new double[] {value});
    }

    String floatScalar(float value) {
        return graph.floatConstant("c", new long[0], new float[] {value});
    }

    String longs(long... values) {
        return graph.longVector("i", values);
    }

    String add(String a, String b) {
        return op("Add", List.of(a, b));
    }

    String sub(String a, String b) {
        return op("Sub", List.of(a, b));
    }

    String mul(String a, String b) {
        return op("Mul", List.of(a, b));
    }

    String div(String a, String b) {
        return op("Div", List.of(a, b));
    }

    String where(String condition, String a, String b) {
        return op("Where", List.of(condition, a, b));
    }

    String cast(String x, int to) {
        return op("Cast", List.of(x), OnnxGraphBuilder.attribute("to", (long) to));
    }

    /** Picks one index of an axis, removing that axis. */
    String pick(String data, long index, int axis) {
        String i = graph.longConstant("i", new long[0], new long[] {index});
        return op("Gather", List.of(data, i), OnnxGraphBuilder.attribute("axis", (long) axis));
    }

    /** Picks several indices of an axis, keeping it. */
    String gather(String data, long[] indices, int axis) {
        return op("Gather", List.of(data, longs(indices)), OnnxGraphBuilder.attribute("axis", (long) axis));
    }

    /** Picks indices held in a graph value along an axis. */
    String gatherBy(String data, String indices, int axis) {
        return op("Gather", List.of(data, indices), OnnxGraphBuilder.attribute("axis", (long) axis));
    }

    String unsqueeze(String x, long... axes) {
        return op("Unsqueeze", List.of(x, longs(axes)));
    }

    String squeeze(String x, long... axes) {
        return op("Squeeze", List.of(x, longs(axes)));
    }

    String concat(int axis, List<String> inputs) {
        return op("Concat", inputs, OnnxGraphBuilder.attribute("axis", (long) axis));
    }

    String reshape(String x, long... shape) {
        return op("Reshape", List.of(x, longs(shape)));
    }

    /** The square root of a² + b². */
    String hypot(String a, String b) {
        return op("Sqrt", List.of(add(mul(a, a), mul(b, b))));
    }

    /** Whether any value of a contiguous block of the last axis is non-zero: {@code [..., n]} to {@code [...]}. */
    String anyNonZero(String data, int offset, int length) {
        String block = op("Slice", List.of(data, longs(offset), longs(offset + length), longs(-1)));
        String max = op("ReduceMax", List.of(op("Abs", List.of(block))), OnnxGraphBuilder.attribute("axes",
                new long[] {-1}), OnnxGraphBuilder.attribute("keepdims", 0L));
        return op("Greater", List.of(max, scalar(0)));
    }
}

package org.gesturelab.mediapipe.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.protobuf.ByteString;

import ai.onnx.proto.OnnxMl;
import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.AttributeProto.AttributeType;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;

/**
 * Accumulates an ONNX graph: nodes, float32/float64/int64 initializers, inputs and outputs, with unique value names.
 * Used by the TFLite converter and by the gesture-classifier exporter ({@code org.gesturelab.classify.export}).
 */
public final class OnnxGraphBuilder {

    /** The default-domain opset the converter writes. */
    public static final int OPSET = 13;
    /** The IR version that goes with opset 13. */
    public static final int IR_VERSION = 7;

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();
    private final Map<String, Integer> operatorCounts = new TreeMap<>();
    private int nodeCount;

    /**
     * Starts an empty graph.
     *
     * @param graphName the graph's name
     */
    public OnnxGraphBuilder(String graphName) {
        graph.setName(graphName);
    }

    /** Claims a name that must stay exactly as given (a TFLite tensor name); returns false if already taken. */
    public boolean reserve(String name) {
        return names.add(name);
    }

    /** Returns a fresh value name starting with {@code base}. */
    public String uniqueName(String base) {
        if (names.add(base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            String candidate = base + "_" + i;
            if (names.add(candidate)) {
                return candidate;
            }
        }
    }

    /** Adds a node; {@code outputs} must already be reserved or unique. */
    public void node(String opType, List<String> inputs, List<String> outputs, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder()
                .setOpType(opType)
                .setName(opType + "_" + nodeCount)
                .addAllInput(inputs)
                .addAllOutput(outputs);
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        nodeCount++;
        operatorCounts.merge(opType, 1, Integer::sum);
    }

    /** Adds a float32 initializer under a fresh name derived from {@code base} and returns that name. */
    public String floatConstant(String base, long[] dims, float[] values) {
        ByteBuffer bytes = littleEndian(values.length * 4);
        bytes.asFloatBuffer().put(values);
        return initializer(base, TensorProto.DataType.FLOAT, dims, bytes);
    }

    /** Adds a float64 initializer under a fresh name derived from {@code base} and returns that name. */
    public String doubleConstant(String base, long[] dims, double[] values) {
        ByteBuffer bytes = littleEndian(values.length * 8);
        bytes.asDoubleBuffer().put(values);
        return initializer(base, TensorProto.DataType.DOUBLE, dims, bytes);
    }

    /** Adds an int64 initializer under a fresh name derived from {@code base} and returns that name. */
    public String longConstant(String base, long[] dims, long[] values) {
        ByteBuffer bytes = littleEndian(values.length * 8);
        bytes.asLongBuffer().put(values);
        return initializer(base, TensorProto.DataType.INT64, dims, bytes);
    }

    private static ByteBuffer littleEndian(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private String initializer(String base, TensorProto.DataType type, long[] dims, ByteBuffer bytes) {
        String name = uniqueName(base);
        graph.addInitializer(tensor(name, type, dims, bytes));
        return name;
    }

    /** Adds a 1-D int64 initializer. */
    public String longVector(String base, long... values) {
        return longConstant(base, new long[] {values.length}, values);
    }

    public void input(String name, int[] shape) {
        graph.addInput(valueInfo(name, shape));
    }

    public void output(String name, int[] shape) {
        graph.addOutput(valueInfo(name, shape));
    }

    /**
     * Declares a float32 graph input or output whose dimensions may be named: an {@link Integer} is a fixed size, a
     * {@link String} a symbolic one (such as {@code "batch"}) that the runtime fills in.
     *
     * @param name the value's name
     * @param isInput true for an input, false for an output
     * @param dims the dimensions, outermost first
     */
    public void symbolic(String name, boolean isInput, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object dim : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder d = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (dim instanceof Integer size) {
                d.setDimValue(size);
            } else {
                d.setDimParam(String.valueOf(dim));
            }
            shape.addDim(d);
        }
        OnnxMl.ValueInfoProto value = OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
                .build();
        if (isInput) {
            graph.addInput(value);
        } else {
            graph.addOutput(value);
        }
    }

    public int nodeCount() {
        return nodeCount;
    }

    public Map<String, Integer> operatorCounts() {
        return operatorCounts;
    }

    /** Wraps the graph in a model with the opset and producer set. */
    public OnnxMl.ModelProto model(String producerVersion, String docString) {
        return OnnxMl.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("gesturelab")
                .setProducerVersion(producerVersion)
                .setDocString(docString)
                .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    public static AttributeProto attribute(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.INT).setI(value).build();
    }

    public static AttributeProto attribute(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.FLOAT).setF(value).build();
    }

    public static AttributeProto attribute(String name, String value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeType.STRING)
                .setS(ByteString.copyFrom(value, StandardCharsets.UTF_8)).build();
    }

    public static AttributeProto attribute(String name, long[] values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder().setName(name).setType(AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    private static TensorProto tensor(String name, TensorProto.DataType type, long[] dims, ByteBuffer bytes) {
        TensorProto.Builder tensor = TensorProto.newBuilder().setName(name).setDataType(type.getNumber());
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        bytes.rewind();
        return tensor.setRawData(ByteString.copyFrom(bytes)).build();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, int[] shape) {
        OnnxMl.TensorShapeProto.Builder dims = OnnxMl.TensorShapeProto.newBuilder();
        for (int dim : shape) {
            dims.addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(dim));
        }
        return OnnxMl.ValueInfoProto.newBuilder()
                .setName(name)
                .setType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(dims)))
                .build();
    }
}

package org.gesturelab.mediapipe.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import org.tensorflow.lite.schema.Buffer;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.Operator;
import org.tensorflow.lite.schema.OperatorCode;
import org.tensorflow.lite.schema.QuantizationParameters;
import org.tensorflow.lite.schema.SubGraph;
import org.tensorflow.lite.schema.Tensor;
import org.tensorflow.lite.schema.TensorType;

/**
 * Read access to the main subgraph of a TFLite flatbuffer: tensor names, shapes, types and constant data, plus the
 * float32 constants the converter folds (dequantized FP16 and densified sparse weights).
 */
final class TfliteGraph {

    private final Model model;
    private final SubGraph graph;
    private final Map<Integer, float[]> folded = new HashMap<>();

    TfliteGraph(ByteBuffer flatbuffer) {
        ByteBuffer buffer = flatbuffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (buffer.remaining() < 8 || !Model.ModelBufferHasIdentifier(buffer)) {
            throw new IllegalArgumentException("not a TensorFlow Lite model (no TFL3 identifier)");
        }
        this.model = Model.getRootAsModel(buffer);
        if (model.subgraphsLength() < 1) {
            throw new IllegalArgumentException("the model has no subgraph");
        }
        this.graph = model.subgraphs(0);
    }

    int tensorCount() {
        return graph.tensorsLength();
    }

    int operatorCount() {
        return graph.operatorsLength();
    }

    Operator operator(int index) {
        return graph.operators(index);
    }

    int[] inputs() {
        int[] inputs = new int[graph.inputsLength()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = graph.inputs(i);
        }
        return inputs;
    }

    int[] outputs() {
        int[] outputs = new int[graph.outputsLength()];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = graph.outputs(i);
        }
        return outputs;
    }

    /** Returns the operator's name as TFLite spells it, {@code CUSTOM:name} for custom operators. */
    String operatorName(Operator operator) {
        int code = builtinCode(operator);
        if (code == BuiltinOperator.CUSTOM) {
            return "CUSTOM:" + model.operatorCodes((int) operator.opcodeIndex()).customCode();
        }
        return code >= 0 && code < BuiltinOperator.names.length ? BuiltinOperator.name(code) : "BUILTIN_" + code;
    }

    /** Returns the builtin operator code; newer files keep codes above 127 in a separate field. */
    int builtinCode(Operator operator) {
        OperatorCode code = model.operatorCodes((int) operator.opcodeIndex());
        return Math.max(code.builtinCode(), code.deprecatedBuiltinCode());
    }

    Tensor tensor(int index) {
        return graph.tensors(index);
    }

    String name(int index) {
        String name = tensor(index).name();
        return name == null || name.isEmpty() ? "tensor_" + index : name;
    }

    int[] shape(int index) {
        Tensor tensor = tensor(index);
        int[] shape = new int[tensor.shapeLength()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = tensor.shape(i);
        }
        return shape;
    }

    int rank(int index) {
        return tensor(index).shapeLength();
    }

    byte type(int index) {
        return tensor(index).type();
    }

    /** Returns whether the tensor holds data in the file or was folded into a float constant. */
    boolean isConstant(int index) {
        return folded.containsKey(index) || rawData(index) != null;
    }

    /** Records a tensor whose value the converter computed at conversion time. */
    void fold(int index, float[] values) {
        folded.put(index, values);
    }

    int foldedCount() {
        return folded.size();
    }

    /**
     * Returns a constant tensor's values as float32: folded values, float32 data, FP16 data widened, or integer data
     * dequantized with the tensor's scale and zero point.
     */
    float[] floatConstant(int index) {
        float[] values = folded.get(index);
        if (values != null) {
            return values;
        }
        ByteBuffer data = rawData(index);
        if (data == null) {
            throw new IllegalStateException("tensor " + name(index) + " is not a constant");
        }
        byte type = type(index);
        switch (type) {
            case TensorType.FLOAT32 -> {
                float[] out = new float[data.remaining() / 4];
                data.asFloatBuffer().get(out);
                return out;
            }
            case TensorType.FLOAT16 -> {
                float[] out = new float[data.remaining() / 2];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float16.toFloat(data.getShort(data.position() + 2 * i));
                }
                return out;
            }
            case TensorType.INT8, TensorType.UINT8 -> {
                return dequantize(index, data, type == TensorType.UINT8);
            }
            default -> throw new IllegalStateException("tensor " + name(index) + " has type "
                    + TensorType.name(type) + ", not a float type");
        }
    }

    /** Returns an integer constant (INT32 or INT64) widened to long. */
    long[] intConstant(int index) {
        ByteBuffer data = rawData(index);
        if (data == null) {
            throw new IllegalStateException("tensor " + name(index) + " is not a constant");
        }
        switch (type(index)) {
            case TensorType.INT32 -> {
                long[] out = new long[data.remaining() / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = data.getInt(data.position() + 4 * i);
                }
                return out;
            }
            case TensorType.INT64 -> {
                long[] out = new long[data.remaining() / 8];
                data.asLongBuffer().get(out);
                return out;
            }
            default -> throw new IllegalStateException("tensor " + name(index) + " has type "
                    + TensorType.name(type(index)) + ", not an integer type");
        }
    }

    private float[] dequantize(int index, ByteBuffer data, boolean unsigned) {
        QuantizationParameters q = tensor(index).quantization();
        if (q == null || q.scaleLength() == 0) {
            throw new IllegalStateException("quantized tensor " + name(index) + " has no scale");
        }
        int[] shape = shape(index);
        int axis = q.quantizedDimension();
        int channels = q.scaleLength();
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        float[] out = new float[data.remaining()];
        for (int i = 0; i < out.length; i++) {
            int raw = data.get(data.position() + i);
            int value = unsigned ? raw & 0xff : raw;
            int channel = channels == 1 ? 0 : (i / inner) % channels;
            long zeroPoint = q.zeroPointLength() > channel ? q.zeroPoint(channel) : 0;
            out[i] = (float) ((value - zeroPoint) * (double) q.scale(channel));
        }
        return out;
    }

    private ByteBuffer rawData(int index) {
        long bufferIndex = tensor(index).buffer();
        if (bufferIndex <= 0 || bufferIndex >= model.buffersLength()) {
            return null;
        }
        Buffer buffer = model.buffers((int) bufferIndex);
        if (buffer.dataLength() == 0) {
            return null;
        }
        return buffer.dataAsByteBuffer().slice().order(ByteOrder.LITTLE_ENDIAN);
    }
}

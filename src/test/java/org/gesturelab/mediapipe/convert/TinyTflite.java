package org.gesturelab.mediapipe.convert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.flatbuffers.FlatBufferBuilder;
import org.tensorflow.lite.schema.BufferT;
import org.tensorflow.lite.schema.BuiltinOptionsUnion;
import org.tensorflow.lite.schema.DimensionMetadataT;
import org.tensorflow.lite.schema.DimensionType;
import org.tensorflow.lite.schema.Int32VectorT;
import org.tensorflow.lite.schema.Model;
import org.tensorflow.lite.schema.ModelT;
import org.tensorflow.lite.schema.OperatorCodeT;
import org.tensorflow.lite.schema.OperatorT;
import org.tensorflow.lite.schema.SparseIndexVector;
import org.tensorflow.lite.schema.SparseIndexVectorUnion;
import org.tensorflow.lite.schema.SparsityParametersT;
import org.tensorflow.lite.schema.SubGraphT;
import org.tensorflow.lite.schema.TensorT;
import org.tensorflow.lite.schema.TensorType;
import org.tensorflow.lite.schema.Uint8VectorT;

/** Builds small TFLite flatbuffers in memory for per-operator tests, with the schema's object API. */
public final class TinyTflite {

    private final List<TensorT> tensors = new ArrayList<>();
    private final List<BufferT> buffers = new ArrayList<>(List.of(new BufferT()));
    private final List<OperatorT> operators = new ArrayList<>();
    private final List<OperatorCodeT> codes = new ArrayList<>();
    private final Map<Integer, Integer> codeIndex = new HashMap<>();
    private final List<Integer> inputs = new ArrayList<>();
    private final List<Integer> outputs = new ArrayList<>();

    /** Adds a float32 graph input. */
    public int input(String name, int... shape) {
        int t = tensor(name, shape);
        inputs.add(t);
        return t;
    }

    /** Adds a float32 tensor computed by an operator. */
    public int tensor(String name, int... shape) {
        return addTensor(name, shape, TensorType.FLOAT32, 0);
    }

    /** Adds a float32 constant. */
    public int constant(String name, int[] shape, float[] values) {
        ByteBuffer bytes = bytes(values.length * 4);
        bytes.asFloatBuffer().put(values);
        return addTensor(name, shape, TensorType.FLOAT32, buffer(bytes));
    }

    /** Adds an FP16 constant (values are rounded to half precision). */
    public int constantFp16(String name, int[] shape, float[] values) {
        return addTensor(name, shape, TensorType.FLOAT16, buffer(halves(values)));
    }

    /** Adds an int32 constant. */
    public int intConstant(String name, int[] shape, int... values) {
        ByteBuffer bytes = bytes(values.length * 4);
        bytes.asIntBuffer().put(values);
        return addTensor(name, shape, TensorType.INT32, buffer(bytes));
    }

    /**
     * Adds a sparse FP16 constant: every dimension dense but the last, which is SPARSE_CSR with uint8 indices, the
     * layout TFLite's converter gives MediaPipe's pruned weights.
     */
    public int sparseFp16(String name, int[] shape, float[] dense) {
        int columns = shape[shape.length - 1];
        int rows = dense.length / columns;
        List<Float> stored = new ArrayList<>();
        int[] segments = new int[rows + 1];
        List<Integer> indices = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                float value = dense[r * columns + c];
                if (value != 0f) {
                    stored.add(value);
                    indices.add(c);
                }
            }
            segments[r + 1] = indices.size();
        }
        float[] values = new float[stored.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = stored.get(i);
        }
        int t = addTensor(name, shape, TensorType.FLOAT16, buffer(halves(values)));
        SparsityParametersT sparsity = new SparsityParametersT();
        int[] order = new int[shape.length];
        DimensionMetadataT[] metadata = new DimensionMetadataT[shape.length];
        for (int d = 0; d < shape.length; d++) {
            order[d] = d;
            metadata[d] = new DimensionMetadataT();
            if (d < shape.length - 1) {
                metadata[d].setFormat(DimensionType.DENSE);
                metadata[d].setDenseSize(shape[d]);
            } else {
                metadata[d].setFormat(DimensionType.SPARSE_CSR);
                Int32VectorT segmentVector = new Int32VectorT();
                segmentVector.setValues(segments);
                SparseIndexVectorUnion segmentUnion = new SparseIndexVectorUnion();
                segmentUnion.setType(SparseIndexVector.Int32Vector);
                segmentUnion.setValue(segmentVector);
                metadata[d].setArraySegments(segmentUnion);
                Uint8VectorT indexVector = new Uint8VectorT();
                indexVector.setValues(indices.stream().mapToInt(Integer::intValue).toArray());
                SparseIndexVectorUnion indexUnion = new SparseIndexVectorUnion();
                indexUnion.setType(SparseIndexVector.Uint8Vector);
                indexUnion.setValue(indexVector);
                metadata[d].setArrayIndices(indexUnion);
            }
        }
        sparsity.setTraversalOrder(order);
        sparsity.setBlockMap(new int[0]);
        sparsity.setDimMetadata(metadata);
        tensors.get(t).setSparsity(sparsity);
        return t;
    }

    /** Adds an operator; {@code options} is the schema's options object (for example {@code Conv2DOptionsT}). */
    public void op(int builtinCode, byte optionsType, Object options, int[] opInputs, int... opOutputs) {
        int index = codeIndex.computeIfAbsent(builtinCode, code -> {
            OperatorCodeT operatorCode = new OperatorCodeT();
            operatorCode.setBuiltinCode(code);
            operatorCode.setDeprecatedBuiltinCode((byte) Math.min(code, 127));
            operatorCode.setVersion(1);
            codes.add(operatorCode);
            return codes.size() - 1;
        });
        OperatorT operator = new OperatorT();
        operator.setOpcodeIndex(index);
        operator.setInputs(opInputs);
        operator.setOutputs(opOutputs);
        BuiltinOptionsUnion union = new BuiltinOptionsUnion();
        union.setType(optionsType);
        union.setValue(options);
        operator.setBuiltinOptions(union);
        operators.add(operator);
    }

    /** Marks a tensor as a graph output. */
    public void output(int t) {
        outputs.add(t);
    }

    /** Returns the finished {@code .tflite} bytes. */
    public byte[] build() {
        SubGraphT graph = new SubGraphT();
        graph.setTensors(tensors.toArray(new TensorT[0]));
        graph.setInputs(inputs.stream().mapToInt(Integer::intValue).toArray());
        graph.setOutputs(outputs.stream().mapToInt(Integer::intValue).toArray());
        graph.setOperators(operators.toArray(new OperatorT[0]));
        graph.setName("main");
        ModelT model = new ModelT();
        model.setVersion(3);
        model.setOperatorCodes(codes.toArray(new OperatorCodeT[0]));
        model.setSubgraphs(new SubGraphT[] {graph});
        model.setBuffers(buffers.toArray(new BufferT[0]));
        model.setDescription("GestureLab test graph");
        FlatBufferBuilder builder = new FlatBufferBuilder(1024);
        Model.finishModelBuffer(builder, Model.pack(builder, model));
        return builder.sizedByteArray();
    }

    private int addTensor(String name, int[] shape, byte type, int buffer) {
        TensorT tensor = new TensorT();
        tensor.setName(name);
        tensor.setShape(shape);
        tensor.setType(type);
        tensor.setBuffer(buffer);
        tensors.add(tensor);
        return tensors.size() - 1;
    }

    private int buffer(ByteBuffer bytes) {
        byte[] raw = bytes.array();
        int[] data = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            data[i] = raw[i];
        }
        BufferT buffer = new BufferT();
        buffer.setData(data);
        buffers.add(buffer);
        return buffers.size() - 1;
    }

    private static ByteBuffer bytes(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer halves(float[] values) {
        ByteBuffer bytes = bytes(values.length * 2);
        for (float value : values) {
            bytes.putShort(toHalf(value));
        }
        return bytes;
    }

    /** Rounds a float to the nearest half (normal range only, enough for test weights). */
    static short toHalf(float value) {
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int exponent = ((bits >>> 23) & 0xff) - 127 + 15;
        int mantissa = bits & 0x7fffff;
        if (value == 0f || exponent <= 0) {
            return (short) sign;
        }
        int half = sign | (exponent << 10) | (mantissa >>> 13);
        if ((mantissa & 0x1fff) > 0x1000 || ((mantissa & 0x1fff) == 0x1000 && (half & 1) == 1)) {
            half++;
        }
        return (short) half;
    }
}

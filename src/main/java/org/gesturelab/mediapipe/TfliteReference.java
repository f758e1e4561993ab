package org.gesturelab.mediapipe;

import org.gesturelab.mediapipe.convert.NamedTensor;
import org.gesturelab.mediapipe.convert.TensorSpec;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteFloat32;
import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithXNNPACK;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteIntArray;
import org.bytedeco.tensorflowlite.TfLiteTensor;

/**
 * Runs an original {@code .tflite} model with the TensorFlow Lite runtime (Bytedeco build) on one thread with the
 * XNNPACK delegate: the reference the converted ONNX models are checked and benchmarked against.
 *
 * <p>Inputs and outputs are float32 tensors in the model's own layout (NHWC for images), named as in the model.
 *
 * <p>Not thread-safe: an interpreter holds its tensors in place, so use one instance per thread. Close it to free the
 * native interpreter and model.
 */
public final class TfliteReference implements AutoCloseable {

    /**
     * Which TFLite kernels run the model. The two disagree in the last bits like any two kernel libraries; on
     * outputs with huge logits (pose segmentation) that reaches 2e-3 of the range, which tells how closely any other
     * runtime can be expected to match.
     */
    public enum Kernels {
        /** The XNNPACK delegate, as MediaPipe runs the models: the reference. */
        XNNPACK,
        /** TFLite's builtin (reference and optimized) kernels, no delegate. */
        BUILTIN
    }

    private final String source;
    private final BytePointer modelBytes;
    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;
    private final Interpreter interpreter;
    private final List<TensorSpec> inputs;
    private final List<TensorSpec> outputs;
    private boolean closed;

    private TfliteReference(String source, BytePointer modelBytes, FlatBufferModel model, Kernels kernels) {
        this.source = source;
        this.modelBytes = modelBytes;
        this.model = model;
        this.resolver = kernels == Kernels.XNNPACK ? new BuiltinOpResolverWithXNNPACK()
                : new BuiltinOpResolverWithoutDefaultDelegates();
        this.interpreter = new Interpreter((org.bytedeco.javacpp.Pointer) null);
        try (InterpreterBuilder builder = new InterpreterBuilder(model, resolver)) {
            check(builder.SetNumThreads(1), "set one thread");
            check(builder.apply(interpreter), "build the interpreter");
        }
        if (interpreter.isNull()) {
            throw new IllegalStateException("TensorFlow Lite could not build an interpreter for " + source);
        }
        check(interpreter.AllocateTensors(), "allocate tensors");
        this.inputs = specs(true);
        this.outputs = specs(false);
    }

    /**
     * Loads a model from a file.
     *
     * @param tflite the {@code .tflite} file
     * @return the reference runtime, ready to run
     * @throws IOException if the file cannot be read or is not a TFLite model
     */
    public static TfliteReference open(Path tflite) throws IOException {
        return open(tflite, Kernels.XNNPACK);
    }

    /**
     * Loads a model from a file with the chosen kernels.
     *
     * @param tflite the {@code .tflite} file
     * @param kernels XNNPACK (the reference, as MediaPipe runs it) or TFLite's builtin kernels
     * @return the reference runtime, ready to run
     * @throws IOException if the file cannot be read or is not a TFLite model
     */
    public static TfliteReference open(Path tflite, Kernels kernels) throws IOException {
        return fromBytes(Files.readAllBytes(tflite), tflite.toString(), kernels);
    }

    /**
     * Loads a model from its flatbuffer bytes (for example one built in memory).
     *
     * @param flatbuffer the model file's contents
     * @param source a description for error messages, such as the file name
     * @return the reference runtime, ready to run
     * @throws IOException if the bytes are not a valid TFLite model
     */
    public static TfliteReference fromBytes(byte[] flatbuffer, String source) throws IOException {
        return fromBytes(flatbuffer, source, Kernels.XNNPACK);
    }

    private static TfliteReference fromBytes(byte[] flatbuffer, String source, Kernels kernels) throws IOException {
        // The FlatBufferModel points into these bytes, so they live as long as the interpreter.
        BytePointer bytes = new BytePointer(flatbuffer.length);
        bytes.put(flatbuffer);
        FlatBufferModel model = FlatBufferModel.VerifyAndBuildFromBuffer(bytes, flatbuffer.length);
        if (model == null || model.isNull()) {
            bytes.close();
            throw new IOException("Not a valid TensorFlow Lite model: " + source);
        }
        return new TfliteReference(source, bytes, model, kernels);
    }

    /** Returns the model's inputs in order. */
    public List<TensorSpec> inputs() {
        return inputs;
    }

    /** Returns the model's outputs in order. */
    public List<TensorSpec> outputs() {
        return outputs;
    }

    /**
     * Runs the model once.
     *
     * @param inputValues one row-major float array per input, in the order of {@link #inputs()}
     * @return the outputs in the order of {@link #outputs()}
     */
    public List<NamedTensor> run(float[]... inputValues) {
        ensureOpen();
        if (inputValues.length != inputs.size()) {
            throw new IllegalArgumentException(source + " takes " + inputs.size() + " inputs, got "
                    + inputValues.length);
        }
        for (int i = 0; i < inputValues.length; i++) {
            TensorSpec spec = inputs.get(i);
            long expected = NamedTensor.elementCount(spec.shape());
            if (inputValues[i].length != expected) {
                throw new IllegalArgumentException("Input " + spec + " needs " + expected + " values, got "
                        + inputValues[i].length);
            }
            FloatPointer target = interpreter.typed_input_tensor_float(i);
            target.put(inputValues[i]);
        }
        check(interpreter.Invoke(), "run the model");
        List<NamedTensor> results = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            TensorSpec spec = outputs.get(i);
            float[] values = new float[Math.toIntExact(NamedTensor.elementCount(spec.shape()))];
            interpreter.typed_output_tensor_float(i).get(values);
            results.add(new NamedTensor(spec.name(), spec.shape(), values));
        }
        return results;
    }

    /**
     * Runs the model once with inputs given by name.
     *
     * @param inputsByName one row-major float array per input name
     * @return the outputs in the order of {@link #outputs()}
     */
    public List<NamedTensor> run(Map<String, float[]> inputsByName) {
        float[][] ordered = new float[inputs.size()][];
        for (int i = 0; i < ordered.length; i++) {
            ordered[i] = inputsByName.get(inputs.get(i).name());
            if (ordered[i] == null) {
                throw new IllegalArgumentException("Missing input " + inputs.get(i).name() + " for " + source);
            }
        }
        return run(ordered);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Interpreter first: it refers to the model, which refers to the bytes.
        interpreter.close();
        resolver.close();
        model.close();
        modelBytes.close();
    }

    private List<TensorSpec> specs(boolean forInputs) {
        // The std::vector adapter sets the pointer's capacity to the vector's size.
        int count = (int) (forInputs ? interpreter.inputs() : interpreter.outputs()).capacity();
        List<TensorSpec> specs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TfLiteTensor tensor = forInputs ? interpreter.input_tensor(i) : interpreter.output_tensor(i);
            if (tensor.type() != kTfLiteFloat32) {
                throw new IllegalStateException((forInputs ? "Input " : "Output ") + i + " of " + source
                        + " is not float32 (TFLite type " + tensor.type() + ")");
            }
            TfLiteIntArray dims = tensor.dims();
            int[] shape = new int[dims.size()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = dims.data(d);
            }
            specs.add(new TensorSpec(tensor.name().getString(), shape));
        }
        return List.copyOf(specs);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("TfliteReference for " + source + " is closed");
        }
    }

    private void check(int status, String what) {
        if (status != kTfLiteOk) {
            throw new IllegalStateException("TensorFlow Lite failed to " + what + " for " + source
                    + " (status " + status + ")");
        }
    }

    @Override
    public String toString() {
        return "TfliteReference[" + source + ", inputs " + inputs + ", outputs " + Arrays.toString(outputs.toArray())
                + "]";
    }
}

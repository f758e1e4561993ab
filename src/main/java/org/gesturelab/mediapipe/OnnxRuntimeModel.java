package org.gesturelab.mediapipe;

import org.gesturelab.mediapipe.convert.NamedTensor;
import org.gesturelab.mediapipe.convert.TensorSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.protobuf.InvalidProtocolBufferException;

import ai.onnx.proto.OnnxMl;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;

/**
 * Runs a converted {@code .onnx} model through DJL's ONNX Runtime engine with {@link OrtSessionSettings}: float32
 * arrays in, named float32 tensors out, in the same layout as {@link TfliteReference}. Used to verify and benchmark
 * the converted models against the originals.
 *
 * <p>Not thread-safe (it holds one predictor): use one instance per thread, and close it.
 */
public final class OnnxRuntimeModel implements AutoCloseable {

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;
    private final List<TensorSpec> inputs;

    private OnnxRuntimeModel(ZooModel<NDList, NDList> model, List<TensorSpec> inputs) {
        this.model = model;
        this.predictor = model.newPredictor();
        this.inputs = List.copyOf(inputs);
    }

    /**
     * Loads an ONNX model file on the ONNX Runtime engine.
     *
     * @param onnx the {@code .onnx} file
     * @return the runner
     * @throws IOException if the file cannot be read or ONNX Runtime rejects it
     */
    public static OnnxRuntimeModel open(Path onnx) throws IOException {
        Criteria<NDList, NDList> criteria = OrtSessionSettings.apply(Criteria.builder()
                        .setTypes(NDList.class, NDList.class))
                // A folder plus a model name: DJL finds NAME.onnx there (a file path works too, with a warning).
                .optModelPath(onnx.toAbsolutePath().getParent())
                .optModelName(onnx.getFileName().toString().replaceFirst("\\.onnx$", ""))
                .optTranslator(new NoopTranslator())
                .build();
        List<TensorSpec> inputs = graphInputs(onnx);
        try {
            return new OnnxRuntimeModel(criteria.loadModel(), inputs);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IOException("ONNX Runtime cannot load " + onnx + ": " + e.getMessage(), e);
        }
    }

    /** Returns the model's inputs in order. */
    public List<TensorSpec> inputs() {
        return inputs;
    }

    /**
     * Runs the model once.
     *
     * @param inputValues one row-major float array per input, in the order of {@link #inputs()}
     * @return the outputs in the model's order, named as in the model
     */
    public List<NamedTensor> run(float[]... inputValues) {
        if (inputValues.length != inputs.size()) {
            throw new IllegalArgumentException("The model takes " + inputs.size() + " inputs, got "
                    + inputValues.length);
        }
        try (NDManager manager = model.getNDManager().newSubManager()) {
            NDList in = new NDList(inputValues.length);
            for (int i = 0; i < inputValues.length; i++) {
                TensorSpec spec = inputs.get(i);
                NDArray array = manager.create(inputValues[i], new Shape(toLongs(spec.shape())));
                array.setName(spec.name());
                in.add(array);
            }
            NDList out = predictor.predict(in);
            List<NamedTensor> results = new ArrayList<>(out.size());
            for (NDArray array : out) {
                results.add(new NamedTensor(array.getName(), toInts(array.getShape()), array.toFloatArray()));
            }
            out.close();
            return results;
        } catch (TranslateException e) {
            throw new IllegalStateException("ONNX Runtime failed to run the model: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }

    /** Reads the graph's inputs from the file: DJL describes ONNX Runtime inputs without their shapes. */
    private static List<TensorSpec> graphInputs(Path onnx) throws IOException {
        OnnxMl.GraphProto graph;
        try (InputStream in = Files.newInputStream(onnx)) {
            graph = OnnxMl.ModelProto.parseFrom(in).getGraph();
        } catch (InvalidProtocolBufferException e) {
            throw new IOException("Not an ONNX model: " + onnx, e);
        }
        Set<String> initializers = new HashSet<>();
        graph.getInitializerList().forEach(tensor -> initializers.add(tensor.getName()));
        List<TensorSpec> inputs = new ArrayList<>();
        for (OnnxMl.ValueInfoProto input : graph.getInputList()) {
            if (initializers.contains(input.getName())) {
                continue;
            }
            List<OnnxMl.TensorShapeProto.Dimension> dims = input.getType().getTensorType().getShape().getDimList();
            int[] shape = new int[dims.size()];
            for (int d = 0; d < shape.length; d++) {
                if (!dims.get(d).hasDimValue()) {
                    throw new IOException(onnx + " has a dynamic dimension in input " + input.getName()
                            + "; GestureLab's models have static shapes");
                }
                shape[d] = Math.toIntExact(dims.get(d).getDimValue());
            }
            inputs.add(new TensorSpec(input.getName(), shape));
        }
        return inputs;
    }

    private static int[] toInts(Shape shape) {
        long[] dims = shape.getShape();
        int[] out = new int[dims.length];
        for (int i = 0; i < dims.length; i++) {
            out[i] = Math.toIntExact(dims[i]);
        }
        return out;
    }

    private static long[] toLongs(int[] shape) {
        long[] out = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            out[i] = shape[i];
        }
        return out;
    }
}

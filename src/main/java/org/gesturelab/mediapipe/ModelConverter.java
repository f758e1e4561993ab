package org.gesturelab.mediapipe;

import org.gesturelab.mediapipe.convert.TensorSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.mediapipe.convert.ConversionReport;
import org.gesturelab.mediapipe.convert.TfliteToOnnx;

/** Converts one {@code .tflite} model to ONNX for {@link ModelInstaller}: in production GestureLab's own converter. */
@FunctionalInterface
public interface ModelConverter {

    /**
     * Converts a model.
     *
     * @param tflite the original model
     * @param onnx the file to write
     * @return the converted model's inputs and outputs
     * @throws IOException if a file cannot be read or written
     * @throws org.gesturelab.core.GestureLabException if the model cannot be converted, saying why
     */
    Signature convert(Path tflite, Path onnx) throws IOException;

    /** Returns GestureLab's own converter, {@link TfliteToOnnx}. */
    static ModelConverter tfliteToOnnx() {
        return (tflite, onnx) -> {
            ConversionReport report = TfliteToOnnx.convert(tflite, onnx);
            return new Signature(report.inputs(), report.outputs());
        };
    }

    /**
     * A model's inputs and outputs.
     *
     * @param inputs the inputs, in order
     * @param outputs the outputs, in order
     */
    record Signature(List<TensorSpec> inputs, List<TensorSpec> outputs) {

        /** Copies the lists so the record stays immutable. */
        public Signature {
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }
    }
}

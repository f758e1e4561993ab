package org.gesturelab.mediapipe.convert;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;


/**
 * What a conversion produced.
 *
 * @param inputs the ONNX graph inputs (TFLite names and NHWC shapes)
 * @param outputs the ONNX graph outputs (TFLite names and shapes)
 * @param tfliteOperators how often each TFLite operator occurs in the source, by name
 * @param onnxOperators how often each ONNX operator occurs in the result, by name
 * @param nodeCount the number of ONNX nodes
 * @param foldedConstants how many TFLite tensors (FP16 Dequantize and Densify results) were folded into float32
 *     initializers
 */
public record ConversionReport(List<TensorSpec> inputs, List<TensorSpec> outputs,
        Map<String, Integer> tfliteOperators, Map<String, Integer> onnxOperators, int nodeCount,
        int foldedConstants) {

    /** Copies the collections so the report stays immutable; operator counts are sorted by name. */
    public ConversionReport {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        tfliteOperators = Collections.unmodifiableMap(new TreeMap<>(tfliteOperators));
        onnxOperators = Collections.unmodifiableMap(new TreeMap<>(onnxOperators));
    }
}

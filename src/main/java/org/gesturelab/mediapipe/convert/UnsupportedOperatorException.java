package org.gesturelab.mediapipe.convert;

import java.util.Collection;
import java.util.List;

import org.gesturelab.core.GestureLabException;

/** Thrown when a TFLite model uses an operator (or an operator setting) the converter does not handle. */
public class UnsupportedOperatorException extends GestureLabException {

    private static final long serialVersionUID = 1L;

    private final List<String> operators;

    /**
     * Creates the exception.
     *
     * @param model the model file, named in the message
     * @param operators the operators that cannot be converted, for example {@code CUSTOM:TransformLandmarks}
     */
    public UnsupportedOperatorException(String model, Collection<String> operators) {
        super("Cannot convert " + model + " to ONNX: unsupported operator" + (operators.size() == 1 ? " " : "s ")
                + String.join(", ", operators) + ". Use a model built from the supported operators ("
                + String.join(", ", TfliteToOnnx.supportedOperators()) + ").");
        this.operators = List.copyOf(operators);
    }

    /** Returns the operators that could not be converted. */
    public List<String> operators() {
        return operators;
    }
}

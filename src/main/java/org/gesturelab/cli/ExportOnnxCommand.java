package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.convert.TensorSpec;
import org.gesturelab.mediapipe.convert.ConversionReport;
import org.gesturelab.mediapipe.convert.TfliteToOnnx;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gesturelab models export-onnx IN.tflite OUT.onnx}: converts one TFLite model with the built-in converter. */
@Command(
        name = "export-onnx",
        mixinStandardHelpOptions = true,
        description = "Convert a TensorFlow Lite model to ONNX (same input and output names and shapes).")
public final class ExportOnnxCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN.tflite", description = "The TensorFlow Lite model to convert.")
    private Path tflite;

    @Parameters(index = "1", paramLabel = "OUT.onnx", description = "Where to write the ONNX model.")
    private Path onnx;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(tflite)) {
            throw new GestureLabException("No such model file: " + tflite + ". Pass the path of a .tflite file.");
        }
        ConversionReport report;
        try {
            report = TfliteToOnnx.convert(tflite, onnx);
        } catch (IOException e) {
            throw new GestureLabException("Could not convert " + tflite + ": " + e.getMessage()
                    + ". Check that it is a TensorFlow Lite model and that " + onnx + " is writable.", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + onnx + " (" + report.nodeCount() + " ONNX nodes, " + report.foldedConstants()
                + " weights folded to float32)");
        for (TensorSpec input : report.inputs()) {
            out.println("  input  " + input);
        }
        for (TensorSpec output : report.outputs()) {
            out.println("  output " + output);
        }
        out.println("  TFLite operators: " + report.tfliteOperators());
        out.println("  ONNX operators:   " + report.onnxOperators());
        out.flush();
        return 0;
    }
}

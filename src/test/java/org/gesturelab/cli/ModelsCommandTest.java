package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gesturelab.models.convert.TinyTflite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.SoftmaxOptionsT;

import picocli.CommandLine;

class ModelsCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = GestureLabCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void modelsHelpListsExportOnnx() {
        assertEquals(0, run("models", "--help"));
        assertTrue(out.toString().contains("export-onnx"), out.toString());
        assertTrue(out.toString().contains("Install, convert and verify the MediaPipe models"), out.toString());
    }

    @Test
    void exportOnnxWritesTheModelAndDescribesIt() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("pixels", 1, 4, 4, 3);
        int y = g.tensor("activated", 1, 4, 4, 3);
        g.op(BuiltinOperator.RELU, (byte) 0, null, new int[] {x}, y);
        g.output(y);
        Path tflite = folder.resolve("relu.tflite");
        Files.write(tflite, g.build());
        Path onnx = folder.resolve("out").resolve("relu.onnx");

        assertEquals(0, run("models", "export-onnx", tflite.toString(), onnx.toString()), err.toString());
        assertTrue(Files.size(onnx) > 0);
        assertTrue(out.toString().contains("input  pixels[1, 4, 4, 3]"), out.toString());
        assertTrue(out.toString().contains("output activated[1, 4, 4, 3]"), out.toString());
        assertTrue(out.toString().contains("Relu=1"), out.toString());
    }

    @Test
    void exportOnnxOfAMissingFileSaysSo() {
        Path missing = folder.resolve("missing.tflite");
        assertEquals(GestureLabCommand.EXIT_USER_ERROR,
                run("models", "export-onnx", missing.toString(), folder.resolve("x.onnx").toString()));
        assertTrue(err.toString().contains("No such model file"), err.toString());
    }

    @Test
    void exportOnnxNamesAnUnsupportedOperator() throws IOException {
        TinyTflite g = new TinyTflite();
        int x = g.input("logits", 1, 5);
        int y = g.tensor("probabilities", 1, 5);
        g.op(BuiltinOperator.SOFTMAX, BuiltinOptions.SoftmaxOptions, new SoftmaxOptionsT(), new int[] {x}, y);
        g.output(y);
        Path tflite = folder.resolve("softmax.tflite");
        Files.write(tflite, g.build());

        assertEquals(GestureLabCommand.EXIT_USER_ERROR,
                run("models", "export-onnx", tflite.toString(), folder.resolve("softmax.onnx").toString()));
        assertTrue(err.toString().contains("SOFTMAX"), err.toString());
        assertTrue(err.toString().contains("softmax.tflite"), err.toString());
    }
}

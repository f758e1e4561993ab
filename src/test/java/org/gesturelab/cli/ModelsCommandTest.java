package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gesturelab.mediapipe.convert.TinyTflite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.lite.schema.BuiltinOperator;
import org.tensorflow.lite.schema.BuiltinOptions;
import org.tensorflow.lite.schema.SoftmaxOptionsT;

class ModelsCommandTest {

    @TempDir
    Path folder;

    private final CliRunner cli = new CliRunner();

    @Test
    void modelsHelpListsExportOnnx() {
        assertEquals(0, cli.run("models", "--help"));
        assertTrue(cli.out().contains("export-onnx"), cli.out());
        assertTrue(cli.out().contains("Install, convert and verify the MediaPipe models"), cli.out());
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

        assertEquals(0, cli.run("models", "export-onnx", tflite.toString(), onnx.toString()), cli.err());
        assertTrue(Files.size(onnx) > 0);
        assertTrue(cli.out().contains("input  pixels[1, 4, 4, 3]"), cli.out());
        assertTrue(cli.out().contains("output activated[1, 4, 4, 3]"), cli.out());
        assertTrue(cli.out().contains("Relu=1"), cli.out());
    }

    @Test
    void exportOnnxOfAMissingFileSaysSo() {
        Path missing = folder.resolve("missing.tflite");
        assertEquals(GestureLabCommand.EXIT_USER_ERROR,
                cli.run("models", "export-onnx", missing.toString(), folder.resolve("x.onnx").toString()));
        assertTrue(cli.err().contains("No such model file"), cli.err());
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
                cli.run("models", "export-onnx", tflite.toString(), folder.resolve("softmax.onnx").toString()));
        assertTrue(cli.err().contains("SOFTMAX"), cli.err());
        assertTrue(cli.err().contains("softmax.tflite"), cli.err());
    }
}

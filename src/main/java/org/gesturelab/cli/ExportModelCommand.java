package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.export.OnnxExporter;
import org.gesturelab.core.GestureLabException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab export-model DIR --format onnx --out FILE.onnx}: the project's current classifier as one ONNX
 * graph (features inside) with a JSON model card beside it.
 */
@Command(name = "export-model", mixinStandardHelpOptions = true,
        description = {"Export the project's current classifier as an ONNX graph that takes raw keypoint windows "
                + "[batch, frames, 1662] (float32, zeros where a part is absent) and returns class probabilities; "
                + "the body-centric features are inside the graph, so any ONNX runtime can run it.",
            "Writes FILE.onnx and the model card FILE.json (classes, frames, layout, threshold) beside it."})
public final class ExportModelCommand implements Callable<Integer> {

    /** The formats {@code --format} accepts. */
    enum Format { ONNX }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--format", required = true, paramLabel = "onnx",
            description = "The model format; only onnx.")
    private Format format;

    @Option(names = "--out", required = true, paramLabel = "FILE.onnx", description = "The file to write.")
    private Path out;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.8",
            description = "The probability above which a gesture counts as recognized, written to the card "
                    + "(default: ${DEFAULT-VALUE}, the app's default).")
    private double threshold;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new GestureLabException("No such project folder: " + dir + ".");
        }
        Path model = ModelStore.current(dir).orElseThrow(() -> new GestureLabException("The project " + dir
                + " has no trained model yet. Train one with 'gesturelab train " + dir + "', then export it."));
        OnnxExporter.Result result;
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            result = OnnxExporter.export(model, out, threshold, progress);
        }
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf(Locale.ROOT, "Wrote %s (%s, %d classes, %d ONNX nodes, %.1f MB)%n", result.onnx(),
                result.modelCard().architecture(), result.modelCard().classes().size(), result.nodes(),
                result.bytes() / 1e6);
        writer.println("Wrote " + result.card() + " (model card)");
        writer.println("  input  " + OnnxExporter.INPUT + " float32 [batch, frames, 1662]; windows of "
                + result.modelCard().frames() + " frames are what the model was trained on");
        writer.println("  output " + OnnxExporter.OUTPUT + " float32 [batch, " + result.modelCard().classes().size()
                + "]: " + String.join(", ", result.modelCard().classes()));
        writer.flush();
        return 0;
    }
}

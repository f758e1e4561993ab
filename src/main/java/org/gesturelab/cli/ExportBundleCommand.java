package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gesturelab.classify.export.BundleExporter;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.mediapipe.ModelDirectory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab export-bundle DIR --out FOLDER}: the classifier, its card, the MediaPipe ONNX models with their
 * checksums, a sample clip and runnable Node.js and Python examples, in one folder.
 */
@Command(name = "export-bundle", mixinStandardHelpOptions = true,
        description = {"Write everything needed to recognize the project's gestures wherever ONNX Runtime runs: "
                + "the classifier (classifier.onnx + classifier.json), the MediaPipe Holistic ONNX models with their "
                + "manifest, a sample clip, Node.js and Python examples, a README and SHA256SUMS.",
            "FOLDER must not exist or be empty."})
public final class ExportBundleCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--out", required = true, paramLabel = "FOLDER", description = "The bundle folder to create.")
    private Path out;

    @Option(names = "--models", paramLabel = "DIR",
            description = "MediaPipe model directory (default: $GESTURELAB_MODELS or ~/.gesturelab/models).")
    private Path models;

    @Option(names = "--threshold", paramLabel = "P", defaultValue = "0.8",
            description = "The recognition threshold written to the card (default: ${DEFAULT-VALUE}).")
    private double threshold;

    @Override
    public Integer call() throws IOException {
        if (!Project.isProject(dir)) {
            throw new GestureLabException("No GestureLab project at " + dir + ": pass the folder that holds "
                    + "project.json.");
        }
        BundleExporter.Sample sample = sample(dir);
        BundleExporter.Result result;
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            result = BundleExporter.export(dir, ModelDirectory.resolve(models), sample, out, threshold, progress);
        }
        PrintWriter writer = spec.commandLine().getOut();
        writer.printf(Locale.ROOT, "Wrote %s: %d files, %.1f MB%n", result.folder(), result.files().size(),
                result.bytes() / 1e6);
        writer.println("  classifier " + result.card().architecture() + ", classes "
                + String.join(", ", result.card().classes()));
        writer.println("  try it: cd " + result.folder() + " && npm install --ignore-scripts onnxruntime-node && "
                + "node example/recognize.mjs" + (sample == null ? " CLIP.npy" : ""));
        writer.flush();
        return 0;
    }

    /** The first labelled test clip, else the first labelled training clip, else none. */
    private static BundleExporter.Sample sample(Path dir) throws IOException {
        try (Project project = Project.openReadOnly(dir)) {
            for (ClipState state : new ClipState[] {ClipState.TEST, ClipState.TRAIN}) {
                LabeledClips clips = project.labeledClips(state);
                if (clips.size() > 0) {
                    return new BundleExporter.Sample(clips.clips().get(0),
                            clips.classes().get(clips.labels()[0]));
                }
            }
            return null;
        }
    }
}

package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.ModelDirectory;
import org.gesturelab.mediapipe.ModelVerifier;
import org.gesturelab.mediapipe.ModelVerifier.KernelSpread;
import org.gesturelab.mediapipe.ModelVerifier.ModelVerification;
import org.gesturelab.mediapipe.ModelVerifier.OutputComparison;
import org.gesturelab.mediapipe.ModelVerifier.RawDifferences;
import org.gesturelab.mediapipe.ModelVerifier.VerificationReport;
import org.gesturelab.mediapipe.VerificationImages;
import org.gesturelab.mediapipe.VerificationImages.RgbImage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gesturelab models verify}: compare every installed ONNX model with its TFLite original on the same
 * pictures. Exits with 1 when a model is missing, fails its checksum, or differs by more than the tolerance.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check the installed ONNX models against their TFLite originals.",
            "Runs every installed ONNX model (ONNX Runtime via DJL) and its TFLite original on the same pictures",
            "and prints, per model and output, the largest difference relative to the output's range, each",
            "output compared as MediaPipe consumes it: the pose segmentation mask after its sigmoid (its raw logit",
            "difference and TFLite's own XNNPACK-vs-builtin spread printed below it), everything else raw.",
            "Pictures: frames of --video files, else of the shared gesture videos ($GESTURELAB_SHARED_DATA or",
            "../shared/data) when present, else generated images. Exit code 1 when any output differs by more",
            "than 1e-3 of its range (or, where TFLite's own kernels disagree by more than that, by more than",
            "4x their disagreement), or a model is missing or fails its checksum."
        })
public final class ModelsVerifyCommand implements Callable<Integer> {

    private static final int GENERATED_PICTURES = 4;
    private static final long GENERATED_SEED = 20240601L;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = ModelDirectory.OPTION_DESCRIPTION)
    private Path dir;

    @Option(names = "--video", paramLabel = "FILE", description = "Take pictures from this video (repeatable).")
    private List<Path> videos = new ArrayList<>();

    @Option(names = "--frames", paramLabel = "N", defaultValue = "3",
            description = "Frames to take from each video (default: ${DEFAULT-VALUE}).")
    private int framesPerVideo;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> sources = videos.isEmpty() ? sharedVideos() : videos;
        List<RgbImage> images;
        String description;
        if (sources.isEmpty()) {
            images = VerificationImages.generated(GENERATED_PICTURES, 640, 480, GENERATED_SEED);
            description = GENERATED_PICTURES + " generated images";
        } else {
            for (Path video : sources) {
                if (!Files.isRegularFile(video)) {
                    throw new GestureLabException("Video " + video + " does not exist.");
                }
            }
            images = VerificationImages.fromVideos(sources, framesPerVideo);
            description = images.size() + " frames of " + sources.stream().map(p -> p.getFileName().toString())
                    .collect(Collectors.joining(", "));
        }
        VerificationReport report;
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            report = new ModelVerifier().verify(ModelDirectory.resolve(dir), images, description, progress);
        }
        if (json) {
            ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode node = mapper.valueToTree(report);
            node.put("directory", report.directory().toString());
            node.put("tolerance", ModelVerifier.TOLERANCE);
            node.put("passed", report.passed());
            out.println(mapper.writeValueAsString(node));
        } else {
            printTable(out, report);
        }
        out.flush();
        if (!report.passed()) {
            spec.commandLine().getErr().println("Verification failed: see the models marked above.");
            spec.commandLine().getErr().flush();
            return GestureLabCommand.EXIT_USER_ERROR;
        }
        return 0;
    }

    private static void printTable(PrintWriter out, VerificationReport report) {
        out.println("Models in " + report.directory());
        out.println("Inputs:  " + report.inputs());
        out.printf("%-28s %-14s %-16s %-8s %11s %11s %11s  %s%n", "model", "output", "shape", "space",
                "max |diff|", "range", "relative", "result");
        for (ModelVerification model : report.models()) {
            if (model.outputs().isEmpty()) {
                out.printf("%-28s %-14s %-16s %-8s %11s %11s %11s  %s: %s%n", model.artifactId(), "-", "-", "-", "-",
                        "-", "-", model.verdict(), model.detail());
                continue;
            }
            for (OutputComparison output : model.outputs()) {
                out.printf("%-28s %-14s %-16s %-8s %11.3e %11.4g %11.3e  %s%n", model.artifactId(), output.output(),
                        Arrays.stream(output.shape()).mapToObj(Integer::toString).collect(Collectors.joining("x")),
                        output.space().name().toLowerCase(Locale.ROOT), output.maxAbsDiff(), output.range(),
                        output.relativeDiff(), !output.passed() ? "DIFFERS"
                                : output.passedWithinSpread() ? "ok, within TFLite's spread" : "ok");
                KernelSpread spread = output.spread();
                if (spread != null) {
                    out.printf("%-28s   TFLite's own spread here: XNNPACK vs builtin kernels %.3e, ONNX vs builtin "
                            + "%.3e; tolerance %.3e%n", "", spread.xnnpackVsBuiltin(), spread.onnxVsBuiltin(),
                            output.tolerance());
                }
                RawDifferences raw = output.raw();
                if (raw != null) {
                    out.printf("%-28s   raw logits, range %.4g: ONNX vs XNNPACK %.3e (%.3e of range), XNNPACK vs "
                            + "builtin %.3e (%.3e), ONNX vs builtin %.3e (%.3e)%n", "", raw.range(),
                            raw.onnxVsXnnpack(), raw.onnxVsXnnpack() / raw.range(), raw.spread().xnnpackVsBuiltin(),
                            raw.spread().xnnpackVsBuiltin() / raw.range(), raw.spread().onnxVsBuiltin(),
                            raw.spread().onnxVsBuiltin() / raw.range());
                }
            }
        }
        long passed = report.models().stream().filter(m -> m.verdict() == ModelVerifier.Verdict.PASSED).count();
        out.printf("%d of %d models within tolerance (%.0e of each output's range, or %.0fx TFLite's own kernel "
                + "spread where that is larger).%n", passed, report.models().size(), ModelVerifier.TOLERANCE,
                ModelVerifier.SPREAD_FACTOR);
    }

    /** A few gesture videos from the shared data folder beside the project, if it is there. */
    private static List<Path> sharedVideos() {
        String configured = System.getenv("GESTURELAB_SHARED_DATA");
        Path root = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("..", "shared", "data");
        List<Path> found = new ArrayList<>();
        found.addAll(firstFiles(root.resolve("bodygesture15/videos_1m_upper/S1/videos"), ".avi", 2));
        found.addAll(firstFiles(root.resolve("asl-word-videos/hearbridge"), ".mp4", 1));
        return found;
    }

    private static List<Path> firstFiles(Path folder, String extension, int count) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().limit(count).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

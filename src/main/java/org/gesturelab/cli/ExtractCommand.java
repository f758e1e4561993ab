package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.keypoints.ClipExtractor;
import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.keypoints.Stage;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab extract}: MediaPipe Holistic keypoints of a video or every video in a folder, as
 * {@code NAME.npy} (frames x 1662) and {@code NAME.json}, optionally with an overlay video.
 */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        description = "Find pose, face and hand keypoints in videos: NAME.npy (float32, frames x 1662), NAME.json "
                + "(frame count, fps, how often each part was found, median ms per stage), optionally "
                + "NAME.overlay.mp4. Unreadable videos are reported and skipped.")
public final class ExtractCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "VIDEO|FOLDER", description = "A video file, or a folder whose videos to extract.")
    private Path input;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Where to write the results.")
    private Path out;

    @Option(names = "--overlay", description = "Also write NAME.overlay.mp4 with the keypoints drawn.")
    private boolean overlay;

    @CommandLine.Mixin
    private HolisticModelOptions holistic = new HolisticModelOptions();

    @Override
    public Integer call() {
        List<Path> videos = videos(input);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int failed = 0;
        HolisticOptions options = holistic.holisticOptions();
        try (HolisticPipeline pipeline = new HolisticPipeline(options)) {
            ClipExtractor extractor = new ClipExtractor(pipeline);
            for (int i = 0; i < videos.size(); i++) {
                Path video = videos.get(i);
                int index = i;
                ClipExtractor.Result result;
                try (ConsoleProgress progress = new ConsoleProgress(err)) {
                    result = extractor.extract(video, out, overlay, (message, done, total) -> progress.update(
                            String.format(Locale.ROOT, "[%d/%d] %s", index + 1, videos.size(),
                                    video.getFileName()), done, total));
                } catch (GestureLabException e) {
                    failed++;
                    err.println("Skipped " + video + ": " + e.getMessage());
                    err.flush();
                    continue;
                }
                stdout.println(describe(result));
                stdout.flush();
            }
        }
        if (failed > 0) {
            err.println(failed + " of " + videos.size() + " videos failed.");
            err.flush();
            return GestureLabCommand.EXIT_USER_ERROR;
        }
        return 0;
    }

    private static String describe(ClipExtractor.Result result) {
        var stats = result.statistics();
        return String.format(Locale.ROOT,
                "%s: %d frames at %.2f fps -> %s; pose %.0f%%, face %.0f%%, left hand %.0f%%, right hand %.0f%%; "
                        + "%.1f ms/frame (pose %.1f, hands %.1f, face %.1f)",
                result.video().getFileName(), result.frames(), result.frameRate(), result.npy().getFileName(),
                100 * stats.poseFraction(), 100 * stats.faceFraction(), 100 * stats.leftHandFraction(),
                100 * stats.rightHandFraction(), stats.medianMillis().getOrDefault(Stage.TOTAL, Double.NaN),
                stats.medianMillis().getOrDefault(Stage.POSE_LANDMARKS, Double.NaN),
                stats.medianMillis().getOrDefault(Stage.HANDS, Double.NaN),
                stats.medianMillis().getOrDefault(Stage.FACE, Double.NaN));
    }

    private static List<Path> videos(Path input) {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        if (!Files.isDirectory(input)) {
            throw new GestureLabException("No such video or folder: " + input + ".");
        }
        try (Stream<Path> listing = Files.list(input)) {
            List<Path> videos = listing.filter(Files::isRegularFile).filter(FrameSources::isVideo).sorted().toList();
            if (videos.isEmpty()) {
                throw new GestureLabException("No videos in " + input + " (looked for "
                        + String.join(", ", new java.util.TreeSet<>(FrameSources.VIDEO_EXTENSIONS)) + ").");
            }
            return videos;
        } catch (IOException e) {
            throw new GestureLabException("Cannot list " + input + ": " + e.getMessage(), e);
        }
    }
}

package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.CsvFormat;
import org.gesturelab.dataset.ImportResult;
import org.gesturelab.dataset.JointsFormat;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.NpyFolderFormat;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.RecordingImport;
import org.gesturelab.dataset.VideoImport;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.keypoints.VideoKeypointExtractor;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab import DIR --mp-data PATH | --csv FILE | --npy DIR | --joints DIR | --videos PATH |
 * --recording FILE}. Videos
 * go through the holistic keypoint pipeline ({@link VideoKeypointExtractor}), loaded only when a video is imported.
 */
@Command(name = "import", description = {"Import clips into a project, all or nothing: if any file is bad, "
        + "nothing is imported and the error names the file."})
public final class ImportCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Source source;

    /** Exactly one kind of input. */
    static final class Source {
        @Option(names = "--mp-data", paramLabel = "PATH", required = true,
                description = "An MP_Data folder: CLASS/SEQUENCE/FRAME.npy (1662 or 258 values per frame).")
        Path mpData;

        @Option(names = "--csv", paramLabel = "FILE", required = true,
                description = "A CSV file, class in the first column, one frame or one clip per row.")
        Path csv;

        @Option(names = "--npy", paramLabel = "DIR", required = true,
                description = "A folder of clips/*.npy with labels.csv, as 'export --format npy' writes it.")
        Path npy;

        @Option(names = "--joints", paramLabel = "DIR", required = true,
                description = "A folder of MediaPipe Pose landmark files, (frames, 33, 4) each, listed in its "
                        + "index.csv (file, subject, gesture, distance): one clip per file, class = gesture, pose "
                        + "only. Split by person with --test-subjects.")
        Path joints;

        @Option(names = "--videos", paramLabel = "PATH", required = true,
                description = "A folder of videos, one sub-folder per class: one clip per video, its keypoints "
                        + "resampled to the project's sequence length.")
        Path videos;

        @Option(names = "--recording", paramLabel = "FILE", required = true,
                description = "A long recording, a video or keypoints (.npy, frames x values), cut into "
                        + "overlapping windows.")
        Path recording;
    }

    @CommandLine.Mixin
    private HolisticModelOptions holistic = new HolisticModelOptions();

    @Option(names = "--as", paramLabel = "STATE",
            description = "train, test or pool (pool keeps labels hidden). Default: train for labeled data, "
                    + "pool for recordings; for --npy, the states stored in labels.csv.")
    private ClipState as;

    @Option(names = "--window", paramLabel = "FRAMES",
            description = "Recording window length in frames (default: the project's sequence length).")
    private Integer window;

    @Option(names = "--stride", paramLabel = "FRAMES", defaultValue = "10",
            description = "Frames between recording window starts (default: ${DEFAULT-VALUE}).")
    private int stride;

    @Option(names = "--label", paramLabel = "CLASS",
            description = "The class of every recording window (needed with --as train or test).")
    private String label;

    @Option(names = "--test-subjects", paramLabel = "S7,S8", split = ",",
            description = "With --joints: the subjects whose clips form the test split; every other subject's "
                    + "clips are for training (default: none, all for training).")
    private List<String> testSubjects = List.of();

    @Option(names = "--distance", paramLabel = "1m,4m", split = ",",
            description = "With --joints: keep only clips recorded at these distances (default: all).")
    private List<String> distances = List.of();

    @Option(names = "--segments", paramLabel = "FILE",
            description = "With --recording X.npy --as pool: its segments file (start,end,label, end exclusive); "
                    + "each window's hidden label is the class covering most of it, Nothing where no segment does.")
    private Path segments;

    @Option(names = "--as-nothing", paramLabel = "static,random", split = ",",
            description = "With --joints: gestures whose clips go into the Nothing class (idle, other movements) "
                    + "instead of classes of their own.")
    private List<String> asNothing = List.of();

    @Override
    public Integer call() throws Exception {
        if (as == ClipState.SKIPPED) {
            throw new GestureLabException("--as takes train, test or pool.");
        }
        if (source.joints == null && (!testSubjects.isEmpty() || !distances.isEmpty() || !asNothing.isEmpty())) {
            throw new GestureLabException("--test-subjects, --distance and --as-nothing go with --joints.");
        }
        if (segments != null && source.recording == null) {
            throw new GestureLabException("--segments goes with --recording.");
        }
        if (source.joints != null && as != null) {
            throw new GestureLabException("--joints splits by subject; use --test-subjects instead of --as.");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Project project = Project.open(dir); ConsoleProgress progress =
                new ConsoleProgress(spec.commandLine().getErr())) {
            ImportResult result;
            if (source.mpData != null) {
                result = MpDataFormat.importInto(project, source.mpData, orDefault(ClipState.TRAIN), progress);
            } else if (source.csv != null) {
                result = CsvFormat.importInto(project, source.csv, orDefault(ClipState.TRAIN), progress);
            } else if (source.npy != null) {
                result = NpyFolderFormat.importInto(project, source.npy, as, progress);
            } else if (source.joints != null) {
                result = JointsFormat.importInto(project, source.joints,
                        new JointsFormat.Options(new TreeSet<>(testSubjects), new TreeSet<>(distances),
                                new TreeSet<>(asNothing)), progress);
            } else if (source.videos != null) {
                try (HolisticPipeline pipeline = new HolisticPipeline(holistic.holisticOptions())) {
                    result = VideoImport.importFolder(project, source.videos, new VideoKeypointExtractor(pipeline),
                            orDefault(ClipState.TRAIN), progress);
                }
            } else if (segments != null) {
                if (!source.recording.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")
                        || orDefault(ClipState.POOL) != ClipState.POOL) {
                    throw new GestureLabException("--segments goes with a .npy --recording imported into the pool.");
                }
                result = RecordingImport.importSegmented(project, source.recording, segments,
                        window != null ? window : project.sequenceLength(), stride, progress);
            } else {
                RecordingImport.Options options = new RecordingImport.Options(
                        window != null ? window : project.sequenceLength(), stride, orDefault(ClipState.POOL), label);
                String name = source.recording.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".npy")) {
                    result = RecordingImport.importNpy(project, source.recording, options, progress);
                } else if (FrameSources.isVideo(source.recording)) {
                    try (HolisticPipeline pipeline = new HolisticPipeline(holistic.holisticOptions())) {
                        result = RecordingImport.importVideo(project, source.recording,
                                new VideoKeypointExtractor(pipeline), options, progress);
                    }
                } else {
                    throw new GestureLabException(source.recording + " is neither a .npy keypoint recording nor a "
                            + "video (" + String.join(", ", new TreeSet<>(FrameSources.VIDEO_EXTENSIONS)) + ").");
                }
            }
            progress.close();
            out.printf("Imported %d clips in %.1f s into %s.%n", result.count(),
                    result.elapsed().toMillis() / 1000.0, project.directory());
            if (!result.classesAdded().isEmpty()) {
                out.printf("New classes: %s%n", String.join(", ", result.classesAdded()));
            }
            for (String warning : result.warnings()) {
                out.println("Warning: " + warning);
            }
            StatsCommand.printSummary(out, project.stats());
        }
        return 0;
    }

    private ClipState orDefault(ClipState fallback) {
        return as != null ? as : fallback;
    }
}

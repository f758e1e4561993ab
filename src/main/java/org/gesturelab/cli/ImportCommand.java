package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.ImportResult;
import org.gesturelab.dataset.JointsFormat;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectMigration;
import org.gesturelab.dataset.RecordingImport;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.keypoints.VideoKeypointExtractor;
import org.gesturelab.workflow.ImportData;
import org.gesturelab.workflow.ImportFormat;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab import DIR --mp-data PATH | --csv FILE | --npy DIR | --npy-from-manifest FILE | --joints DIR |
 * --videos PATH | --recording FILE}. Videos
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

        @Option(names = "--npy-from-manifest", paramLabel = "MANIFEST.csv", required = true,
                description = "The manifest.csv of a corpus extraction (gesturelab-spark.jar): one clip per "
                        + "extracted video, resampled to the project's sequence length; the class is the video's "
                        + "folder, or comes from --labels. Failed videos are left out with a warning.")
        Path manifest;

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

    @Option(names = "--stride", paramLabel = "FRAMES",
            description = "Frames between recording window starts (default: a third of the window, at least 1: "
                    + "10 for the usual 30-frame clips, 3 for 9-frame clips).")
    private Integer stride;

    @Option(names = "--label", paramLabel = "CLASS",
            description = "The class of every recording window (needed with --as train or test).")
    private String label;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "With --npy-from-manifest: a CSV with the columns video,class giving each video's class "
                    + "(video as in the manifest); default: the folder the video was in.")
    private Path labels;

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
            description = "Classes of the source (any format but --recording) whose clips go into the project's "
                    + "Nothing class (idle, other movements) instead of classes of their own.")
    private List<String> asNothing = List.of();

    @Option(names = "--hold-out",
            description = "After importing labeled training clips, hold out the project's test share of each class "
                    + "(20 %% unless 'project split --test-fraction' set another) as test clips, as the app does. "
                    + "Imports with test clips of their own (--as test, --test-subjects) keep theirs.")
    private boolean holdOut;

    @Option(names = "--person", paramLabel = "NAME",
            description = "Who is in the clips (any format but --joints, which reads the subject column of "
                    + "index.csv): stored on every clip, for evaluation on people a model never saw. An NPY "
                    + "folder's own person column wins.")
    private String person;

    @Override
    public Integer call() throws Exception {
        if (source.joints != null && person != null) {
            throw new GestureLabException("--joints takes each clip's person from the subject column of index.csv; "
                    + "leave out --person.");
        }
        if (as == ClipState.SKIPPED) {
            throw new GestureLabException("--as takes train, test or pool.");
        }
        if (source.joints == null && (!testSubjects.isEmpty() || !distances.isEmpty())) {
            throw new GestureLabException("--test-subjects and --distance go with --joints.");
        }
        if (source.recording != null && !asNothing.isEmpty()) {
            throw new GestureLabException("--as-nothing goes with --mp-data, --csv, --npy, --videos or --joints; "
                    + "a recording's windows take their class from --label or --segments.");
        }
        if (labels != null && source.manifest == null) {
            throw new GestureLabException("--labels goes with --npy-from-manifest.");
        }
        if (segments != null && source.recording == null) {
            throw new GestureLabException("--segments goes with --recording.");
        }
        if (source.joints != null && as != null) {
            throw new GestureLabException("--joints splits by subject; use --test-subjects instead of --as.");
        }
        if (source.recording != null && !ImportFormat.isRecording(source.recording)) {
            throw new GestureLabException(source.recording + " is neither a .npy keypoint recording nor a video ("
                    + ImportFormat.videoEndings() + ").");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Project project = Project.open(dir); ConsoleProgress progress =
                new ConsoleProgress(spec.commandLine().getErr())) {
            ProjectMigration.migrate(project).ifPresent(out::println);
            ImportResult result = ImportData.run(project, request(project).withPerson(person), () -> new HolisticPipeline(
                    holistic.holisticOptions()), progress);
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

    /** Binds the options to a request: exactly one source option is set. */
    private ImportData.Request request(Project project) {
        JointsFormat.Options split = new JointsFormat.Options(new TreeSet<>(testSubjects), new TreeSet<>(distances),
                new TreeSet<>(asNothing));
        if (source.mpData != null) {
            return new ImportData.Request(ImportFormat.MP_DATA, source.mpData, as, null, null, null, split, null, holdOut, null, null);
        } else if (source.csv != null) {
            return new ImportData.Request(ImportFormat.CSV, source.csv, as, null, null, null, split, null, holdOut, null, null);
        } else if (source.npy != null) {
            return new ImportData.Request(ImportFormat.NPY, source.npy, as, null, null, null, split, null, holdOut, null, null);
        } else if (source.manifest != null) {
            return new ImportData.Request(ImportFormat.MANIFEST, source.manifest, as, null, null, null, split, null,
                    holdOut, null, labels);
        } else if (source.joints != null) {
            return new ImportData.Request(ImportFormat.JOINTS, source.joints, null, null, null, null, split, null, holdOut, null, null);
        } else if (source.videos != null) {
            return new ImportData.Request(ImportFormat.VIDEOS, source.videos, as, null, null, null, split, null, holdOut, null, null);
        }
        // Windows overlap by two thirds of the project's clip length (or of --window), whatever that length is.
        int frames = window != null ? window : project.sequenceLength();
        return new ImportData.Request(ImportFormat.RECORDING, source.recording, as, label, window,
                stride != null ? stride : RecordingImport.defaultStride(frames), null, segments, holdOut, null, null);
    }
}

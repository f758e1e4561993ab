package org.gesturelab.workflow;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import org.gesturelab.capture.FrameSources;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.CsvFormat;
import org.gesturelab.dataset.ImportResult;
import org.gesturelab.dataset.JointsFormat;
import org.gesturelab.dataset.ManifestFormat;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.NpyFolderFormat;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.RecordingImport;
import org.gesturelab.dataset.VideoImport;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.keypoints.VideoKeypointExtractor;

/**
 * The one registry of what can be imported, for the app's Import dialog and {@code gesturelab import}: each format's
 * name on the command line, its description in the app, whether its source is a folder, the state its clips get by
 * default, and how it is read.
 */
public enum ImportFormat {
    /** {@code MP_Data/<class>/<sequence>/<frame>.npy} folders. */
    MP_DATA("mp-data", "MP_Data folder (class/sequence/frame.npy)", true, ClipState.TRAIN,
            (project, request, engine, monitor) -> MpDataFormat.importInto(project, request.source(),
                    request.state(), request.asNothing(), request.person(), monitor)),
    /** One CSV file of labeled sequences. */
    CSV("csv", "CSV file", false, ClipState.TRAIN,
            (project, request, engine, monitor) -> CsvFormat.importInto(project, request.source(), request.state(),
                    request.asNothing(), request.person(), monitor)),
    /** A folder of clip .npy files with labels.csv; by default each clip keeps the state stored there. */
    NPY("npy", "NPY folder (clips + labels.csv)", true, null,
            (project, request, engine, monitor) -> NpyFolderFormat.importInto(project, request.source(),
                    request.state(), request.asNothing(), request.person(), monitor)),
    /** A folder of videos, one sub-folder per class: one clip per video, through MediaPipe Holistic. */
    VIDEOS("videos", "Video folder (one sub-folder per gesture)", true, ClipState.TRAIN,
            (project, request, engine, monitor) -> withKeypoints(engine, monitor,
                    extractor -> VideoImport.importFolder(project, request.source(), extractor, request.state(),
                            request.asNothing(), request.person(), monitor))),
    /** MediaPipe Pose joints listed in index.csv, split into train and test by person (not by a state). */
    JOINTS("joints", "MediaPipe pose joints (index.csv)", true, ClipState.TRAIN,
            (project, request, engine, monitor) -> JointsFormat.importInto(project, request.source(),
                    request.split(), monitor)),
    /**
     * The keypoints a corpus extraction (the Spark job) wrote, listed in its manifest.csv: one clip per extracted
     * video, its class from the video's folder or a labels CSV.
     */
    MANIFEST("npy-from-manifest", "Extracted keypoints (manifest.csv of a corpus extraction)", false, ClipState.TRAIN,
            (project, request, engine, monitor) -> ManifestFormat.importInto(project, request.source(),
                    request.labels(), request.state(), request.asNothing(), request.person(), monitor)),
    /** One long recording, keypoints (.npy) or a video (through MediaPipe Holistic), cut into windows. */
    RECORDING("recording", "Recording (keypoints .npy or a video), cut into windows", false, ClipState.POOL,
            ImportFormat::importRecording);

    /** How one format is read. */
    @FunctionalInterface
    interface Reader {
        ImportResult read(Project project, ImportData.Request request, KeypointEngine engine, TaskMonitor monitor)
                throws Exception;
    }

    private final String id;
    private final String description;
    private final boolean folder;
    private final ClipState defaultState;
    private final Reader reader;

    ImportFormat(String id, String description, boolean folder, ClipState defaultState, Reader reader) {
        this.id = id;
        this.description = description;
        this.folder = folder;
        this.defaultState = defaultState;
        this.reader = reader;
    }

    /** Returns the format's name on the command line, e.g. {@code mp-data}. */
    public String id() {
        return id;
    }

    /** Returns whether the source is a folder (else a file). */
    public boolean folder() {
        return folder;
    }

    /** Returns the state its clips get when none is chosen, or null where the source says (NPY's labels.csv). */
    public ClipState defaultState() {
        return defaultState;
    }

    Reader reader() {
        return reader;
    }

    /**
     * Finds a format by its command-line name.
     *
     * @param id e.g. {@code csv}
     * @return the format, if there is one of that name
     */
    public static Optional<ImportFormat> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return List.of(values()).stream().filter(format -> format.id.equals(wanted)).findFirst();
    }

    /**
     * Says whether a file can be imported as a {@link #RECORDING}: keypoints in a .npy file, or a video.
     *
     * @param source the file
     * @return whether it is one
     */
    public static boolean isRecording(Path source) {
        return isKeypointRecording(source) || FrameSources.isVideo(source);
    }

    /** Returns the video file endings a recording may have, sorted, for messages. */
    public static String videoEndings() {
        return String.join(", ", new TreeSet<>(FrameSources.VIDEO_EXTENSIONS));
    }

    @Override
    public String toString() {
        return description;
    }

    private static boolean isKeypointRecording(Path source) {
        return source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy");
    }

    private static ImportResult importRecording(Project project, ImportData.Request request, KeypointEngine engine,
            TaskMonitor monitor) throws Exception {
        Path source = request.source();
        int window = request.window() != null ? request.window() : project.sequenceLength();
        RecordingImport.Options windows = new RecordingImport.Options(window,
                request.stride() != null ? request.stride() : window, request.state(), request.label(),
                request.person());
        if (request.segments() != null) {
            if (!isKeypointRecording(source) || request.state() != ClipState.POOL) {
                throw new org.gesturelab.core.GestureLabException(
                        "A segments file goes with a .npy keypoint recording imported into the pool.");
            }
            return RecordingImport.importSegmented(project, source, request.segments(), windows, monitor);
        }
        if (isKeypointRecording(source)) {
            return RecordingImport.importNpy(project, source, windows, monitor);
        }
        if (!FrameSources.isVideo(source)) {
            throw new org.gesturelab.core.GestureLabException(source.getFileName() + " is neither a keypoint "
                    + "recording (.npy) nor a video (" + videoEndings() + ").");
        }
        return withKeypoints(engine, monitor, extractor -> RecordingImport.importVideo(project, source, extractor,
                windows, monitor));
    }

    /** An import that needs keypoints found in videos. */
    @FunctionalInterface
    private interface VideoJob {
        ImportResult run(VideoKeypointExtractor extractor) throws Exception;
    }

    private static ImportResult withKeypoints(KeypointEngine engine, TaskMonitor monitor, VideoJob job)
            throws Exception {
        // Loading the ONNX sessions takes a few seconds: say so rather than show a frozen bar.
        monitor.update("Loading MediaPipe Holistic", 0, 1);
        try (HolisticPipeline pipeline = engine.load()) {
            monitor.checkCancelled();
            return job.run(new VideoKeypointExtractor(pipeline));
        }
    }
}

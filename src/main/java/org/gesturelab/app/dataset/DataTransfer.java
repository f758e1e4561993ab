package org.gesturelab.app.dataset;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
import org.gesturelab.core.TaskMonitor;

/** The import and export formats the app offers: the same as the command line's {@code import} and {@code export}. */
public final class DataTransfer {

    /** What can be imported. */
    public enum ImportFormat {
        /** {@code MP_Data/<class>/<sequence>/<frame>.npy} folders. */
        MP_DATA("MP_Data folder (class/sequence/frame.npy)", true),
        /** One CSV file of labeled sequences. */
        CSV("CSV file", false),
        /** A folder of clip .npy files with labels.csv. */
        NPY("NPY folder (clips + labels.csv)", true),
        /** A folder of videos, one sub-folder per class: one clip per video, through MediaPipe Holistic. */
        VIDEOS("Video folder (one sub-folder per gesture)", true),
        /** MediaPipe Pose joints listed in index.csv, split into train and test by person. */
        JOINTS("MediaPipe pose joints (index.csv)", true),
        /** One long recording, keypoints (.npy) or a video (through MediaPipe Holistic), cut into windows. */
        RECORDING("Recording (keypoints .npy or a video), cut into windows", false);

        private final String description;
        private final boolean folder;

        ImportFormat(String description, boolean folder) {
            this.description = description;
            this.folder = folder;
        }

        /** Returns whether the source is a folder (else a file). */
        public boolean folder() {
            return folder;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** Loads MediaPipe Holistic for video imports; it throws when the models are not installed. */
    @FunctionalInterface
    public interface KeypointEngine {
        /**
         * Loads the pipeline; the caller closes it.
         *
         * @return the pipeline
         */
        HolisticPipeline load();
    }

    /**
     * The Import dialog's choices besides the format and the source; each format reads the ones it needs.
     *
     * @param as the state the clips get (joints ignore it: they are split by person)
     * @param label the class of a recording's windows when imported as train or test, else null
     * @param split the joints' test subjects and distance filter; empty sets for the other formats
     */
    public record ImportChoices(ClipState as, String label, JointsFormat.Options split) {

        /**
         * Choices for every format but joints.
         *
         * @param as the state the clips get
         * @param label the class of a recording's windows, or null
         * @return the choices
         */
        public static ImportChoices as(ClipState as, String label) {
            return new ImportChoices(as, label, new JointsFormat.Options(Set.of(), Set.of()));
        }

        /**
         * Choices for joints, from the dialog's comma-separated text fields.
         *
         * @param testSubjects the subjects whose clips form the test split, e.g. {@code "S7,S8"}; blank for none
         * @param distances the distances to keep, e.g. {@code "1m"}; blank for all
         * @return the choices
         */
        public static ImportChoices joints(String testSubjects, String distances) {
            return new ImportChoices(ClipState.TRAIN, null, new JointsFormat.Options(commaSeparated(testSubjects),
                    commaSeparated(distances)));
        }

        private static Set<String> commaSeparated(String text) {
            return text == null ? Set.of() : Arrays.stream(text.split(",")).map(String::strip)
                    .filter(value -> !value.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** What can be exported. */
    public enum ExportFormat {
        /** {@code MP_Data} folders. */
        MP_DATA("MP_Data folders"),
        /** One CSV file. */
        CSV("CSV file"),
        /** Clip .npy files with labels.csv (keeps every state). */
        NPY("NPY folder");

        private final String description;

        ExportFormat(String description) {
            this.description = description;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private DataTransfer() {
    }

    /**
     * Imports.
     *
     * @param project the project
     * @param format the format
     * @param source the file or folder
     * @param choices the state, a recording's class, the joints' split
     * @param engine loads MediaPipe Holistic, only when videos are imported
     * @param monitor progress and cancellation
     * @return what was imported
     * @throws Exception when the source cannot be read
     */
    public static ImportResult importInto(Project project, ImportFormat format, Path source, ImportChoices choices,
            KeypointEngine engine, TaskMonitor monitor) throws Exception {
        ClipState as = choices.as();
        if (as == ClipState.SKIPPED) {
            throw new GestureLabException("Import as train, test or pool.");
        }
        return switch (format) {
            case MP_DATA -> MpDataFormat.importInto(project, source, as, monitor);
            case CSV -> CsvFormat.importInto(project, source, as, monitor);
            case NPY -> NpyFolderFormat.importInto(project, source, as, monitor);
            case JOINTS -> JointsFormat.importInto(project, source, choices.split(), monitor);
            case VIDEOS -> withKeypoints(engine, monitor, extractor -> VideoImport.importFolder(project, source,
                    extractor, as, monitor));
            case RECORDING -> {
                RecordingImport.Options windows = new RecordingImport.Options(project.sequenceLength(),
                        project.sequenceLength(), as, choices.label());
                if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npy")) {
                    yield RecordingImport.importNpy(project, source, windows, monitor);
                }
                if (!FrameSources.isVideo(source)) {
                    throw new GestureLabException(source.getFileName() + " is neither a keypoint recording (.npy) "
                            + "nor a video (" + String.join(", ", new TreeSet<>(FrameSources.VIDEO_EXTENSIONS))
                            + ").");
                }
                yield withKeypoints(engine, monitor, extractor -> RecordingImport.importVideo(project, source,
                        extractor, windows, monitor));
            }
        };
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

    /**
     * Exports.
     *
     * @param project the project
     * @param format the format
     * @param out the file or folder to write
     * @param states the states to export
     * @param monitor progress and cancellation
     * @return how many clips were written
     * @throws Exception when writing fails
     */
    public static int export(Project project, ExportFormat format, Path out, Set<ClipState> states,
            TaskMonitor monitor) throws Exception {
        Set<ClipState> chosen = states.isEmpty() ? EnumSet.allOf(ClipState.class) : states;
        return switch (format) {
            case MP_DATA -> MpDataFormat.export(project, out, chosen, monitor);
            case CSV -> CsvFormat.export(project, out, chosen, monitor);
            case NPY -> NpyFolderFormat.export(project, out, chosen, monitor);
        };
    }
}

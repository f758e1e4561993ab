package org.gesturelab.app.dataset;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.gesturelab.GestureLabException;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.CsvFormat;
import org.gesturelab.dataset.ImportResult;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.NpyFolderFormat;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.RecordingImport;
import org.gesturelab.task.TaskMonitor;

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
        /** One long keypoint recording (.npy), cut into windows. */
        RECORDING("Keypoint recording (.npy), cut into windows", false);

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
     * @param as the state the clips get
     * @param label the class of a recording's windows when imported as train or test, else null
     * @param monitor progress and cancellation
     * @return what was imported
     * @throws Exception when the source cannot be read
     */
    public static ImportResult importInto(Project project, ImportFormat format, Path source, ClipState as, String label,
            TaskMonitor monitor) throws Exception {
        if (as == ClipState.SKIPPED) {
            throw new GestureLabException("Import as train, test or pool.");
        }
        return switch (format) {
            case MP_DATA -> MpDataFormat.importInto(project, source, as, monitor);
            case CSV -> CsvFormat.importInto(project, source, as, monitor);
            case NPY -> NpyFolderFormat.importInto(project, source, as, monitor);
            case RECORDING -> RecordingImport.importNpy(project, source, new RecordingImport.Options(
                    project.sequenceLength(), project.sequenceLength(), as, label), monitor);
        };
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

package org.gesturelab.workflow;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.CsvFormat;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.NpyFolderFormat;
import org.gesturelab.dataset.Project;

/**
 * The one registry of what can be exported, for the app's Export dialog and {@code gesturelab export}: each
 * format's command-line names, its description in the app, the states it writes by default, and how it is written.
 */
public enum ExportFormat {
    /** {@code MP_Data} folders. */
    MP_DATA(List.of("mp-data", "mpdata", "mp_data"), "MP_Data folders", EnumSet.of(ClipState.TRAIN, ClipState.TEST),
            MpDataFormat::export),
    /** One CSV file. */
    CSV(List.of("csv"), "CSV file", EnumSet.of(ClipState.TRAIN, ClipState.TEST), CsvFormat::export),
    /** Clip .npy files with labels.csv (keeps every state). */
    NPY(List.of("npy"), "NPY folder", EnumSet.allOf(ClipState.class), NpyFolderFormat::export);

    /** How one format is written. */
    @FunctionalInterface
    interface Writer {
        int write(Project project, Path out, Set<ClipState> states, TaskMonitor monitor) throws Exception;
    }

    private final List<String> ids;
    private final String description;
    private final Set<ClipState> defaultStates;
    private final Writer writer;

    ExportFormat(List<String> ids, String description, Set<ClipState> defaultStates, Writer writer) {
        this.ids = ids;
        this.description = description;
        this.defaultStates = defaultStates;
        this.writer = writer;
    }

    /** Returns the states written when none are chosen. */
    public Set<ClipState> defaultStates() {
        return EnumSet.copyOf(defaultStates);
    }

    /** Returns the format's name on the command line, e.g. {@code mp-data}. */
    public String id() {
        return ids.get(0);
    }

    Writer writer() {
        return writer;
    }

    /**
     * Finds a format by one of its command-line names, in any case.
     *
     * @param id e.g. {@code mp-data}
     * @return the format, if there is one of that name
     */
    public static Optional<ExportFormat> byId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return List.of(values()).stream().filter(format -> format.ids.contains(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return description;
    }
}

package org.gesturelab.workflow;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;

/** Exporting a project's clips and labels in any {@link ExportFormat}, as the app and {@code gesturelab export} do. */
public final class ExportData {

    /**
     * What to export.
     *
     * @param format the format
     * @param out the file or folder to create
     * @param states the states to export; null or empty for the format's default
     */
    public record Request(ExportFormat format, Path out, Set<ClipState> states) {

        /** Returns the states to write. */
        public Set<ClipState> chosenStates() {
            return states == null || states.isEmpty() ? format.defaultStates() : EnumSet.copyOf(states);
        }
    }

    /**
     * What an export wrote.
     *
     * @param clips how many clips
     * @param out the file or folder, absolute
     */
    public record Result(int clips, Path out) {
    }

    private ExportData() {
    }

    /**
     * Exports.
     *
     * @param project the open project
     * @param request what to export
     * @param monitor progress and cancellation
     * @return what was written
     * @throws Exception when writing fails
     */
    public static Result run(Project project, Request request, TaskMonitor monitor) throws Exception {
        int clips = request.format().writer().write(project, request.out(), request.chosenStates(), monitor);
        return new Result(clips, request.out().toAbsolutePath().normalize());
    }
}

package org.gesturelab.workflow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.SharedData;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.Project;

/** Small real projects for the workflow tests: a few signs of the shared ASL recordings. */
final class WorkflowProjects {

    private WorkflowProjects() {
    }

    /**
     * Creates a project of some ASL signs, every clip in the pool with its hidden label, then per sign labels
     * {@code train} clips for training and moves {@code test} more to the test split.
     *
     * @param folder where to create it
     * @param signs the signs
     * @param train labeled training clips per sign
     * @param test test clips per sign
     * @return the project folder
     * @throws Exception if the data cannot be read
     */
    static Path asl(Path folder, List<String> signs, int train, int test) throws Exception {
        Path data = SharedData.require("asl6-holistic/MP_Data");
        Path subset = Files.createDirectories(folder.resolve("subset"));
        for (String sign : signs) {
            Files.createSymbolicLink(subset.resolve(sign), data.resolve(sign));
        }
        Path dir = folder.resolve("project");
        try (Project project = Project.create(dir, "ASL", List.of())) {
            MpDataFormat.importInto(project, subset, ClipState.POOL, TaskMonitor.SILENT);
            for (int c = 0; c < signs.size(); c++) {
                List<Clip> pool = project.clips(ClipQuery.inState(ClipState.POOL).withHiddenLabel(c));
                for (int i = 0; i < train + test; i++) {
                    project.label(pool.get(i).id(), c, LabelSource.IMPORT);
                    if (i >= train) {
                        project.moveTo(pool.get(i).id(), ClipState.TEST, LabelSource.IMPORT);
                    }
                }
            }
        }
        return dir;
    }
}

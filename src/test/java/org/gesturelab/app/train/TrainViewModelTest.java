package org.gesturelab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.SharedData;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.ProjectModel;
import org.gesturelab.app.settings.SettingsStore;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.Project;
import org.gesturelab.task.TaskMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trains, evaluates and simulates on real ASL keypoints (two signs) through the view model, synchronously. */
class TrainViewModelTest {

    @TempDir
    Path folder;

    private ProjectModel projects;

    @AfterEach
    void close() {
        if (projects != null) {
            projects.close();
        }
    }

    @Test
    void trainEvaluateAndSimulateFillTheHistoryCurvesAndMatrix() throws Exception {
        Path data = SharedData.require("asl6-holistic/MP_Data");
        Path subset = Files.createDirectories(folder.resolve("subset"));
        for (String sign : List.of("hello", "thanks")) {
            Files.createSymbolicLink(subset.resolve(sign), data.resolve(sign));
        }
        projects = new ProjectModel(new SettingsStore(folder.resolve("settings.json")));
        projects.create(folder.resolve("p"), "ASL");
        Project project = projects.get();
        MpDataFormat.importInto(project, subset, ClipState.POOL, TaskMonitor.SILENT);
        for (int c = 0; c < 2; c++) {
            var pool = project.clips(ClipQuery.inState(ClipState.POOL).withHiddenLabel(c));
            for (int i = 0; i < 8; i++) {
                project.label(pool.get(i).id(), c, LabelSource.IMPORT);
                if (i >= 3) {
                    project.moveTo(pool.get(i).id(), ClipState.TEST, LabelSource.IMPORT);
                }
            }
        }
        TrainViewModel viewModel = new TrainViewModel(projects, new CurrentThreadExecutor());

        viewModel.train();
        assertEquals(1, viewModel.history().size(), viewModel.messageProperty().get());
        assertEquals(6, viewModel.history().get(0).labels());
        assertFalse(Double.isNaN(viewModel.history().get(0).macroF1()));
        assertNotNull(viewModel.assessmentProperty().get(), "a new model is evaluated at once");
        int[][] matrix = viewModel.assessmentProperty().get().evaluation().confusionMatrix();
        assertEquals(10, matrix[0][0] + matrix[0][1] + matrix[1][0] + matrix[1][1]);

        viewModel.simulate("margin", 10);
        assertTrue(viewModel.messageProperty().get().startsWith("Simulated"), viewModel.messageProperty().get());
        assertEquals(2, viewModel.simulations().stream().map(TrainViewModel.HistoryRow::session).distinct().count());
        assertTrue(viewModel.simulations().stream().anyMatch(r -> r.strategy().equals("margin")));
        assertEquals(1, viewModel.history().size(), "simulations stay out of the user's own history");
    }
}

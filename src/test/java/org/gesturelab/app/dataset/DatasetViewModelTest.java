package org.gesturelab.app.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.gesturelab.app.TestClips;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.ProjectModel;
import org.gesturelab.app.settings.SettingsStore;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetViewModelTest {

    @TempDir
    Path folder;

    private ProjectModel projects;
    private DatasetViewModel viewModel;

    @BeforeEach
    void open() throws Exception {
        projects = new ProjectModel(new SettingsStore(folder.resolve("settings.json")));
        projects.create(folder.resolve("p"), "Test");
        Project project = projects.get();
        project.addClass("wave");
        project.addClass("point");
        Random random = new Random(7);
        for (int i = 0; i < 3; i++) {
            project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TRAIN, i % 2, "recorded " + i));
            project.addClip(NewClip.unlabeled(TestClips.random(random), "footage " + i));
        }
        viewModel = new DatasetViewModel(projects, new CurrentThreadExecutor());
        viewModel.reload();
    }

    @AfterEach
    void close() {
        projects.close();
    }

    @Test
    void filtersByStateClassAndText() {
        assertEquals(6, viewModel.rows().size());
        viewModel.stateFilterProperty().set(ClipState.POOL);
        assertEquals(3, viewModel.rows().size());
        viewModel.stateFilterProperty().set(null);
        viewModel.labelFilterProperty().set("wave");
        assertEquals(2, viewModel.rows().size());
        viewModel.labelFilterProperty().set(null);
        viewModel.textFilterProperty().set("footage 2");
        assertEquals(1, viewModel.rows().size());
        // No model yet: the prediction column stays empty rather than guessing.
        assertTrue(viewModel.rows().get(0).prediction().isEmpty());
    }

    @Test
    void relabelMoveAndDeleteActOnTheSelection() {
        viewModel.stateFilterProperty().set(ClipState.POOL);
        List<DatasetViewModel.ClipRow> pool = List.copyOf(viewModel.rows());
        viewModel.relabel(pool.subList(0, 2), 1);
        assertEquals(2, projects.get().clips(ClipState.TRAIN).stream().filter(c -> c.label() == 1).count() - 1);
        assertEquals(1, viewModel.rows().size());

        viewModel.stateFilterProperty().set(ClipState.TRAIN);
        viewModel.move(List.of(viewModel.rows().get(0)), ClipState.TEST);
        assertEquals(1, projects.get().clips(ClipState.TEST).size());

        viewModel.stateFilterProperty().set(null);
        viewModel.delete(List.of(viewModel.rows().get(0)));
        assertEquals(5, projects.get().clips(org.gesturelab.dataset.ClipQuery.all()).size());
        assertEquals(5, viewModel.allRows().size());
        assertTrue(viewModel.messageProperty().get().startsWith("Deleted 1"));
    }
}

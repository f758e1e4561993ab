package org.gesturelab.app.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.gesturelab.app.TestClips;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelViewModelTest {

    @TempDir
    Path folder;

    private OpenProject projects;
    private LabelViewModel viewModel;

    @BeforeEach
    void open() throws Exception {
        SettingsStore settings = new SettingsStore(folder.resolve("settings.json"));
        settings.update(s -> s.withPreferences(s.confidenceThreshold(), s.clipsPerTake(), s.countdownSeconds(),
                "entropy", 3, false));
        projects = new OpenProject(settings);
        projects.create(folder.resolve("p"), "Test");
        Project project = projects.get();
        project.addClass("wave");
        project.addClass("point");
        Random random = new Random(3);
        for (int i = 0; i < 5; i++) {
            project.addClip(NewClip.unlabeled(TestClips.random(random),
                    "footage " + i));
        }
        viewModel = new LabelViewModel(projects, settings, new CurrentThreadExecutor());
    }

    @AfterEach
    void close() {
        viewModel.dispose();
        projects.close();
    }

    @Test
    void aBatchIsLabeledSkippedUndoneAndFinished() {
        viewModel.nextBatch();
        assertEquals(3, viewModel.queue().size());
        assertEquals(0, viewModel.indexProperty().get());
        assertTrue(viewModel.messageProperty().get().contains("random"), viewModel.messageProperty().get());
        long first = viewModel.currentProperty().get().clip().id();

        assertTrue(viewModel.labelByKey("2"));
        assertEquals(ClipState.TRAIN, projects.get().requireClip(first).state());
        // Key 2 is "point", class 2 (class 0 is the Nothing class of a new project, key 0).
        assertEquals(2, projects.get().requireClip(first).label());
        long second = viewModel.currentProperty().get().clip().id();
        assertTrue(viewModel.skip());
        assertEquals(ClipState.SKIPPED, projects.get().requireClip(second).state());
        assertTrue(viewModel.undo());
        assertEquals(second, viewModel.currentProperty().get().clip().id());
        assertEquals(ClipState.POOL, projects.get().requireClip(second).state());
        assertFalse(viewModel.answers().containsKey(second));

        long third = viewModel.currentProperty().get().clip().id();
        assertTrue(viewModel.labelByKey("0"), "key 0 labels a clip as Nothing");
        assertEquals(projects.get().classIndex("Nothing"), projects.get().requireClip(third).label());
        assertTrue(viewModel.label(0));
        assertNull(viewModel.currentProperty().get());
        assertTrue(viewModel.messageProperty().get().startsWith("Batch done: 3 labeled"));
        assertEquals(3, projects.get().clips(ClipState.TRAIN).size());
        assertEquals(2, viewModel.poolSizeProperty().get());
        assertFalse(viewModel.labelByKey("9"));
    }

    @Test
    void withLabeledClipsOfTwoGesturesTheFirstBatchIsRankedByAModelTrainedFirst() {
        Project project = projects.get();
        Random random = new Random(11);
        for (int i = 0; i < 4; i++) {
            project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TRAIN, i % 2, "recorded " + i));
        }
        int modelRevision = projects.modelRevisionProperty().get();
        viewModel.nextBatch();
        assertTrue(viewModel.messageProperty().get().startsWith("Trained a first model on your labeled clips"),
                viewModel.messageProperty().get());
        assertEquals("entropy", viewModel.currentProperty().get().ranked().why().measure(), "ranked, not random");
        assertTrue(viewModel.currentProperty().get().probabilities() != null);
        assertTrue(projects.modelRevisionProperty().get() > modelRevision, "every screen hears of the new model");
    }
}

package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TestData;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first model of a session: full when the clips are few, quick (and unsaved) when a full one would keep the user
 * waiting.
 */
class FirstModelTest {

    @TempDir
    Path folder;

    @Test
    void manyLabeledClipsGetAQuickUnsavedModelThatStillRanksAndFewGetTheFullOne() throws Exception {
        Random random = new Random(8);
        try (Project project = Project.create(folder.resolve("many"), "many", List.of("a", "b"))) {
            for (int i = 0; i <= Retrain.QUICK_ABOVE; i++) {
                project.addClip(NewClip.labeled(TestData.levelClip(random, i % 2), ClipState.TRAIN, i % 2,
                        "clip " + i));
            }
            project.addClip(NewClip.unlabeled(TestData.levelClip(random, 0), "pool"));
            assertTrue(LabelingRound.canTrain(project));
            LabelingRound.FirstModel first = LabelingRound.firstModel(project, TaskMonitor.SILENT);
            try (var model = first.model()) {
                assertTrue(first.quick());
                assertTrue(first.seconds() > 0);
                assertTrue(ModelStore.current(project.directory()).isEmpty(), "a quick model is not saved");
                assertEquals(0, project.trainingRuns().size(), "nor recorded as a training run");
                assertEquals(project.classNames(), model.classes());
                LabelingRound.Batch batch = new LabelingRound(project).query(model,
                        new LabelingRound.Request("entropy", 1, 1L), TaskMonitor.SILENT);
                assertFalse(batch.random(), "it ranks the batch");
            }
        }
        try (Project project = Project.create(folder.resolve("few"), "few", List.of("a", "b"))) {
            for (int i = 0; i < 6; i++) {
                project.addClip(NewClip.labeled(TestData.levelClip(random, i % 2), ClipState.TRAIN, i % 2,
                        "clip " + i));
            }
            LabelingRound.FirstModel first = LabelingRound.firstModel(project, TaskMonitor.SILENT);
            first.model().close();
            assertFalse(first.quick());
            assertTrue(ModelStore.current(project.directory()).isPresent(), "the full model is the current one");
            assertEquals(1, project.trainingRuns().size());
        }
    }
}

package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.classify.Architecture;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateModelTest {

    @TempDir
    Path folder;

    @Test
    void everyTestClipLandsInTheCellOfItsTrueAndPredictedClass() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks", "iloveyou"), 3, 2);
        try (Project project = Project.open(dir)) {
            assertThrows(GestureLabException.class, () -> EvaluateModel.run(project, TaskMonitor.SILENT));
            Retrain.Result trained = Retrain.run(project, new Retrain.Request(Architecture.DEFAULT, null, 2, 3L,
                    null, null, null), TaskMonitor.SILENT);
            trained.model().close();
            EvaluateModel.Result result = EvaluateModel.run(project, TaskMonitor.SILENT).orElseThrow();
            assertEquals(trained.evaluation().accuracy(), result.evaluation().accuracy(), 1e-9);
            assertEquals(3, result.cells().size());
            int clips = 0;
            int right = 0;
            for (int truth = 0; truth < 3; truth++) {
                assertEquals(3, result.cells().get(truth).size());
                for (int predicted = 0; predicted < 3; predicted++) {
                    for (Clip clip : result.cells().get(truth).get(predicted)) {
                        assertEquals(ClipState.TEST, clip.state());
                        assertEquals(truth, clip.label());
                        clips++;
                        right += truth == predicted ? 1 : 0;
                    }
                }
            }
            assertEquals(6, clips);
            assertEquals(result.evaluation().accuracy(), right / 6.0, 1e-9);
        }
    }

    @Test
    void withoutTestClipsThereIsNothingToScore() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 2, 0);
        try (Project project = Project.open(dir)) {
            assertTrue(EvaluateModel.run(project, TaskMonitor.SILENT).isEmpty());
        }
    }
}

package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.KeypointStream;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.Segment;
import org.gesturelab.workflow.spotting.Calibration;
import org.gesturelab.workflow.spotting.Spotting;
import org.gesturelab.workflow.spotting.StreamMaking;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A renamed Nothing class stays the Nothing class: the gesture macro F1, stream making, spotting and calibration find
 * it by the project's {@code "nothing": true} flag, not by its name, even beside a gesture that took the old name.
 */
class RenamedNothingTest {

    @TempDir
    Path folder;

    @Test
    void theFlagNotTheNameMakesTheNothingClass() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks", "iloveyou"), 4, 3);
        try (Project project = Project.open(dir)) {
            int nothing = project.ensureNothingClass();
            project.renameClass(nothing, "Idle");
            // A gesture may now take the old name: it must count as a gesture everywhere.
            int gone = project.classIndex("iloveyou");
            project.renameClass(gone, "Nothing");
            for (Clip clip : project.clips(ClipState.TRAIN, ClipState.TEST)) {
                if (clip.label() == gone) {
                    project.label(clip.id(), nothing, LabelSource.IMPORT);
                }
            }
            assertEquals("Idle", project.nothingClass().orElseThrow());

            Retrain.Result trained = Retrain.run(project, new Retrain.Request(Architecture.DEFAULT, null, 3, 5L,
                    null, null, null), TaskMonitor.SILENT);
            trained.model().close();
            Evaluation evaluation = trained.evaluation();
            assertEquals("Idle", evaluation.nothingClass());
            double hello = evaluation.perClass().get(project.classIndex("hello")).f1();
            double thanks = evaluation.perClass().get(project.classIndex("thanks")).f1();
            assertEquals((hello + thanks) / 2, evaluation.gestureMacroF1(), 1e-12, evaluation.toTable());
            assertTrue(evaluation.toTable().contains("without Idle"), evaluation.toTable());
            assertEquals("Idle", EvaluateModel.run(project, TaskMonitor.SILENT).orElseThrow().evaluation()
                    .nothingClass());

            List<KeypointStream> streams = StreamMaking.build(project,
                    new StreamMaking.Options(ClipState.TEST, 0.7, 2, 1L));
            for (KeypointStream stream : streams) {
                assertFalse(stream.segments().isEmpty());
                for (Segment segment : stream.segments()) {
                    assertTrue(segment.label().equals("hello") || segment.label().equals("thanks"),
                            segment.label());
                }
                assertTrue(stream.nothingFrames() > stream.frames().length / 2, "idle frames fill the gaps");
            }

            // Settings calibrated under the old name follow the flag once loaded.
            Path model = ModelStore.current(dir).orElseThrow();
            SpottingSettings.defaults(30, "Nothing").withThresholds(Map.of("hello", 0.5), null).write(model);
            try (Spotting spotting = Spotting.load(project)) {
                assertEquals("Idle", spotting.settings().nothingClass());
            }
            Calibration calibration = Calibration.calibrate(project, 30, 15, 2L, TaskMonitor.SILENT);
            assertEquals("Idle", calibration.settings().nothingClass());
            assertEquals(java.util.Set.of("hello", "thanks", "Nothing"), calibration.settings().thresholds().keySet(),
                    "thresholds for the gestures, the one named Nothing among them, none for Idle");
            assertEquals("Idle", SpottingSettings.read(model).orElseThrow().nothingClass());
        }
    }
}

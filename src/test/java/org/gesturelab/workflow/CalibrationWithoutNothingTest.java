package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.classify.Architecture;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.spotting.Calibration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibrating a project whose Nothing class has no test clips says what to do in words the app's user can follow
 * (not a command-line flag), and stores nothing.
 */
class CalibrationWithoutNothingTest {

    @TempDir
    Path folder;

    @Test
    void withoutIdleTestClipsCalibrationSaysToRecordNothing() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 4, 2);
        try (Project project = Project.open(dir)) {
            project.ensureNothingClass();
            Retrain.run(project, new Retrain.Request(Architecture.DEFAULT, null, 2, 5L, null, null, null),
                    TaskMonitor.SILENT).model().close();
            GestureLabException error = assertThrows(GestureLabException.class,
                    () -> Calibration.calibrate(project, 30, 15, 1L, TaskMonitor.SILENT));
            assertTrue(error.getMessage().contains("\"Record nothing\""), error.getMessage());
            assertTrue(!error.getMessage().contains("--"), "no command-line flag in the app: " + error.getMessage());
        }
    }
}

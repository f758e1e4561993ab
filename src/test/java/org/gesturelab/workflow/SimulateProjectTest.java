package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateProjectTest {

    @TempDir
    Path folder;

    @Test
    void simulatesRandomBesideTheStrategyAndStoresEachCurveAsItsOwnSession() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 2, 3);
        try (Project project = Project.open(dir)) {
            int labeledBefore = project.stats().train();
            SimulateProject.Outcome outcome = SimulateProject.run(project, new SimulateProject.Request("margin", 10),
                    TaskMonitor.SILENT);
            assertEquals(2, outcome.sessions().size());
            assertTrue(outcome.sessions().get(0).endsWith(" random"), outcome.sessions().toString());
            assertTrue(outcome.sessions().get(1).endsWith(" margin"), outcome.sessions().toString());
            for (String session : outcome.sessions()) {
                List<Iteration> curve = project.iterations(session);
                assertFalse(curve.isEmpty(), session);
                assertEquals(4, curve.get(0).labeledClips());
                assertTrue(curve.get(curve.size() - 1).labeledClips() <= 14);
            }
            assertTrue(outcome.describe().startsWith("Simulated: random ends at macro F1"), outcome.describe());
            // The user's own labels and history are untouched.
            assertEquals(labeledBefore, project.stats().train());
            assertTrue(project.iterations(Iteration.INTERACTIVE).isEmpty());
        }
    }

    @Test
    void withoutTestClipsItSaysWhatIsMissing() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 2, 0);
        try (Project project = Project.open(dir)) {
            GestureLabException error = assertThrows(GestureLabException.class, () -> SimulateProject.run(project,
                    new SimulateProject.Request("entropy", 10), TaskMonitor.SILENT));
            assertTrue(error.getMessage().contains("2 gestures with known clips and 0 test clips"),
                    error.getMessage());
        }
    }
}

package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSplitCommandTest {

    @TempDir
    Path temp;

    @Test
    void holdsOutAStratifiedShareAndKeepsATrainingClipPerClass() throws IOException {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "p", List.of("a", "b"))) {
            for (int i = 0; i < 10; i++) {
                project.addClip(NewClip.labeled(new float[30][1662], ClipState.TRAIN, 0, "test"));
            }
            project.addClip(NewClip.labeled(new float[30][1662], ClipState.TRAIN, 1, "test"));
        }
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("project", "split", dir.toString(), "--test-fraction", "0.3"), runner.err());
        assertTrue(runner.out().contains("Moved 3 clips"), runner.out());
        try (Project project = Project.open(dir)) {
            assertEquals(3, project.count(ClipQuery.inState(ClipState.TEST).withLabel(0)));
            assertEquals(0, project.count(ClipQuery.inState(ClipState.TEST).withLabel(1)));
            assertEquals(1, project.count(ClipQuery.inState(ClipState.TRAIN).withLabel(1)));
        }
        assertEquals(1, runner.run("project", "split", dir.toString(), "--test-fraction", "1.5"));
        assertTrue(runner.err().contains("between 0 and 1"), runner.err());
    }
}

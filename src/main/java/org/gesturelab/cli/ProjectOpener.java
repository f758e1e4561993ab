package org.gesturelab.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.Project;

/** Opens a project for the active-learning commands, with a message that says what to do when it cannot. */
final class ProjectOpener {

    private ProjectOpener() {
    }

    static Project open(Path dir) {
        if (!Project.isProject(dir)) {
            throw new GestureLabException("No GestureLab project at " + dir + ": create one first, or pass the "
                    + "folder that holds project.json.");
        }
        try {
            return Project.open(dir);
        } catch (IOException e) {
            throw new GestureLabException("Cannot open the project at " + dir + ": " + e.getMessage(), e);
        }
    }

    static void close(Project project) {
        try {
            project.close();
        } catch (IOException e) {
            throw new GestureLabException("Cannot close the project cleanly: " + e.getMessage(), e);
        }
    }
}

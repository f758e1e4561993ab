package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one rule that brings a project made by an earlier GestureLab up to date when it is opened to be worked on,
 * shared by the app (every project it opens) and the command line (the commands that add or move clips:
 * {@code import} and {@code project split}). Today it has one step: a project without a Nothing class gains one
 * ({@link Project#ensureNothingClass()}: the class named {@value NothingClass#DEFAULT_NAME} is marked, or a new one
 * is appended, so every stored label index stays valid and no clip, label or model is touched). Read-only opens
 * ({@code stats}, {@code export}, {@code evaluate-stream}, ...) never migrate, so looking at a project never
 * writes to it.
 */
public final class ProjectMigration {

    private ProjectMigration() {
    }

    /**
     * Opens a project for writing and migrates it.
     *
     * @param dir the project folder
     * @return the open, migrated project; close it when done
     * @throws org.gesturelab.core.GestureLabException if it is not a project, is in use or is damaged
     * @throws IOException if it cannot be read or written
     */
    public static Project open(Path dir) throws IOException {
        Project project = Project.open(dir);
        try {
            migrate(project);
        } catch (RuntimeException e) {
            project.close();
            throw e;
        }
        return project;
    }

    /**
     * Migrates an open, writable project.
     *
     * @param project the project
     * @return what was changed, in words, or empty when it was up to date
     */
    public static Optional<String> migrate(Project project) {
        boolean marked = project.classes().stream().anyMatch(GestureClass::nothing);
        if (marked) {
            return Optional.empty();
        }
        int index = project.ensureNothingClass();
        return Optional.of("The project gained its Nothing class '" + project.classNames().get(index)
                + "' (for idle footage; no clip was changed).");
    }
}

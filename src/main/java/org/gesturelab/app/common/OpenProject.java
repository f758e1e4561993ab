package org.gesturelab.app.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open project, shared by every screen: opening, creating and closing it, and a revision counter that screens
 * watch to refresh after any change (a recorded clip, a label, a new class). The last project is remembered.
 */
public final class OpenProject {

    private static final Logger LOG = LoggerFactory.getLogger(OpenProject.class);

    private final SettingsStore settings;
    private final ReadOnlyObjectWrapper<Project> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final IntegerProperty revision = new SimpleIntegerProperty(this, "revision");
    private final IntegerProperty modelRevision = new SimpleIntegerProperty(this, "modelRevision");

    /**
     * Creates the model with no project open.
     *
     * @param settings where the last project is remembered
     */
    public OpenProject(SettingsStore settings) {
        this.settings = settings;
    }

    /**
     * Opens the project used last, or else the default project, creating it (with no classes) on the first start.
     *
     * @param defaultFolder the default project's folder
     * @param defaultName the default project's name
     * @throws IOException if neither can be opened or created
     */
    public void openAtStart(Path defaultFolder, String defaultName) throws IOException {
        String last = settings.get().lastProject();
        if (last != null && Project.isProject(Path.of(last))) {
            // When the last project cannot be opened (another GestureLab holds it), the user is told and chooses:
            // silently opening a different project would put their work where they do not expect it.
            open(Path.of(last));
            return;
        }
        if (Project.isProject(defaultFolder)) {
            open(defaultFolder);
        } else {
            create(defaultFolder, defaultName);
        }
    }

    /**
     * Opens a project, closing the one open.
     *
     * @param folder the project folder
     * @return false when that project is the one already open (nothing changes), true when it was opened
     * @throws IOException if it cannot be read
     * @throws GestureLabException if it is not a project or is in use
     */
    public boolean open(Path folder) throws IOException {
        Project open = project.get();
        if (open != null && isSameFolder(open.directory(), folder)) {
            return false;
        }
        // The migration the command line shares (a project made before every project had a Nothing class).
        Project opened = ProjectMigration.open(folder);
        set(opened);
        return true;
    }

    private static boolean isSameFolder(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    /**
     * Creates a project whose only class is Nothing and opens it.
     *
     * @param folder a new or empty folder
     * @param name the project's name
     * @throws IOException if it cannot be written
     * @throws GestureLabException if the folder is not empty
     */
    public void create(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Project created = Project.create(folder, name, List.of(), settings.get().framesPerClip());
        try {
            created.ensureNothingClass();
        } catch (RuntimeException e) {
            created.close();
            throw e;
        }
        set(created);
    }

    private void set(Project opened) {
        close();
        project.set(opened);
        settings.update(s -> s.withLastProject(opened.directory().toString()));
        changed();
    }

    /** Closes the open project, if any. */
    public void close() {
        Project open = project.get();
        if (open != null) {
            project.set(null);
            try {
                open.close();
            } catch (IOException e) {
                LOG.warn("Closing {} failed: {}", open.directory(), e.toString());
            }
        }
    }

    /** Tells every screen that the project changed; call it on the JavaFX thread after a change. */
    public void changed() {
        revision.set(revision.get() + 1);
    }

    /** Tells every screen that the project's current model changed (trained, or a class was added). */
    public void modelChanged() {
        modelRevision.set(modelRevision.get() + 1);
        changed();
    }

    /** Returns a counter that grows whenever the current model changes. */
    public IntegerProperty modelRevisionProperty() {
        return modelRevision;
    }

    /** Returns the open project, or null. */
    public ReadOnlyObjectProperty<Project> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** Returns the open project, or null. */
    public Project get() {
        return project.get();
    }

    /** Returns the open project's class names, empty when none is open. */
    public List<String> classNames() {
        Project open = project.get();
        return open == null ? List.of() : open.classNames();
    }

    /** Returns a counter that grows with every change to the project. */
    public IntegerProperty revisionProperty() {
        return revision;
    }
}

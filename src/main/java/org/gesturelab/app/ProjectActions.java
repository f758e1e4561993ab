package org.gesturelab.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import javafx.scene.control.Alert;
import javafx.scene.control.TextInputDialog;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.Styles;
import org.gesturelab.dataset.Project;

/**
 * The File menu's project actions: New project, Open project and Export project, with their dialogs and error
 * messages.
 */
final class ProjectActions {

    private final OpenProject projects;
    private final AppContext context;
    private final Window owner;
    private final java.util.function.Consumer<String> status;

    ProjectActions(OpenProject projects, AppContext context, Window owner,
            java.util.function.Consumer<String> status) {
        this.projects = projects;
        this.status = status;
        this.context = context;
        this.owner = owner;
    }

    /** Opens the last or the default project; tells the user when that fails. */
    void openAtStart() {
        try {
            projects.openAtStart(context.defaultProjectFolder(), AppContext.DEFAULT_PROJECT_NAME);
        } catch (IOException | GestureLabException e) {
            error("Could not open your project", e.getMessage()
                    + "\n\nNo project is open in this window. Close the other GestureLab first, or use File → New "
                    + "project or File → Open project to continue here.");
        }
    }

    /** Asks for a name and creates the project in the GestureLab folder. */
    void newProject() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(owner);
        dialog.setTitle("New project");
        dialog.setHeaderText("Name the new project");
        dialog.setContentText("Name:");
        style(dialog.getDialogPane());
        dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty()).ifPresent(name -> {
            Path folder = context.projectsHome().resolve(name.replaceAll("[\\\\/:*?\"<>|]", "_"));
            try {
                projects.create(folder, name);
            } catch (IOException | GestureLabException e) {
                error("Could not create the project", e.getMessage());
            }
        });
    }

    /** Asks for a project folder and opens it. */
    void openProject() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a GestureLab project folder");
        if (context.projectsHome().toFile().isDirectory()) {
            chooser.setInitialDirectory(context.projectsHome().toFile());
        }
        File folder = chooser.showDialog(owner);
        if (folder != null) {
            open(folder.toPath());
        }
    }

    /**
     * Opens a project folder; when it is the project already open, says so and stays on it.
     *
     * @param folder the folder
     * @return what happened, in words, or null after an error dialog
     */
    String open(Path folder) {
        try {
            if (projects.open(folder)) {
                return null;
            }
            String notice = "“" + projects.get().name() + "” is already open in this window.";
            status.accept(notice);
            return notice;
        } catch (IOException | GestureLabException e) {
            error("Could not open the project", e.getMessage());
            return null;
        }
    }

    /**
     * Asks for a zip file and writes a consistent copy of the open project into it, in the background (see
     * {@code Project.archive}): the safe way to back a project up or move it, even right after a crash.
     */
    void exportProject() {
        Project project = projects.projectProperty().get();
        if (project == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the project as a zip file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Zip archive", "*.zip"));
        chooser.setInitialFileName(project.directory().getFileName() + ".zip");
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        Path zip = file.toPath();
        context.executor().submit("Exporting the project", monitor -> project.archive(zip, monitor),
                clips -> {
                    Alert done = new Alert(Alert.AlertType.INFORMATION, "Saved " + clips + " clips with their labels "
                            + "to " + zip + ".");
                    done.initOwner(owner);
                    done.setHeaderText("Project exported");
                    style(done.getDialogPane());
                    done.showAndWait();
                },
                failure -> error("Could not export the project", failure.getMessage()));
    }

    void error(String header, String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.initOwner(owner);
        alert.setHeaderText(header);
        style(alert.getDialogPane());
        alert.showAndWait();
    }

    private static void style(javafx.scene.control.DialogPane pane) {
        pane.getStylesheets().add(ProjectActions.class.getResource(Styles.STYLESHEET).toExternalForm());
    }
}

package org.gesturelab.app.setup;

import java.io.File;
import java.util.Optional;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gesturelab.app.common.ProgressPanel;
import org.gesturelab.app.common.Styles;
import org.gesturelab.app.setup.ModelSetupViewModel.Phase;

/**
 * The first-start dialog: says why the models are needed, installs them with a progress bar and Cancel, or lets the
 * user pick a tarball. It closes itself once the models are ready.
 */
public final class ModelSetupDialog {

    private final Stage stage;

    /**
     * Builds the dialog.
     *
     * @param owner the main window
     * @param viewModel the setup state
     */
    public ModelSetupDialog(Window owner, ModelSetupViewModel viewModel) {
        stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Install the MediaPipe models");

        Label title = new Label("One more step: the MediaPipe models");
        title.getStyleClass().add(Styles.SCREEN_TITLE);
        Label message = new Label();
        message.setId("setup-message");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        Label help = new Label(ModelSetupViewModel.manualInstructions());
        help.setWrapText(true);
        help.getStyleClass().add(Styles.MUTED);
        Label where = new Label("Models go to " + viewModel.directory() + " (about 190 MB).");
        where.getStyleClass().add(Styles.MUTED);

        ProgressPanel progress = new ProgressPanel();
        progress.taskProperty().bind(viewModel.taskProperty());

        Button install = new Button("Install now");
        install.setId("setup-install");
        install.getStyleClass().add(Styles.ACCENT);
        install.setDefaultButton(true);
        install.setOnAction(event -> viewModel.install(Optional.empty()));
        Button choose = new Button("Choose file…");
        choose.setId("setup-choose");
        choose.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose the @mediapipe/holistic tarball");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("npm tarball", "*.tgz", "*.tar.gz"));
            File file = chooser.showOpenDialog(stage);
            if (file != null) {
                viewModel.install(Optional.of(file.toPath()));
            }
        });
        Button later = new Button();
        later.setId("setup-close");
        later.textProperty().bind(Bindings.when(viewModel.phaseProperty().isEqualTo(Phase.READY))
                .then("Start").otherwise("Later"));
        later.setOnAction(event -> stage.close());
        var busy = viewModel.phaseProperty().isEqualTo(Phase.INSTALLING)
                .or(viewModel.phaseProperty().isEqualTo(Phase.CHECKING))
                .or(viewModel.phaseProperty().isEqualTo(Phase.READY));
        install.disableProperty().bind(busy);
        choose.disableProperty().bind(busy);
        later.disableProperty().bind(viewModel.phaseProperty().isEqualTo(Phase.INSTALLING));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, later, spacer, choose, install);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        // Wrapped labels in a VBox report one line as their minimum unless told otherwise.
        for (Label label : new Label[] {message, help, where}) {
            label.setMinHeight(Region.USE_PREF_SIZE);
        }
        VBox root = new VBox(14, title, message, help, where, progress, buttons);
        root.setPadding(new Insets(24));
        root.setPrefWidth(620);
        Scene scene = new Scene(root);
        scene.getStylesheets().add(ModelSetupDialog.class.getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        // The wrapped text's height is only known after the first layout.
        stage.setOnShown(event -> stage.sizeToScene());
        stage.setOnCloseRequest(event -> {
            if (viewModel.phaseProperty().get() == Phase.INSTALLING) {
                event.consume();
            }
        });
        viewModel.phaseProperty().addListener((obs, old, now) -> {
            if (now == Phase.READY && old == Phase.INSTALLING) {
                later.requestFocus();
            }
        });
    }

    /** Shows the dialog without waiting. */
    public void show() {
        stage.show();
    }

    /** Returns the dialog's stage. */
    public Stage stage() {
        return stage;
    }
}

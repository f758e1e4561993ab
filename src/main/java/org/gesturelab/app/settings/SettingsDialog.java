package org.gesturelab.app.settings;

import org.gesturelab.app.common.AppSettings;
import org.gesturelab.app.common.SettingsStore;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.gesturelab.app.common.Styles;
import org.gesturelab.dataset.Limits;

/** Edits the preferences of {@link AppSettings} and saves them when the user presses OK. */
public final class SettingsDialog {

    private SettingsDialog() {
    }

    /**
     * Shows the dialog and waits.
     *
     * @param owner the owning window
     * @param store where the settings live
     */
    public static void show(Window owner, SettingsStore store) {
        AppSettings current = store.get();
        Slider threshold = new Slider(0.5, 0.99, current.confidenceThreshold());
        threshold.setId("settings-threshold");
        threshold.setShowTickLabels(true);
        threshold.setMajorTickUnit(0.1);
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(threshold.valueProperty().asString("%.2f"));
        Spinner<Integer> clips = new Spinner<>(1, 100, current.clipsPerTake());
        clips.setEditable(true);
        Spinner<Integer> countdown = new Spinner<>(0, 10, current.countdownSeconds());
        countdown.setEditable(true);
        Spinner<Integer> batch = new Spinner<>(1, 200, current.batchSize());
        batch.setEditable(true);
        Spinner<Integer> frames = new Spinner<>(1, Limits.MAX_SEQUENCE_LENGTH, current.framesPerClip());
        frames.setId("settings-frames");
        frames.setEditable(true);
        frames.setTooltip(new javafx.scene.control.Tooltip("Frames per clip of the next new project: recording, "
                + "the windows of long recordings and videos, and the models follow it. 1 is a static pose. "
                + "Open projects keep their own length."));
        CheckBox retrain = new CheckBox("Retrain automatically when a batch is labeled");
        retrain.setSelected(current.autoRetrain());

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        grid.setPadding(new Insets(10));
        grid.addRow(0, new Label("Recognition threshold"), threshold, thresholdValue);
        grid.addRow(1, new Label("Clips per recording take"), clips);
        grid.addRow(2, new Label("Countdown before recording (s)"), countdown);
        grid.addRow(3, new Label("Clips per labeling batch"), batch);
        grid.add(retrain, 1, 4, 2, 1);
        grid.addRow(5, new Label("Frames per clip for new projects"), frames);

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.setHeaderText("Settings");
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().getStylesheets().add(SettingsDialog.class.getResource(Styles.STYLESHEET)
                .toExternalForm());
        dialog.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> store.update(s -> s.withPreferences(
                Math.round(threshold.getValue() * 100) / 100.0, clips.getValue(), countdown.getValue(),
                s.strategy(), batch.getValue(), retrain.isSelected()).withFramesPerClip(frames.getValue())));
    }
}

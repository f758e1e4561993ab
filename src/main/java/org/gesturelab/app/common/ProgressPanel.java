package org.gesturelab.app.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A progress bar with a title, the job's message and a Cancel button, bound to whichever {@link TaskHandle} is set.
 * It is visible only while the job runs; binding {@code taskProperty()} to a view model's job is the usual use.
 */
public final class ProgressPanel extends VBox {

    private final ObjectProperty<TaskHandle> task = new SimpleObjectProperty<>(this, "task");

    private static final double MIN_BAR_WIDTH = 120;

    /** Creates an empty, hidden panel. */
    public ProgressPanel() {
        getStyleClass().add(Styles.PROGRESS_PANEL);
        Label title = new Label();
        title.getStyleClass().add(Styles.CARD_TITLE);
        Label message = new Label();
        message.getStyleClass().add(Styles.MUTED);
        ProgressBar bar = new ProgressBar();
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("cancel-task");
        // In a narrow dialog the bar shrinks, never Cancel or the message, which wraps instead of being cut.
        Styles.keepWidth(cancel);
        bar.setMinWidth(MIN_BAR_WIDTH);
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        title.setWrapText(true);
        HBox row = new HBox(8, bar, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, row, message);
        setSpacing(4);

        setVisible(false);
        managedProperty().bind(visibleProperty());
        task.addListener((obs, old, now) -> {
            bar.progressProperty().unbind();
            message.textProperty().unbind();
            cancel.disableProperty().unbind();
            setVisible(now != null && now.runningProperty().get());
            if (now != null) {
                title.setText(now.title());
                bar.progressProperty().bind(now.progressProperty());
                message.textProperty().bind(now.messageProperty());
                cancel.disableProperty().bind(now.runningProperty().not());
                // Finished jobs disappear; their outcome is the screen's to show.
                now.runningProperty().addListener((o, wasRunning, running) -> setVisible(running
                        && task.get() == now));
            }
        });
        cancel.setOnAction(event -> {
            TaskHandle handle = task.get();
            if (handle != null) {
                handle.cancel();
            }
        });
    }

    /** Returns the job shown, or null. */
    public ObjectProperty<TaskHandle> taskProperty() {
        return task;
    }
}

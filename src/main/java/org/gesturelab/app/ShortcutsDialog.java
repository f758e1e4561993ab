package org.gesturelab.app;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.gesturelab.app.common.Shortcut;
import org.gesturelab.app.common.Styles;

/** Lists every keyboard shortcut, built from {@link Shortcut} so it is always what the keys really do. */
final class ShortcutsDialog {

    private ShortcutsDialog() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (Shortcut shortcut : Shortcut.values()) {
            Label key = new Label(shortcut.displayText());
            key.getStyleClass().add(Styles.KEYCAP);
            grid.addRow(row++, key, new Label(shortcut.description()));
        }
        Label classes = new Label("1 … 0, A …");
        classes.getStyleClass().add(Styles.KEYCAP);
        grid.addRow(row, classes, new Label("Label the clip with a class (each class's own key, shown in the "
                + "legend; change it on the Record screen)"));
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.getDialogPane().setContent(grid);
        alert.getDialogPane().getStylesheets().add(ShortcutsDialog.class.getResource(Styles.STYLESHEET)
                .toExternalForm());
        alert.showAndWait();
    }
}

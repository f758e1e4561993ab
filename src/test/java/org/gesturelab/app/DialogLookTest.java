package org.gesturelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.Styles;
import org.gesturelab.app.settings.SettingsDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens Settings, Keyboard shortcuts, New project and the error dialog and checks that they wear the app's style:
 * its stylesheet, a white header, flat buttons (no gradient) and the accent colour on the default button.
 */
@ExtendWith(ApplicationExtension.class)
class DialogLookTest {

    @TempDir
    Path folder;

    private Stage stage;
    private MainViewModel main;

    @Start
    void start(Stage primary) {
        stage = primary;
        main = AppHarness.show(primary, AppHarness.context(folder, new CurrentThreadExecutor()), null);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.close());
    }

    @Test
    void settingsShortcutsNewProjectAndErrorsLookLikeTheApp(FxRobot robot) {
        ProjectActions actions = new ProjectActions(main.projects(), main.context(), stage,
                main.statusProperty()::set);
        checkDialog(robot, () -> SettingsDialog.show(stage, main.context().settings()), "Settings");
        DialogPane shortcuts = checkDialog(robot, () -> ShortcutsDialog.show(stage), "Keyboard shortcuts");
        String keys = shortcuts.lookupAll(".keycap").stream().map(n -> ((Labeled) n).getText())
                .collect(Collectors.joining(" "));
        assertTrue(keys.contains("N") && keys.contains("Esc") && keys.contains("F1"), keys);
        checkDialog(robot, actions::newProject, "New project");
        checkDialog(robot, () -> actions.error("Could not open the project", "It is gone."), "error");
    }

    @Test
    void f1OpensTheShortcuts(FxRobot robot) {
        robot.type(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = dialogPane(robot);
        assertNotNull(pane, "F1 opened a dialog");
        assertEquals("Keyboard shortcuts", pane.getHeaderText());
        closeDialog(robot, pane);
    }

    @Test
    void aQuestionMarkOpensTheShortcutsToo(FxRobot robot) {
        // Later, not in interact: the dialog waits for its answer, and interact would wait for the dialog.
        Platform.runLater(() -> stage.getScene().getRoot().fireEvent(new javafx.scene.input.KeyEvent(
                javafx.scene.input.KeyEvent.KEY_TYPED, "?", "", javafx.scene.input.KeyCode.UNDEFINED, true, false,
                false, false)));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = dialogPane(robot);
        assertNotNull(pane, "? opened a dialog");
        assertEquals("Keyboard shortcuts", pane.getHeaderText());
        closeDialog(robot, pane);
    }

    private DialogPane checkDialog(FxRobot robot, Runnable open, String what) {
        Platform.runLater(open);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane pane = dialogPane(robot);
        assertNotNull(pane, what + " opened");
        assertTrue(pane.getStylesheets().stream().anyMatch(s -> s.endsWith(Styles.STYLESHEET.substring(
                Styles.STYLESHEET.lastIndexOf('/')))), what + " uses the app's stylesheet");
        Node header = pane.lookup(".header-panel");
        if (header instanceof javafx.scene.layout.Region region && region.getBackground() != null) {
            for (BackgroundFill fill : region.getBackground().getFills()) {
                assertEquals(Color.WHITE, fill.getFill(), what + ": the header is white, not modena's grey");
            }
        }
        List<Button> buttons = pane.lookupAll(".button").stream().filter(Button.class::isInstance)
                .map(Button.class::cast).toList();
        assertFalse(buttons.isEmpty(), what + " has buttons");
        for (Button button : buttons) {
            assertNotNull(button.getBackground(), what + ": " + button.getText());
            for (BackgroundFill fill : button.getBackground().getFills()) {
                assertTrue(fill.getFill() instanceof Color, what + ": '" + button.getText()
                        + "' is flat, not a glossy gradient: " + fill.getFill());
            }
            if (button.isDefaultButton()) {
                assertEquals(Color.web("#4f46e5"), button.getBackground().getFills().get(0).getFill(),
                        what + ": the default button has the accent colour");
            }
        }
        String shots = System.getenv("GESTURELAB_DIALOG_SCREENSHOTS");
        if (shots != null && !shots.isBlank()) {
            // Writes the dialog as the docs show it: docs/screenshots/dialog-*.png.
            robot.interact(() -> {
                try {
                    ScreenshotRenderer.write(pane.getScene(), Path.of(shots).resolve("dialog-"
                            + what.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ".png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        closeDialog(robot, pane);
        return pane;
    }

    private static DialogPane dialogPane(FxRobot robot) {
        for (Window window : robot.listWindows()) {
            if (window.isShowing() && window.getScene() != null
                    && window.getScene().getRoot() instanceof DialogPane pane) {
                return pane;
            }
        }
        return null;
    }

    private static void closeDialog(FxRobot robot, DialogPane pane) {
        robot.interact(() -> {
            Button close = pane.getButtonTypes().stream().map(pane::lookupButton)
                    .filter(Button.class::isInstance).map(Button.class::cast)
                    .filter(b -> b.isCancelButton()).findFirst()
                    .orElse((Button) pane.lookupButton(pane.getButtonTypes().get(0)));
            close.fire();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}

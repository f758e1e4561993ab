package org.gesturelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.gesturelab.app.common.AppSettings;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.settings.SettingsDialog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Settings' "Frames per clip for new projects" decides the clip length of the project File → New project makes. */
@ExtendWith(ApplicationExtension.class)
class NewProjectFramesTest {

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
    void aNewProjectTakesTheFramesPerClipFromSettings(FxRobot robot) throws Exception {
        assertEquals(30, main.context().settings().get().framesPerClip(), "30 frames until changed");
        Platform.runLater(() -> SettingsDialog.show(stage, main.context().settings()));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane settings = dialogPane(robot);
        @SuppressWarnings("unchecked")
        Spinner<Integer> frames = (Spinner<Integer>) settings.lookup("#settings-frames");
        assertNotNull(frames, "the Settings dialog has the field");
        robot.interact(() -> frames.getValueFactory().setValue(9));
        robot.clickOn(settings.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        AppSettings saved = main.context().settings().get();
        assertEquals(9, saved.framesPerClip());

        ProjectActions actions = new ProjectActions(main.projects(), main.context(), stage,
                main.statusProperty()::set);
        Platform.runLater(actions::newProject);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane name = dialogPane(robot);
        assertNotNull(name, "New project asks for a name");
        javafx.scene.control.TextField field = (javafx.scene.control.TextField) name.lookup(".text-field");
        robot.clickOn(field).write("Poses");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Poses", field.getText());
        robot.clickOn(name.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> main.projects().get() != null
                && main.projects().get().name().equals("Poses"));
        assertEquals(9, main.projects().get().sequenceLength());
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
}

package org.gesturelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    static Path folder;

    private MainViewModel main;
    private Stage stage;

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
    void firstStartCreatesTheDefaultProjectAndNavigationWorks(FxRobot robot) {
        Path project = folder.resolve("GestureLab").resolve(AppContext.DEFAULT_PROJECT_NAME);
        assertTrue(Project.isProject(project), "default project created at " + project);
        assertEquals(AppContext.DEFAULT_PROJECT_NAME, robot.lookup("#sidebar-project").queryAs(Label.class).getText());
        assertEquals("My gestures — GestureLab", stage.getTitle());

        List<String> titles = main.screens().stream().map(s -> s.title()).toList();
        assertEquals(List.of("Live", "Record", "Label", "Train", "Dataset"), titles);
        robot.clickOn("#nav-record");
        assertNotNull(robot.lookup("#record-screen").query());
        assertEquals("Record", main.selectedProperty().get().title());
        // Keyboard navigation: the shortcut from the Shortcut table.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT1)
                .release(javafx.scene.input.KeyCode.DIGIT1, javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Live", main.selectedProperty().get().title());
        robot.clickOn("#nav-record");
    }

    @Test
    void windowSizeLastScreenAndProjectAreRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#nav-record");
        robot.interact(() -> {
            stage.setWidth(1111);
            stage.setHeight(777);
        });
        robot.interact(() -> stage.close());
        var saved = new SettingsStore(folder.resolve("settings.json")).get();
        assertEquals("Record", saved.lastScreen());
        assertTrue(Math.abs(saved.windowWidth() - 1111) < 40, "width " + saved.windowWidth());
        assertTrue(saved.lastProject().endsWith(AppContext.DEFAULT_PROJECT_NAME));
        assertTrue(Files.isDirectory(Path.of(saved.lastProject())));
        assertFalse(saved.maximized());
    }

    @Test
    void anEmptyProjectsDatasetSaysHowToGetClips(FxRobot robot) {
        robot.clickOn("#nav-dataset");
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup("#dataset-empty-title").queryAs(Label.class);
        assertTrue(title.isVisible());
        assertEquals("No clips yet", title.getText());
    }
}

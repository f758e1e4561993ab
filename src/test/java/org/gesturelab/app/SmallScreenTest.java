package org.gesturelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opens the main window with the default settings on Monocle's 1280x800 screen, on a project with thirteen gestures,
 * and checks that the whole window fits and that no text on any screen is cut off with an ellipsis.
 */
@ExtendWith(ApplicationExtension.class)
class SmallScreenTest {

    private static final List<String> GESTURES = List.of("hello", "thanks", "iloveyou", "please", "goodbye",
            "yes", "no", "sorry", "welcome", "friend", "family", "understand", "repeat");

    @TempDir
    static Path folder;

    private MainViewModel main;
    private Stage stage;

    @Start
    void start(Stage primary) throws Exception {
        stage = primary;
        Path projectDir = folder.resolve("Signs");
        if (!Project.isProject(projectDir)) {
            try (Project project = Project.create(projectDir, "Signs", GESTURES)) {
                Random random = new Random(3);
                for (int c = 0; c < GESTURES.size(); c++) {
                    project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TRAIN, c,
                            "/home/someone/recordings/2026-12-03/" + GESTURES.get(c) + "/take-1.mp4"));
                    project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TEST, c, "recorded"));
                    project.addClip(NewClip.unlabeled(TestClips.random(random), "footage " + c));
                }
            }
        }
        SettingsStore settings = new SettingsStore(folder.resolve("settings.json"));
        // The settings a new user has: the default window size, not the harness's smaller one.
        settings.update(s -> s.withLastProject(projectDir.toString()).withWindow(
                org.gesturelab.app.common.AppSettings.DEFAULT_WIDTH, org.gesturelab.app.common.AppSettings.DEFAULT_HEIGHT,
                false));
        AppContext context = new AppContext(settings, new CurrentThreadExecutor(), folder.resolve("GestureLab"),
                folder.resolve("models"));
        main = AppHarness.show(primary, context, null);
        // TestFX reuses its stage: a size set by another test must not carry over.
        primary.sizeToScene();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.close());
    }

    @Test
    void theDefaultWindowFitsA1280x800ScreenWithItsStatusBar(FxRobot robot) {
        Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertEquals(1280, screen.getWidth(), 1, "Monocle's headless screen");
        Scene scene = stage.getScene();
        assertTrue(scene.getHeight() <= screen.getHeight() - 30, "room for a title bar: " + scene.getHeight());
        assertTrue(scene.getWidth() <= screen.getWidth(), "width " + scene.getWidth());
        Node status = robot.lookup("#status-text").query();
        Bounds bounds = status.localToScene(status.getBoundsInLocal());
        assertTrue(bounds.getMaxY() <= scene.getHeight(), "status bar inside the window: " + bounds);
    }

    @Test
    void noScreenCutsOffTextAt1280x800(FxRobot robot) {
        List<String> cut = new ArrayList<>();
        for (Screen screen : List.copyOf(main.screens())) {
            robot.interact(() -> main.selectedProperty().set(screen));
            WaitForAsyncUtils.waitForFxEvents();
            if (screen.title().equals("Train")) {
                // Training and evaluating fill the toolbar's message and the 13x13 confusion matrix.
                robot.clickOn("#train-now");
                WaitForAsyncUtils.waitForFxEvents();
                robot.clickOn("#train-evaluate");
                WaitForAsyncUtils.waitForFxEvents();
                assertNotNull(robot.lookup("#train-cell-12-12").query(), "the matrix is drawn");
            }
            robot.interact(() -> stage.getScene().getRoot().applyCss());
            robot.interact(() -> stage.getScene().getRoot().layout());
            collectCut(stage.getScene().getRoot(), screen.title(), cut);
            // The whole screen is shown without scrolling, and the status bar below it.
            var scroll = robot.lookup("#screen-scroll").queryAs(javafx.scene.control.ScrollPane.class);
            double needed = screen.view().minHeight(scroll.getViewportBounds().getWidth());
            assertTrue(needed <= scroll.getViewportBounds().getHeight() + 1, screen.title() + " needs " + needed
                    + " px, has " + scroll.getViewportBounds().getHeight());
        }
        assertEquals(List.of(), cut, "text cut off");
    }

    @Test
    void atTheSmallestWindowScreensScrollAndTheStatusBarStaysVisible(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        for (Screen screen : List.copyOf(main.screens())) {
            robot.interact(() -> main.selectedProperty().set(screen));
            WaitForAsyncUtils.waitForFxEvents();
            Node status = robot.lookup("#status-text").query();
            Bounds bounds = status.localToScene(status.getBoundsInLocal());
            assertTrue(bounds.getMaxY() <= stage.getScene().getHeight(), screen.title() + ": " + bounds);
            var scroll = robot.lookup("#screen-scroll").queryAs(javafx.scene.control.ScrollPane.class);
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            assertTrue(viewport.getMaxY() <= bounds.getMinY() + 1, screen.title()
                    + ": the screen ends above the status bar, " + viewport);
        }
    }

    /** Adds every shown control whose text is drawn shortened (with an ellipsis) to {@code cut}. */
    static void collectCut(Node node, String where, List<String> cut) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
            String ellipsis = labeled.getEllipsisString();
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text text && text.isVisible() && !labeled.getText().equals(text.getText())
                        && !labeled.getText().endsWith(ellipsis) && text.getText() != null
                        && text.getText().contains(ellipsis)) {
                    cut.add(where + ": '" + labeled.getText() + "' drawn as '" + text.getText() + "' ("
                            + labeled.getClass().getSimpleName() + (labeled.getId() == null ? "" : " #"
                            + labeled.getId()) + ")");
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collectCut(child, where, cut);
            }
        }
    }
}

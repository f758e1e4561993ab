package org.gesturelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.gesturelab.SharedData;
import org.gesturelab.app.AppContext;
import org.gesturelab.app.AppHarness;
import org.gesturelab.app.MainViewModel;
import org.gesturelab.app.SpottingProjects;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.dataset.NothingClass;
import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Live, fed a real video of a person standing still, shows the calm Nothing state and spots no gesture. The model is
 * trained here on bodygesture15's pose landmarks of the other people (static and random as Nothing), so the person
 * in the video is one it never saw.
 */
@ExtendWith(ApplicationExtension.class)
class LiveNothingTest {

    @TempDir
    static Path folder;

    private MainViewModel main;
    private FxBackgroundExecutor executor;

    @Start
    void start(Stage stage) {
        executor = new FxBackgroundExecutor(1);
        AppContext context = AppHarness.contextWithInstalledModels(folder, executor);
        main = AppHarness.show(stage, context, null);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(main::dispose);
        executor.shutdown();
    }

    @Test
    void aPersonStandingStillReadsAsNothing(FxRobot robot) throws Exception {
        InstalledModels.require();
        Path video = SharedData.require("bodygesture15/videos_1m_upper/S8/videos/static_1_1m_upper.avi");
        Path dir = SpottingProjects.bodygesture(folder.resolve("spotting"), 40);
        SpottingProjects.open(robot, main, dir);
        LiveViewModel live = ((LiveScreen) main.screens().get(0)).viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live.calmProperty().get());
        assertEquals(NothingClass.DEFAULT_NAME, live.nothingNameProperty().get());

        AtomicReference<String> gesture = new AtomicReference<>("");
        AtomicInteger predictions = new AtomicInteger();
        live.topGestureProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                gesture.set(now);
            }
        });
        live.probabilitiesProperty().addListener((obs, old, now) -> predictions.incrementAndGet());
        robot.interact(() -> live.picker().addVideo(video));
        robot.clickOn("#live-play");
        // The 23-frame video loops: 60 predictions (every other frame) are over five passes of standing still.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> predictions.get() >= 60);
        robot.clickOn("#live-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", gesture.get(), "standing still was taken for a gesture");
        assertTrue(live.timeline().isEmpty(), "events spotted: " + live.timeline());
        assertTrue(live.calmProperty().get());
        Label top = robot.lookup("#live-top-gesture").queryAs(Label.class);
        assertEquals(NothingClass.DEFAULT_NAME, top.getText());
        assertTrue(top.getStyleClass().contains("calm"));
    }
}

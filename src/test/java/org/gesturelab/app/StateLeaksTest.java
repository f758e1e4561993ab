package org.gesturelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.app.common.VideoView;
import org.gesturelab.app.dataset.DatasetScreen;
import org.gesturelab.app.live.LiveScreen;
import org.gesturelab.app.live.LiveViewModel;
import org.gesturelab.app.live.SourcePicker;
import org.gesturelab.classify.spotting.SpottedEvent;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Iteration;
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

/** Nothing of the last project or the last source stays on any screen (issue 16, item 4): one test per leak. */
@ExtendWith(ApplicationExtension.class)
class StateLeaksTest {

    @TempDir
    Path folder;

    private MainViewModel main;
    private FxBackgroundExecutor executor;

    @Start
    void start(Stage stage) {
        executor = new FxBackgroundExecutor(1);
        main = AppHarness.show(stage, AppHarness.context(folder, executor), null);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(main::dispose);
        executor.shutdown();
    }

    private static void addClips(Project project, ClipState state, int perClass, Random random) {
        int wave = project.addClass("wave");
        int point = project.addClass("point");
        for (int i = 0; i < perClass; i++) {
            project.addClip(NewClip.labeled(TestClips.random(random), state, wave, "wave " + state + i));
            project.addClip(NewClip.labeled(TestClips.random(random), state, point, "point " + state + i));
        }
    }

    private static void waitIdle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void switchProject(FxRobot robot, String name) throws Exception {
        robot.interact(() -> {
            try {
                main.projects().create(folder.resolve(name), name);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        waitIdle();
    }

    @Test
    void trainSaysNoTestClipsOnlyUntilTestClipsExistAndEvaluateRan(FxRobot robot) throws Exception {
        Project project = main.projects().get();
        Random random = new Random(2);
        robot.interact(() -> addClips(project, ClipState.TRAIN, 4, random));
        robot.clickOn("#nav-train");
        robot.clickOn("#train-now");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#train-message").queryLabeled()
                .getText().contains("test clips"));
        waitIdle();
        String before = robot.lookup("#train-message").queryLabeled().getText();
        assertTrue(before.contains("test clips"), before);

        robot.interact(() -> {
            for (int i = 0; i < 2; i++) {
                project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TEST, 1, "wave test " + i));
                project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TEST, 2, "point test " + i));
            }
            main.projects().changed();
        });
        robot.clickOn("#train-evaluate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#train-cell-1-1").tryQuery().isPresent());
        waitIdle();
        assertEquals("", robot.lookup("#train-message").queryLabeled().getText(), "the old news is gone");
        assertEquals("Test: 4 clips (20 % held out per class)",
                robot.lookup("#train-test-summary").queryLabeled().getText());
    }

    @Test
    void anotherProjectShowsNoneOfTheLastProjectsSimulationCurves(FxRobot robot) throws Exception {
        Project project = main.projects().get();
        robot.interact(() -> {
            for (int n = 1; n <= 3; n++) {
                project.saveIteration(new Iteration(0, "sim 1203-0733 entropy", n, Instant.now(), "entropy", null,
                        null, 10 * n, 0.3 * n, "{\"macro_f1\": " + 0.3 * n + "}"));
            }
            main.projects().changed();
        });
        robot.clickOn("#nav-train");
        robot.interact(() -> main.projects().modelChanged());
        waitIdle();
        LineChart<?, ?> curve = robot.lookup("#train-curve").queryAs(LineChart.class);
        assertTrue(curve.getData().stream().anyMatch(series -> series.getData().size() == 3),
                "the simulation is drawn");

        switchProject(robot, "Other");
        assertTrue(curve.getData().stream().allMatch(series -> series.getData().isEmpty()),
                "the last project's curves: " + curve.getData());
        assertEquals("", robot.lookup("#train-message").queryLabeled().getText());
    }

    @Test
    void anotherProjectClearsTheDatasetMessage(FxRobot robot) throws Exception {
        Project project = main.projects().get();
        robot.interact(() -> addClips(project, ClipState.TRAIN, 2, new Random(3)));
        robot.clickOn("#nav-dataset");
        DatasetScreen dataset = (DatasetScreen) main.screens().stream().filter(s -> s.title().equals("Dataset"))
                .findFirst().orElseThrow();
        robot.interact(() -> dataset.viewModel().split(0.5));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#dataset-message").queryLabeled()
                .getText().isEmpty());
        assertTrue(robot.lookup("#dataset-message").queryLabeled().getText().startsWith("Moved 2"));

        switchProject(robot, "Other");
        assertEquals("", robot.lookup("#dataset-message").queryLabeled().getText());
        assertEquals("Test: 0 clips (20 % held out per class)",
                robot.lookup("#dataset-test-summary").queryLabeled().getText(), "the new project's own split");
    }

    @Test
    void anotherProjectClearsTheLiveTimeline(FxRobot robot) throws Exception {
        LiveScreen live = (LiveScreen) main.screens().get(0);
        robot.interact(() -> live.viewModel().timeline().add(new SpottedEvent("hello", 1, 0, 20, 0.98f, 20)));
        FlowPane chips = robot.lookup("#live-recent").queryAs(FlowPane.class);
        assertEquals(1, chips.getChildren().size());

        switchProject(robot, "Other");
        assertEquals(0, chips.getChildren().size(), "the last project's gestures");
        assertTrue(live.viewModel().recent().isEmpty());
    }

    @Test
    void aFailedVideoTakesTheLastPictureAndRecognitionAway(FxRobot robot) throws Exception {
        Path good = TestVideos.movingSquare(folder.resolve("square.mp4"), 60, 320, 240);
        Path bad = Files.writeString(folder.resolve("notes.mp4"), "these are notes, not a video");
        LiveScreen live = (LiveScreen) main.screens().get(0);
        LiveViewModel viewModel = live.viewModel();
        SourcePicker picker = viewModel.picker();
        VideoView video = robot.lookup("#live-video").queryAs(VideoView.class);
        robot.interact(() -> {
            picker.addVideo(good);
            picker.play();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> video.picturesShown() > 3);
        // What a model said about the good video.
        robot.interact(() -> {
            viewModel.topGestureProperty().set("hello");
            viewModel.topConfidenceProperty().set(0.98);
            viewModel.probabilitiesProperty().set(new float[] {0.02f, 0.98f});
            viewModel.timeline().add(new SpottedEvent("hello", 1, 0, 20, 0.98f, 20));
        });
        assertEquals("98% confident", robot.lookup("#live-confidence").queryAs(Label.class).getText());

        robot.interact(() -> {
            picker.addVideo(bad);
            picker.play();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picker.errorProperty().get() != null);
        waitIdle();
        assertNull(video.image(), "the good video's last picture");
        assertEquals("—", robot.lookup("#live-top-gesture").queryAs(Label.class).getText());
        assertEquals("", robot.lookup("#live-confidence").queryAs(Label.class).getText());
        assertNull(viewModel.probabilitiesProperty().get());
        assertEquals(0, robot.lookup("#live-recent").queryAs(FlowPane.class).getChildren().size());
        assertTrue(robot.lookup("#live-banner-message").queryAs(Label.class).getText()
                .startsWith("This file is not a video"));
    }

    @Test
    void aFailedVideoTakesTheLastPictureAwayOnTheRecordScreenToo(FxRobot robot) throws Exception {
        Path good = TestVideos.movingSquare(folder.resolve("square-record.mp4"), 60, 320, 240);
        Path bad = Files.writeString(folder.resolve("notes-record.mp4"), "these are notes, not a video");
        robot.interact(() -> main.selectedProperty().set(main.screens().get(1)));
        SourcePicker picker = ((LiveScreen) main.screens().get(0)).viewModel().picker();
        VideoView video = robot.lookup("#record-video").queryAs(VideoView.class);
        robot.interact(() -> {
            picker.addVideo(good);
            picker.play();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> video.picturesShown() > 3);
        robot.interact(() -> {
            picker.addVideo(bad);
            picker.play();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picker.errorProperty().get() != null);
        waitIdle();
        assertNull(video.image(), "the good video's last picture on the Record screen");
    }
}

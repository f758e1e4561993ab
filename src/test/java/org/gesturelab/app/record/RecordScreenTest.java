package org.gesturelab.app.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javafx.scene.control.Spinner;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gesturelab.SharedData;
import org.gesturelab.app.AppContext;
import org.gesturelab.app.AppHarness;
import org.gesturelab.app.MainViewModel;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.app.live.LiveScreen;
import org.gesturelab.app.live.SourcePicker;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
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
 * Records two clips of a new class, and unlabeled footage into the pool, from a real video of a person, through the
 * real controls and keys.
 */
@ExtendWith(ApplicationExtension.class)
class RecordScreenTest {

    @TempDir
    static Path folder;

    private MainViewModel main;
    private FxBackgroundExecutor executor;

    @Start
    void start(Stage stage) {
        executor = new FxBackgroundExecutor(1);
        AppContext context = AppHarness.contextWithInstalledModels(folder, executor);
        context.settings().update(s -> s.withPreferences(s.confidenceThreshold(), 2, 0, s.strategy(), s.batchSize(),
                s.autoRetrain()));
        main = AppHarness.show(stage, context, null);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(main::dispose);
        executor.shutdown();
    }

    @Test
    void createAClassAndRecordTwoClipsFromAVideo(FxRobot robot) throws Exception {
        InstalledModels.require();
        Path video = SharedData.require("bodygesture15/videos_1m_upper/S1/dynamic_videos/greeting_1_1m_upper.avi");
        SourcePicker picker = ((LiveScreen) main.screens().get(0)).viewModel().picker();
        RecordScreen record = (RecordScreen) main.screens().get(1);
        RecordViewModel viewModel = record.viewModel();

        robot.clickOn("#nav-record");
        robot.clickOn("#record-new-class").write("wave");
        robot.clickOn("#record-add-class");
        assertEquals("wave", viewModel.selectedProperty().get().gestureClass().name());
        // The list shows the gesture that will be recorded, without a click.
        assertEquals(viewModel.selectedProperty().get(), robot.lookup("#record-classes")
                .queryAs(javafx.scene.control.ListView.class).getSelectionModel().getSelectedItem());

        // Before a source plays, the empty picture says what to do; the hint goes once the video runs.
        assertTrue(robot.lookup("#record-idle-hint").query().isVisible());
        robot.interact(() -> picker.addVideo(video));
        robot.clickOn("#record-play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> picker.fpsProperty().get() > 0);
        assertFalse(robot.lookup("#record-idle-hint").query().isVisible());

        AtomicBoolean sawIndicator = new AtomicBoolean();
        List<String> captions = new java.util.ArrayList<>();
        viewModel.phaseProperty().addListener((obs, old, now) -> {
            if (now == RecordViewModel.Phase.RECORDING
                    && robot.lookup("#record-indicator").query().isVisible()) {
                sawIndicator.set(true);
            }
            if (now == RecordViewModel.Phase.COUNTDOWN) {
                captions.add(robot.lookup("#record-countdown-caption").queryLabeled().getText());
            }
        });
        robot.clickOn("#record-classes");
        robot.type(KeyCode.R);
        assertTrue(viewModel.phaseProperty().get() != RecordViewModel.Phase.IDLE,
                "R did not start a take: " + viewModel.messageProperty().get());
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> viewModel.clipsSavedProperty().get() == 2);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("saved " + viewModel.clipsSavedProperty().get() + ", phase "
                    + viewModel.phaseProperty().get() + ", message '" + viewModel.messageProperty().get() + "', fps "
                    + picker.fpsProperty().get() + ", keypoints " + picker.feed().keypointMillis() + " ms, problem "
                    + picker.feed().keypointProblem(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(sawIndicator.get(), "the REC indicator was not shown while recording");
        assertTrue(robot.lookup("#record-message").queryLabeled().getText().contains("Saved clip"));
        assertEquals("Saved clip 2 of 2 of this take for “wave” (2 clips of it in the project).",
                robot.lookup("#record-message").queryLabeled().getText());
        assertEquals("clip 1 of 2 in", captions.get(0), "the countdown counts the take's clips");

        Project project = main.projects().get();
        List<Clip> clips = project.clips(ClipState.TRAIN);
        assertEquals(2, clips.size());
        for (Clip clip : clips) {
            // Class 0 is the new project's Nothing class; "wave" follows it.
            assertEquals(1, clip.label());
            assertEquals(project.requireClass("wave"), clip.label());
            assertEquals(30, clip.frames());
            // Who recorded it (the harness's answer to "Who is recording?") and on which day.
            assertEquals("Tester", clip.person());
            assertEquals(java.time.LocalDate.now().toString(), clip.session());
            assertNotNull(clip.replayVideo());
            assertTrue(Files.size(clip.replayVideo()) > 1000, "replay video " + clip.replayVideo());
            float[][] keypoints = project.loadKeypoints(clip);
            int withPose = 0;
            for (float[] frame : keypoints) {
                withPose += frame[3] > 0.5f ? 1 : 0;
            }
            assertTrue(withPose > 20, "the person's pose was found in " + withPose + " of 30 frames");
        }
        // The class list shows the new count at once.
        assertEquals(2, viewModel.classes().get(1).clips(), "wave, after the Nothing class");
        robot.clickOn("#record-play");
    }

    @Test
    void recordUnlabeledFootageIntoThePool(FxRobot robot) throws Exception {
        InstalledModels.require();
        Path video = SharedData.require("bodygesture15/videos_1m_upper/S1/dynamic_videos/greeting_1_1m_upper.avi");
        RecordViewModel viewModel = ((RecordScreen) main.screens().get(1)).viewModel();
        robot.clickOn("#nav-record");
        Project project = main.projects().get();
        int poolBefore = project.clips(ClipState.POOL).size();
        int recordingsBefore = project.recordings().size();
        play(robot, video);
        robot.clickOn("#record-target-pool");
        // The shortest take: two seconds of footage, at least one clip length.
        Spinner<Integer> seconds = robot.lookup("#record-pool-seconds").queryAs(Spinner.class);
        robot.interact(() -> seconds.getValueFactory().setValue(2));
        assertEquals(2, viewModel.poolSecondsProperty().get());

        AtomicBoolean sawIndicator = new AtomicBoolean();
        viewModel.phaseProperty().addListener((obs, old, now) -> {
            if (now == RecordViewModel.Phase.RECORDING && robot.lookup("#record-indicator").query().isVisible()) {
                sawIndicator.set(true);
            }
        });
        robot.clickOn("#record-classes");
        robot.type(KeyCode.R);
        assertEquals(RecordViewModel.Target.POOL, viewModel.target(), viewModel.messageProperty().get());
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS,
                () -> viewModel.messageProperty().get().startsWith("Added "));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(sawIndicator.get(), "the REC indicator was not shown while recording");
        assertEquals(RecordViewModel.Phase.IDLE, viewModel.phaseProperty().get());

        // The footage is one recording cut into whole clip-length windows, unlabeled, each with its replay video.
        List<Clip> added = project.clips(ClipState.POOL).stream().filter(c -> c.recordingId() != null
                && project.recordings().stream().skip(recordingsBefore).anyMatch(r -> r.id() == c.recordingId()))
                .toList();
        assertEquals(recordingsBefore + 1, project.recordings().size());
        assertFalse(added.isEmpty());
        assertEquals(poolBefore + added.size(), project.clips(ClipState.POOL).size());
        assertEquals("Added " + added.size() + " unlabeled clips to the pool.", robot.lookup("#record-message")
                .queryLabeled().getText());
        int length = project.sequenceLength();
        for (int i = 0; i < added.size(); i++) {
            Clip clip = added.get(i);
            assertNull(clip.label(), "footage has no label");
            assertEquals("Tester", clip.person(), "pool footage names who recorded it too");
            assertEquals(length, clip.frames());
            assertEquals(i * length, clip.startFrame(), "windows follow each other");
            assertNotNull(clip.replayVideo());
            assertTrue(Files.size(clip.replayVideo()) > 1000, "replay video " + clip.replayVideo());
            assertEquals(length, project.loadKeypoints(clip).length);
        }
        robot.clickOn("#record-play");
    }

    /** Plays a video as the camera stand-in and waits for its first frames. */
    private SourcePicker play(FxRobot robot, Path video) throws Exception {
        SourcePicker picker = ((LiveScreen) main.screens().get(0)).viewModel().picker();
        robot.interact(() -> picker.addVideo(video));
        robot.clickOn("#record-play");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> picker.fpsProperty().get() > 0);
        return picker;
    }
}

package org.gesturelab.app.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.chart.LineChart;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gesturelab.SharedData;
import org.gesturelab.app.AppContext;
import org.gesturelab.app.AppHarness;
import org.gesturelab.app.MainViewModel;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.app.train.TrainScreen;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.Project;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Labels a batch with real key presses on a project imported from real ASL keypoints (three signs), skips, undoes,
 * lets the model retrain, and finds the new history row, the learning curve point and the confusion matrix on the
 * Train screen, then replays and relabels a test clip from a matrix cell.
 */
@ExtendWith(ApplicationExtension.class)
class LabelAndTrainTest {

    private static final List<String> SIGNS = List.of("hello", "thanks", "iloveyou");

    @TempDir
    static Path folder;

    private static Path projectDir;
    private MainViewModel main;
    private FxBackgroundExecutor executor;

    @BeforeAll
    static void importProject() throws Exception {
        Path data = SharedData.require("asl6-holistic/MP_Data");
        // Three of the six signs keep the test quick: link their folders side by side.
        Path subset = Files.createDirectories(folder.resolve("subset"));
        for (String sign : SIGNS) {
            Files.createSymbolicLink(subset.resolve(sign), data.resolve(sign));
        }
        projectDir = folder.resolve("GestureLab").resolve("ASL");
        try (Project project = Project.create(projectDir, "ASL", List.of())) {
            MpDataFormat.importInto(project, subset, ClipState.POOL, TaskMonitor.SILENT);
            // Per sign: 2 labeled training clips, 4 test clips; the rest stays in the pool.
            for (int c = 0; c < SIGNS.size(); c++) {
                List<Clip> pool = project.clips(org.gesturelab.dataset.ClipQuery.inState(ClipState.POOL)
                        .withHiddenLabel(c));
                for (int i = 0; i < 6; i++) {
                    project.label(pool.get(i).id(), c, LabelSource.IMPORT);
                    if (i >= 2) {
                        project.moveTo(pool.get(i).id(), ClipState.TEST, LabelSource.IMPORT);
                    }
                }
            }
        }
    }

    @Start
    void start(Stage stage) {
        executor = new FxBackgroundExecutor(2);
        // The installed MediaPipe models, when there are any, let the Live screen find keypoints at the end.
        AppContext context = AppHarness.contextWithInstalledModels(folder, executor);
        context.settings().update(s -> s.withLastProject(projectDir.toString())
                .withPreferences(s.confidenceThreshold(), s.clipsPerTake(), s.countdownSeconds(), "entropy", 5,
                        true));
        main = AppHarness.show(stage, context, null);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(main::dispose);
        executor.shutdown();
    }

    @Test
    void labelABatchByKeyboardRetrainAndRelabelFromTheMatrix(FxRobot robot) throws Exception {
        LabelScreen labelScreen = (LabelScreen) main.screens().stream().filter(s -> s.title().equals("Label"))
                .findFirst().orElseThrow();
        LabelViewModel label = labelScreen.viewModel();
        robot.clickOn("#nav-label");
        robot.clickOn("#label-next-batch");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label.currentProperty().get() != null);
        assertEquals(5, label.queue().size());
        Project project = main.projects().get();

        // Label the first clip with its true sign, skip the second, undo the skip, then label the rest.
        robot.type(keyOf(label.currentProperty().get().clip()));
        double firstKeyMillis = label.lastKeyMillis();
        assertEquals(1, label.indexProperty().get());
        long skipped = label.currentProperty().get().clip().id();
        robot.type(KeyCode.Q);
        assertEquals(ClipState.SKIPPED, project.requireClip(skipped).state());
        robot.type(KeyCode.BACK_SPACE);
        assertEquals(skipped, label.currentProperty().get().clip().id(), () -> project.labelEvents(5).toString()
                + " queue " + label.queue().stream().map(i -> i.clip().id()).toList());
        assertEquals(ClipState.POOL, project.requireClip(skipped).state());
        assertEquals("2 of 5", robot.lookup("#label-progress").queryLabeled().getText());
        int history = project.iterations(Iteration.INTERACTIVE).size();
        while (label.currentProperty().get() != null) {
            robot.type(keyOf(label.currentProperty().get().clip()));
        }
        System.out.printf("label key to next clip: first %.1f ms, last %.1f ms%n", firstKeyMillis,
                label.lastKeyMillis());
        assertEquals(11, project.clips(ClipState.TRAIN).size());

        // The finished batch retrains in the background and records a history row.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> project.iterations(Iteration.INTERACTIVE).size() == history + 1);
        TrainScreen train = (TrainScreen) main.screens().stream().filter(s -> s.title().equals("Train"))
                .findFirst().orElseThrow();
        robot.clickOn("#nav-train");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !train.viewModel().history().isEmpty()
                && train.viewModel().assessmentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#train-history").queryTableView();
        assertEquals(history + 1, table.getItems().size());
        assertEquals(11, train.viewModel().history().get(history).labels());
        assertFalse(Double.isNaN(train.viewModel().history().get(history).macroF1()));
        LineChart<?, ?> curve = robot.lookup("#train-curve").queryAs(LineChart.class);
        assertEquals(history + 1, curve.getData().get(0).getData().size());

        // Relabel a test clip from the confusion matrix: it keeps its place in the test set.
        int truth = 0;
        int predicted = java.util.stream.IntStream.range(0, SIGNS.size())
                .filter(j -> !train.viewModel().assessmentProperty().get().cells().get(truth).get(j).isEmpty())
                .findFirst().orElseThrow();
        robot.clickOn("#train-cell-" + truth + "-" + predicted);
        assertFalse(train.viewModel().cellClips().isEmpty());
        Clip clip = train.viewModel().cellClips().get(0);
        robot.clickOn("#train-cell-clips").clickOn("clip " + clip.id() + " · " + clip.source());
        // Picking the clip replays it (imported keypoints: the skeleton alone) in the pane beside the list.
        // (Clicking into the list may select another clip first; the clip picked last is the one replayed.)
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> train.viewModel().replayedClipProperty().get() != null
                && train.viewModel().replayedClipProperty().get().id() == clip.id());
        assertEquals(clip.frames(), train.viewModel().replayProperty().get().frames().size());
        org.gesturelab.app.common.VideoView replay = robot.lookup("#train-replay")
                .queryAs(org.gesturelab.app.common.VideoView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> replay.picturesShown() >= 2);
        assertTrue(replay.isVisible() && replay.getWidth() > 0, "the replay pane is on screen");
        robot.clickOn("#train-relabel-2");
        Clip relabeled = project.requireClip(clip.id());
        assertEquals(2, relabeled.label());
        assertEquals(ClipState.TEST, relabeled.state());
        assertNotNull(robot.lookup("#train-message").queryLabeled().getText());
        assertTrue(label.lastKeyMillis() < 1000);

        // The Dataset screen lists every clip with the model's prediction; filter to the test set and move one.
        org.gesturelab.app.dataset.DatasetScreen dataset = (org.gesturelab.app.dataset.DatasetScreen) main.screens()
                .stream().filter(s -> s.title().equals("Dataset")).findFirst().orElseThrow();
        robot.clickOn("#nav-dataset");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dataset.viewModel().allRows().size() == 90
                && !dataset.viewModel().allRows().get(0).prediction().isEmpty());
        javafx.scene.control.ComboBox<String> stateFilter = robot.lookup("#dataset-state-filter").queryComboBox();
        robot.interact(() -> stateFilter.setValue("test"));
        assertEquals(12, dataset.viewModel().rows().size());
        TableView<?> clips = robot.lookup("#dataset-table").queryTableView();
        robot.interact(() -> clips.getSelectionModel().select(0));
        long moved = dataset.viewModel().rows().get(0).clip().id();
        robot.clickOn("#dataset-move-train");
        assertEquals(ClipState.TRAIN, project.requireClip(moved).state());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> dataset.viewModel().rows().size() == 11);

        // Live recognition with the model just trained, over a real video of a person.
        if (!new org.gesturelab.mediapipe.ModelInstaller().status(org.gesturelab.mediapipe.ModelDirectory.resolve(null))
                .isInstalled()) {
            return;
        }
        org.gesturelab.app.live.LiveScreen live = (org.gesturelab.app.live.LiveScreen) main.screens().get(0);
        robot.clickOn("#nav-live");
        Path video = SharedData.require("bodygesture15/videos_1m_upper/S1/dynamic_videos/greeting_1_1m_upper.avi");
        robot.interact(() -> live.viewModel().picker().addVideo(video));
        robot.clickOn("#live-play");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live.viewModel().probabilitiesProperty().get() != null);
        float[] p = live.viewModel().probabilitiesProperty().get();
        // The signs and the Nothing class the app added when it opened the project.
        assertEquals(SIGNS.size() + 1, p.length);
        assertEquals(1.0, p[0] + p[1] + p[2] + p[3], 1e-3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SIGNS.size() + 1, robot.lookup("#live-bars").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().size());
        robot.clickOn("#live-play");
    }

    private static KeyCode keyOf(Clip clip) {
        return KeyCode.getKeyCode(Integer.toString(clip.hiddenLabel() + 1));
    }
}

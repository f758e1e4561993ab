package org.gesturelab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.gesturelab.SharedData;
import org.gesturelab.active.Uncertainty;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.app.label.LabelItem;
import org.gesturelab.app.label.LabelScreen;
import org.gesturelab.app.label.LabelViewModel;
import org.gesturelab.app.live.LiveScreen;
import org.gesturelab.app.live.LiveViewModel;
import org.gesturelab.classify.ModelCard;
import org.gesturelab.classify.ModelKind;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.cli.GestureLabCommand;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.JointsFormat;
import org.gesturelab.dataset.LabelSource;
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
 * A project whose model is a random forest, trained with {@code gesturelab train --arch random-forest} on
 * bodygesture15's pose landmarks of seven people (left and right pointing; every other gesture as Nothing): Live
 * recognizes the eighth person pointing left in a real video, and the Label screen ranks the pool by the forest's
 * uncertainty (and says BALD falls back to entropy).
 */
@ExtendWith(ApplicationExtension.class)
class RandomForestProjectTest {

    private static final Set<String> NOTHING = Set.of("attention", "stop", "yes", "shrug", "random", "static",
            "greeting", "continue", "turnback", "no", "slowdown", "come", "back");

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
    void aRandomForestDrivesLiveAndTheLabelScreen(FxRobot robot) throws Exception {
        InstalledModels.require();
        Path joints = SharedData.require("bodygesture15/joints");
        Path video = SharedData.require("bodygesture15/videos_1m_upper/S8/videos/left_1_1m_upper.avi");
        Path dir = folder.resolve("pointing");
        try (Project project = Project.create(dir, "pointing", List.of())) {
            JointsFormat.importInto(project, joints, new JointsFormat.Options(Set.of("S8"), Set.of(), NOTHING),
                    TaskMonitor.SILENT);
        }
        assertEquals(0, GestureLabCommand.newCommandLine().execute("train", dir.toString(), "--arch",
                "random-forest"));
        assertEquals("random-forest", ModelCard.read(ModelStore.current(dir).orElseThrow()).architecture());
        // The eighth person's clips become the pool the Label screen asks about.
        try (Project project = Project.open(dir)) {
            for (Clip clip : project.clips(ClipState.TEST)) {
                project.moveTo(clip.id(), ClipState.POOL, LabelSource.IMPORT);
            }
        }
        robot.interact(() -> {
            try {
                main.projects().open(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        // Live: the forest names the gesture in a video of a person it never saw.
        LiveViewModel live = ((LiveScreen) main.screens().get(0)).viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> live.calmProperty().get());
        List<String> shown = new ArrayList<>();
        AtomicReference<String> recognized = new AtomicReference<>("");
        AtomicInteger predictions = new AtomicInteger();
        live.topGestureProperty().addListener((obs, old, now) -> {
            shown.add(now);
            if ("left".equals(now)) {
                recognized.set(now);
            }
        });
        live.probabilitiesProperty().addListener((obs, old, now) -> predictions.incrementAndGet());
        robot.interact(() -> live.picker().addVideo(video));
        robot.clickOn("#live-play");
        WaitForAsyncUtils.waitFor(150, TimeUnit.SECONDS, () -> !recognized.get().isEmpty() || predictions.get() > 90);
        robot.clickOn("#live-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("left", recognized.get(), "gestures shown: " + shown + " after " + predictions.get()
                + " predictions");

        // Label: the next batch is the pool clips the forest is least sure of, by entropy of its probabilities.
        LabelViewModel label = ((LabelScreen) main.screens().stream().filter(s -> s.title().equals("Label"))
                .findFirst().orElseThrow()).viewModel();
        robot.clickOn("#nav-label");
        robot.interact(() -> {
            label.strategyProperty().set("entropy");
            label.batchSizeProperty().set(5);
        });
        robot.clickOn("#label-next-batch");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label.currentProperty().get() != null);
        List<LabelItem> batch = List.copyOf(label.queue());
        assertEquals(5, batch.size());
        double previous = Double.POSITIVE_INFINITY;
        for (LabelItem item : batch) {
            assertNotNull(item.probabilities(), "the forest's probabilities are shown");
            assertEquals("entropy", item.ranked().why().measure());
            double entropy = Uncertainty.entropy(new float[][] {item.probabilities()})[0];
            assertEquals(entropy, item.ranked().score(), 1e-6, "ranked by the entropy of the forest's probabilities");
            assertTrue(entropy <= previous + 1e-9, "most uncertain first");
            previous = entropy;
        }
        assertTrue(batch.get(0).ranked().score() > 0, "the forest is unsure of some pool clip");

        // BALD needs dropout, which a forest has not: the batch is ranked by entropy, and the screen says so.
        robot.interact(() -> label.strategyProperty().set("bald"));
        robot.clickOn("#label-next-batch");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> label.messageProperty().get().contains("BALD"));
        assertTrue(label.messageProperty().get().contains("entropy"), label.messageProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#label-message").queryLabeled().getText().contains("BALD needs Monte Carlo dropout"),
                robot.lookup("#label-message").queryLabeled().getText());

        // The Train screen offers every model and starts at the project's own.
        robot.clickOn("#nav-train");
        @SuppressWarnings("unchecked")
        ComboBox<ModelKind> model = robot.lookup("#train-model").queryAs(ComboBox.class);
        assertEquals("random-forest", model.getValue().id());
        assertEquals(ModelKind.all(), model.getItems());
    }
}

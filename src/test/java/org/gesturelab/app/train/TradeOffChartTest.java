package org.gesturelab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.gesturelab.app.AppContext;
import org.gesturelab.app.AppHarness;
import org.gesturelab.app.MainViewModel;
import org.gesturelab.app.SpottingProjects;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.spotting.Calibration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train screen's trade-off chart: after Calibrate it shows false activations per hour against recall, and
 * clicking another point stores that point's thresholds beside the model, where Live reads them.
 */
@ExtendWith(ApplicationExtension.class)
class TradeOffChartTest {

    @TempDir
    static Path folder;

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

    /**
     * A point other than the chosen one whose centre no symbol drawn after it covers (symbols are drawn in order,
     * later ones on top), so that a click there reaches it; the last such point, which tends to lie apart.
     */
    private static int pickable(FxRobot robot, List<Calibration.CurvePoint> points, Calibration.CurvePoint chosen) {
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).equals(chosen)) {
                continue;
            }
            Node symbol = robot.lookup("#train-tradeoff-point-" + i).query();
            javafx.geometry.Bounds bounds = symbol.localToScreen(symbol.getBoundsInLocal());
            boolean covered = false;
            for (int k = i + 1; k < points.size(); k++) {
                Node other = robot.lookup("#train-tradeoff-point-" + k).query();
                covered |= other.localToScreen(other.getBoundsInLocal()).contains(bounds.getCenterX(),
                        bounds.getCenterY());
            }
            if (!covered) {
                return i;
            }
        }
        throw new AssertionError("no point can be clicked: " + points);
    }

    @Test
    void theChartAppearsAfterCalibrationAndAClickPicksThresholds(FxRobot robot) throws Exception {
        Path dir = SpottingProjects.bodygesture(folder.resolve("tradeoff"), 10);
        SpottingProjects.open(robot, main, dir);
        TrainScreen train = (TrainScreen) main.screens().stream().filter(s -> s.title().equals("Train"))
                .findFirst().orElseThrow();
        TrainViewModel viewModel = train.viewModel();
        robot.clickOn("#nav-train");
        WaitForAsyncUtils.waitForFxEvents();
        Node chart = robot.lookup("#train-tradeoff").query();
        assertFalse(chart.getParent().isVisible(), "no chart before calibration");
        Path model = ModelStore.current(dir).orElseThrow();
        assertTrue(SpottingSettings.read(model).isEmpty());

        robot.clickOn("#train-calibrate");
        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> viewModel.calibrationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.getParent().isVisible(), "the chart shows after calibration");
        Calibration calibration = viewModel.calibrationProperty().get();
        LineChart<?, ?> lines = robot.lookup("#train-tradeoff").queryAs(LineChart.class);
        List<Calibration.CurvePoint> frontier = calibration.tradeOff();
        assertEquals(frontier.size(), lines.getData().get(0).getData().size());
        assertTrue(frontier.size() >= 2, "a curve needs two points: " + calibration.curve());
        Map<String, Double> stored = SpottingSettings.read(model).orElseThrow().thresholds();
        assertEquals(calibration.settings().thresholds(), stored);

        // A point other than the one calibration chose, where a click reaches it.
        int pick = pickable(robot, frontier, calibration.curve().get(calibration.curve().size() - 1));
        Calibration.CurvePoint first = frontier.get(pick);
        assertNotEquals(first.thresholds(), stored);
        robot.clickOn("#train-tradeoff-point-" + pick);
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> first.equals(viewModel.chosenPointProperty().get()));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("not picked: " + viewModel.messageProperty().get() + " " + pick + " "
                    + first + " chosen " + viewModel.chosenPointProperty().get() + " calibration "
                    + (viewModel.calibrationProperty().get() != null), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        SpottingSettings picked = SpottingSettings.read(model).orElseThrow();
        assertEquals(first.thresholds(), picked.thresholds());
        assertEquals(first.faPerHour(), picked.calibration().faPerHour(), 1e-9);
        assertEquals(calibration.settings().window(), picked.window());
        assertTrue(robot.lookup("#train-tradeoff-point-" + pick).query().getStyleClass()
                .contains(TradeOffChart.CHOSEN));
        assertTrue(robot.lookup("#train-message").queryLabeled().getText().contains("Live uses them"));

        // Another model makes the curve stale: it goes.
        robot.interact(() -> main.projects().modelChanged());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(calibration, viewModel.calibrationProperty().get(), "same model, same curve");
        try (Project project = Project.openReadOnly(dir);
                SequenceClassifier classifier = ClassifierTrainer.train(project.labeledClips(ClipState.TRAIN),
                        TrainingConfig.defaults().withMaxEpochs(1), null, TaskMonitor.SILENT)) {
            ModelStore.saveAsCurrent(dir, classifier);
        }
        robot.interact(() -> main.projects().modelChanged());
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(viewModel.calibrationProperty().get());
    }
}

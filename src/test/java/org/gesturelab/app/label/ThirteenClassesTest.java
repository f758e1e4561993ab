package org.gesturelab.app.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.gesturelab.app.AppHarness;
import org.gesturelab.app.MainViewModel;
import org.gesturelab.app.TestClips;
import org.gesturelab.app.common.CurrentThreadExecutor;
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
 * Labels on a project with thirteen gestures: every gesture has a key (digits, then letters), a click on a gesture
 * in the legend or in the model's bars labels too, the position follows the arrow keys, the batch list keeps its
 * height, and a pool clip's source (whose folder names its hidden class) is not shown.
 */
@ExtendWith(ApplicationExtension.class)
class ThirteenClassesTest {

    private static final List<String> GESTURES = List.of("hello", "thanks", "iloveyou", "please", "goodbye",
            "yes", "no", "sorry", "welcome", "friend", "family", "understand", "repeat");

    @TempDir
    Path folder;

    private MainViewModel main;
    private Stage stage;
    private Project project;

    @Start
    void start(Stage primary) throws Exception {
        stage = primary;
        var context = AppHarness.context(folder, new CurrentThreadExecutor());
        context.settings().update(s -> s.withPreferences(s.confidenceThreshold(), s.clipsPerTake(),
                s.countdownSeconds(), "entropy", 5, false));
        main = AppHarness.show(primary, context, null);
        main.projects().create(folder.resolve("Signs"), "Signs");
        project = main.projects().get();
        GESTURES.forEach(project::addClass);
        Random random = new Random(5);
        for (int i = 0; i < 8; i++) {
            project.addClip(NewClip.unlabeled(TestClips.random(random), "MP_Data1/no/" + i));
        }
        main.projects().changed();
        main.selectedProperty().set(main.screens().get(2));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> stage.close());
    }

    @Test
    void everyGestureHasAKeyAndClicksLabelToo(FxRobot robot) {
        assertEquals("c", project.classes().get(12).shortcut(), "the 13th gesture's key");
        assertEquals("a", project.classes().get(10).shortcut());
        assertTrue(robot.lookup("#label-class-12").tryQuery().isPresent(), "the legend lists the 13th gesture");

        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(5, main.screens().get(2) instanceof LabelScreen l ? l.viewModel().queue().size() : -1);
        LabelViewModel label = ((LabelScreen) main.screens().get(2)).viewModel();
        long first = label.currentProperty().get().clip().id();
        Label progress = robot.lookup("#label-progress").queryAs(Label.class);
        assertEquals("1 of 5", progress.getText());

        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, project.requireClip(first).label(), "key C labels 'repeat'");
        assertEquals("2 of 5", progress.getText());

        long second = label.currentProperty().get().clip().id();
        robot.clickOn("#label-class-11");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, project.requireClip(second).label(), "a click in the legend labels 'understand'");

        long third = label.currentProperty().get().clip().id();
        // Without a model the bars keep the classes' order (ProbabilityBarsTest checks the likeliest-first order).
        robot.interact(() -> robot.lookup("#label-bars-scroll").queryAs(javafx.scene.control.ScrollPane.class)
                .setVvalue(0));
        robot.clickOn("#probability-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, project.requireClip(third).label(), "a click on a bar labels 'thanks'");
        assertEquals("4 of 5", progress.getText());

        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 of 5", progress.getText(), "the position follows ←");

        ListView<?> queue = robot.lookup("#label-queue").queryAs(ListView.class);
        assertTrue(queue.getHeight() >= LabelView.QUEUE_MIN_HEIGHT,
                "the batch list keeps its height: " + queue.getHeight());
        String shown = robot.lookup("#label-screen").queryAll().stream()
                .flatMap(n -> robot.from(n).lookup(".label").queryAllAs(Label.class).stream())
                .map(Label::getText).filter(t -> t != null && t.contains("MP_Data1")).findFirst().orElse("");
        assertFalse(shown.contains("/no/"), "the pool clip's folder gives its class away: " + shown);
        String why = robot.lookup("#label-why").queryAs(Label.class).getText();
        assertFalse(why.matches(".*\\d\\.\\d{3}.*"), "the reason is in words, not a score: " + why);
    }

    @Test
    void aGestureWithoutAKeyIsStillListedAndLabeledByAClick(FxRobot robot) {
        robot.interact(() -> {
            project.setShortcut(12, null);
            main.projects().changed();
        });
        LabelViewModel label = ((LabelScreen) main.screens().get(2)).viewModel();
        robot.interact(label::nextBatch);
        WaitForAsyncUtils.waitForFxEvents();
        long first = label.currentProperty().get().clip().id();
        robot.clickOn("#label-class-12");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, project.requireClip(first).label());
    }
}

package org.gesturelab.app.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import org.gesturelab.app.AppHarness;
import org.gesturelab.app.MainViewModel;
import org.gesturelab.app.TestClips;
import org.gesturelab.app.common.CurrentThreadExecutor;
import org.gesturelab.dataset.ClipQuery;
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

/** The Dataset screen shows the held-out test clips and holds out more with the same use case as the CLI. */
@ExtendWith(ApplicationExtension.class)
class TestSplitScreenTest {

    @TempDir
    Path folder;

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
    void theSplitButtonHoldsOutTheChosenShareOfEachGestureAndShowsIt(FxRobot robot) {
        Project project = main.projects().get();
        Random random = new Random(5);
        robot.interact(() -> {
            int wave = project.addClass("wave");
            int point = project.addClass("point");
            for (int i = 0; i < 10; i++) {
                project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TRAIN, wave, "wave " + i));
                project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TRAIN, point, "point " + i));
                project.addClip(NewClip.unlabeled(TestClips.random(random), "footage " + i));
            }
            main.projects().changed();
        });
        robot.clickOn("#nav-dataset");
        // The search field's hint is whole: it says what can be searched.
        javafx.scene.control.TextField search = robot.lookup("#dataset-search")
                .queryAs(javafx.scene.control.TextField.class);
        javafx.scene.text.Text prompt = new javafx.scene.text.Text(search.getPromptText());
        prompt.setFont(search.getFont());
        assertTrue(prompt.getLayoutBounds().getWidth() <= search.getWidth() - search.getPadding().getLeft()
                - search.getPadding().getRight(), "the prompt is cut at " + search.getWidth() + " px");
        Label summary = robot.lookup("#dataset-test-summary").queryAs(Label.class);
        assertEquals("Test: 0 clips (20 % held out per class)", summary.getText());

        Spinner<?> share = robot.lookup("#dataset-test-share").queryAs(Spinner.class);
        robot.doubleClickOn(share.getEditor()).write("30");
        robot.clickOn("#dataset-split");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(3, project.count(ClipQuery.inState(ClipState.TEST).withLabel(project.classIndex("wave"))));
        assertEquals(3, project.count(ClipQuery.inState(ClipState.TEST).withLabel(project.classIndex("point"))));
        assertEquals(10, project.count(ClipQuery.inState(ClipState.POOL)), "never from the pool");
        assertEquals(0.3, project.settings().testShareOrDefault(), 1e-9, "the share is the project's now");
        assertEquals("Test: 6 clips (30 % held out per class)", summary.getText());
        String message = robot.lookup("#dataset-message").queryLabeled().getText();
        assertTrue(message.startsWith("Moved 6 training clips to the test clips"), message);

        // Clips labeled later follow the project's share: the 2nd clip of a new gesture at 30 % is held out.
        robot.interact(() -> {
            int come = project.addClass("come");
            project.addClip(NewClip.labeled(TestClips.random(random), ClipState.TRAIN, come, "come 0"));
            long next = project.clips(ClipQuery.inState(ClipState.POOL)).get(0).id();
            org.gesturelab.workflow.TestHoldOut.label(project, next, come,
                    org.gesturelab.dataset.LabelSource.USER);
            main.projects().changed();
        });
        assertEquals(1, project.count(ClipQuery.inState(ClipState.TEST).withLabel(project.classIndex("come"))));
        assertEquals("Test: 7 clips (30 % held out per class)", summary.getText());
    }
}

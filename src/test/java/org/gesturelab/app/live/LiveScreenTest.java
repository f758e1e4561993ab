package org.gesturelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.gesturelab.app.AppHarness;
import org.gesturelab.app.MainViewModel;
import org.gesturelab.app.TestVideos;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.app.common.VideoView;
import org.gesturelab.app.common.SettingsStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LiveScreenTest {

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

    @Test
    void aVideoFilePlaysWithFrameRateShown(FxRobot robot) throws Exception {
        Path video = TestVideos.movingSquare(folder.resolve("square.mp4"), 45, 320, 240);
        LiveScreen live = (LiveScreen) main.screens().get(0);
        SourcePicker picker = live.viewModel().picker();
        // No camera on the build machine: the banner offers a video file instead.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> picker.camerasListedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        if (picker.noCameraProperty().get()) {
            assertTrue(robot.lookup("#live-banner").query().isVisible());
        }

        // The file chooser is native; add the file the way it would, then pick it in the real combo box.
        robot.interact(() -> picker.addVideo(video));
        ComboBox<SourceChoice> combo = robot.lookup("#live-source").queryComboBox();
        assertTrue(combo.getItems().stream().anyMatch(c -> c.kind() == SourceChoice.Kind.VIDEO));
        robot.clickOn(combo).clickOn("Video: square.mp4");
        robot.clickOn("#live-play");
        VideoView view = robot.lookup("#live-video").queryAs(VideoView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.picturesShown() > 10);
        assertEquals(320, (int) view.image().getWidth());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#live-metric-fps").queryAs(Label.class).getText().equals("0"));
        assertFalse(robot.lookup("#live-banner").query().isVisible());

        // The picture really is the video: the moving square's colour is somewhere in the middle row.
        boolean found = false;
        var reader = view.image().getPixelReader();
        for (int x = 0; x < 320 && !found; x++) {
            var color = reader.getColor(x, 240 / 3 + 20);
            found = color.getRed() > 0.8 && color.getGreen() > 0.6 && color.getBlue() < 0.4;
        }
        assertTrue(found, "the square's colour was not in the picture");

        robot.clickOn("#live-play");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(picker.playingProperty().get());
        assertEquals("▶  Start", robot.lookup("#live-play").queryAs(Button.class).getText());

        // Overlay switches are remembered.
        robot.clickOn("#live-show-face");
        assertFalse(robot.lookup("#live-show-face").queryAs(CheckBox.class).isSelected());
        assertFalse(new SettingsStore(folder.resolve("settings.json")).get().showFace());
        assertNotNull(robot.lookup("#nav-live").query());
    }

    @Test
    void aFileThatIsNotAVideoIsSaidInPlainWordsWithTheDetailFoldedAway(FxRobot robot) throws Exception {
        Path notVideo = java.nio.file.Files.writeString(folder.resolve("notes.mp4"), "these are notes, not a video");
        SourcePicker picker = ((LiveScreen) main.screens().get(0)).viewModel().picker();
        robot.interact(() -> {
            picker.addVideo(notVideo);
            picker.play();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> picker.errorProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String message = robot.lookup("#live-banner-message").queryAs(Label.class).getText();
        assertEquals("This file is not a video GestureLab can read: notes.mp4. Try another file, or convert it to "
                + "MP4 (H.264).", message);
        Label detail = robot.lookup("#live-banner-detail").queryAs(Label.class);
        assertFalse(detail.isVisible(), "the detail is folded away");
        robot.clickOn("#live-banner-details");
        assertTrue(detail.isVisible());
        assertFalse(detail.getText().isBlank(), "the reader's own words are there for who asks");
    }
}

package org.gesturelab.app.common;

import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * The replay pane shared by the Label, Dataset and Train screens: a dark {@link VideoView} that loops a
 * {@link ClipPictures} with a {@link ClipPlayer}, with optional hints layered on top.
 */
public final class ReplayPane extends StackPane {

    private final VideoView video = new VideoView();
    private final ClipPlayer player = new ClipPlayer(video);

    /**
     * Creates the pane.
     *
     * @param videoId the video view's node id, for tests and screenshots
     * @param overlays nodes drawn over the video (hints shown while nothing plays)
     */
    public ReplayPane(String videoId, Node... overlays) {
        video.setId(videoId);
        getChildren().add(video);
        getChildren().addAll(overlays);
        getStyleClass().add(Styles.VIDEO_PANE);
    }

    /**
     * Starts looping a clip, or clears the pane for null.
     *
     * @param pictures the clip, or null
     */
    public void play(ClipPictures pictures) {
        player.play(pictures);
    }

    /** Stops looping (the screen was left). */
    public void stop() {
        player.stop();
    }

    /** Returns the video view. */
    public VideoView video() {
        return video;
    }
}

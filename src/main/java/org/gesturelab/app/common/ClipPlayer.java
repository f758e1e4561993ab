package org.gesturelab.app.common;

import javafx.animation.AnimationTimer;

/**
 * Loops a {@link ClipPictures} in a {@link VideoView} at the clip's rate. Switching clips shows the new clip's first
 * picture at the next pulse: the pictures are rendered ahead of time.
 */
public final class ClipPlayer {

    private final VideoView view;
    private final AnimationTimer timer;
    private ClipPictures clip;
    private long startNanos;
    private int shownIndex = -1;

    /**
     * Creates a player drawing into a view.
     *
     * @param view the view
     */
    public ClipPlayer(VideoView view) {
        this.view = view;
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                step(now);
            }
        };
    }

    /**
     * Starts looping a clip, or clears the view for null.
     *
     * @param pictures the clip, or null
     */
    public void play(ClipPictures pictures) {
        clip = pictures;
        shownIndex = -1;
        if (pictures == null || pictures.frames().isEmpty()) {
            timer.stop();
            view.clear();
            return;
        }
        startNanos = System.nanoTime();
        // Hand over the first picture at once; the timer keeps it moving.
        step(startNanos);
        timer.start();
    }

    /** Stops looping. */
    public void stop() {
        timer.stop();
    }

    private void step(long now) {
        ClipPictures current = clip;
        if (current == null) {
            return;
        }
        int index = (int) (((now - startNanos) / 1e9 * current.fps()) % current.frames().size());
        if (index != shownIndex) {
            shownIndex = index;
            view.publish(current.width(), current.height(), current.frames().get(index));
        }
    }
}

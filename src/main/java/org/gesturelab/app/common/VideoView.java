package org.gesturelab.app.common;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * Shows video produced on another thread. Any thread calls {@link #publish} with packed BGR pixels; the newest picture
 * wins, and once per JavaFX pulse the view copies it into a {@link WritableImage} with one bulk
 * {@code PixelWriter.setPixels} call. A slow screen therefore drops pictures instead of queueing them, and the
 * JavaFX thread never waits for decoding or inference.
 *
 * <p>Three pixel buffers rotate between the producer and the screen, so steady playback allocates nothing.
 */
public final class VideoView extends Region {

    private static final PixelFormat<ByteBuffer> BGRA = PixelFormat.getByteBgraPreInstance();

    /** A picture ready to show. */
    private record Picture(int width, int height, byte[] bgra) {
    }

    private final ImageView imageView = new ImageView();
    private final AtomicReference<Picture> newest = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Picture> free = new ConcurrentLinkedQueue<>();
    private final AtomicLong shown = new AtomicLong();
    private final AnimationTimer timer;
    private WritableImage image;

    /** Creates an empty view; it starts drawing once it is part of a scene. */
    public VideoView() {
        getStyleClass().add(Styles.VIDEO_PANE);
        imageView.setPreserveRatio(true);
        imageView.setSmooth(true);
        getChildren().add(imageView);
        timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                drawNewest();
            }
        };
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                timer.start();
            } else {
                timer.stop();
            }
        });
    }

    /**
     * Offers a picture; safe from any thread. The pixels are copied (and converted) before it returns, so the caller
     * may reuse its buffer.
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @param bgr {@code width * height * 3} bytes, blue-green-red
     */
    public void publish(int width, int height, byte[] bgr) {
        Picture picture = free.poll();
        if (picture == null || picture.width() != width || picture.height() != height) {
            picture = new Picture(width, height, new byte[width * height * 4]);
        }
        byte[] out = picture.bgra();
        int pixels = width * height;
        for (int i = 0, j = 0; i < pixels * 3; i += 3, j += 4) {
            out[j] = bgr[i];
            out[j + 1] = bgr[i + 1];
            out[j + 2] = bgr[i + 2];
            out[j + 3] = (byte) 0xff;
        }
        Picture replaced = newest.getAndSet(picture);
        if (replaced != null) {
            free.offer(replaced);
        }
    }

    /** Removes the picture, leaving the dark background. */
    public void clear() {
        newest.set(null);
        image = null;
        imageView.setImage(null);
    }

    /**
     * Returns the hint laid over a video pane while nothing plays, so an empty pane says what to do instead of
     * looking broken. Live and Record show the same words.
     *
     * @param id the label's id
     * @param playing whether a source is playing; the hint hides while it is
     * @return a new label for the pane's stack
     */
    public static Label idleHint(String id, ObservableBooleanValue playing) {
        Label hint = new Label("Choose a source and press Start");
        hint.setId(id);
        hint.getStyleClass().add(Styles.MUTED);
        hint.visibleProperty().bind(Bindings.not(playing));
        return hint;
    }

    /** Returns how many pictures reached the screen so far. */
    public long picturesShown() {
        return shown.get();
    }

    /** Returns the image shown, or null. */
    public WritableImage image() {
        return image;
    }

    /** Draws the newest picture now, if there is one; the animation timer calls it every pulse. */
    void drawNewest() {
        Picture picture = newest.getAndSet(null);
        if (picture == null) {
            return;
        }
        if (image == null || (int) image.getWidth() != picture.width()
                || (int) image.getHeight() != picture.height()) {
            image = new WritableImage(picture.width(), picture.height());
            imageView.setImage(image);
            requestLayout();
        }
        image.getPixelWriter().setPixels(0, 0, picture.width(), picture.height(), BGRA, picture.bgra(), 0,
                picture.width() * 4);
        free.offer(picture);
        shown.incrementAndGet();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        imageView.setFitWidth(Math.max(1, width));
        imageView.setFitHeight(Math.max(1, height));
        double shownWidth = imageView.getLayoutBounds().getWidth();
        double shownHeight = imageView.getLayoutBounds().getHeight();
        imageView.relocate(snappedLeftInset() + (width - shownWidth) / 2,
                snappedTopInset() + (height - shownHeight) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 480;
    }
}

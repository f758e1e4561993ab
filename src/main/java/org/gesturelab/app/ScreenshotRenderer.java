package org.gesturelab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;

import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.gesturelab.app.common.Screen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every screen of the main window to a PNG ({@code live.png}, {@code record.png}, ...), for the README.
 * Run it with {@code java -Dgesturelab.screenshots=docs/screenshots -jar target/gesturelab.jar} (add
 * {@code -Dgesturelab.screenshots.video=FILE} to play a video on Live and Record): the window opens, each screen is
 * shown for a moment so video and background work can settle, drawn with {@link Scene#snapshot}, and the app exits.
 */
public final class ScreenshotRenderer {

    /** The system property naming the output folder. */
    public static final String PROPERTY = "gesturelab.screenshots";

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotRenderer.class);
    private static final Duration SETTLE = Duration.seconds(2.5);
    private static final Duration PREPARED_SETTLE = Duration.seconds(
            Double.parseDouble(System.getProperty("gesturelab.screenshots.settle", "10")));

    private ScreenshotRenderer() {
    }

    /**
     * Draws the scene as it is now to a PNG.
     *
     * @param scene the scene
     * @param file the PNG to write
     * @throws IOException if it cannot be written
     */
    public static void write(Scene scene, Path file) throws IOException {
        WritableImage image = scene.snapshot(null);
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    /**
     * Returns the file name a screen's screenshot gets.
     *
     * @param screen the screen
     * @return for example {@code live.png}
     */
    public static String fileName(Screen screen) {
        return screen.title().toLowerCase(Locale.ROOT).replace(' ', '-') + ".png";
    }

    /**
     * Shows each screen in turn, lets it settle, and writes its PNG; then runs {@code done}.
     *
     * @param scene the main window's scene
     * @param viewModel the main window's state
     * @param folder where the PNGs go
     * @param done what to do afterwards, on the JavaFX thread
     */
    public static void renderAll(Scene scene, MainViewModel viewModel, Path folder, Runnable done) {
        renderAll(scene, viewModel, folder, Map.of(), done);
    }

    /**
     * Shows each screen in turn, runs its preparation (start a video, query a batch), lets it settle, and writes its
     * PNG; then runs {@code done}.
     *
     * @param scene the main window's scene
     * @param viewModel the main window's state
     * @param folder where the PNGs go
     * @param prepare per screen title, what to do once it is shown; such screens get longer to settle
     * @param done what to do afterwards, on the JavaFX thread
     */
    public static void renderAll(Scene scene, MainViewModel viewModel, Path folder, Map<String, Runnable> prepare,
            Runnable done) {
        Deque<Screen> remaining = new ArrayDeque<>(viewModel.screens());
        next(scene, viewModel, folder, prepare, remaining, done);
    }

    private static void next(Scene scene, MainViewModel viewModel, Path folder, Map<String, Runnable> prepare,
            Deque<Screen> remaining, Runnable done) {
        Screen screen = remaining.poll();
        if (screen == null) {
            done.run();
            return;
        }
        viewModel.selectedProperty().set(screen);
        Runnable preparation = prepare.get(screen.title());
        if (preparation != null) {
            preparation.run();
        }
        PauseTransition settle = new PauseTransition(preparation == null ? SETTLE : PREPARED_SETTLE);
        settle.setOnFinished(event -> {
            Path file = folder.resolve(fileName(screen));
            try {
                write(scene, file);
                LOG.info("Wrote {}", file);
            } catch (IOException e) {
                LOG.error("Could not write {}: {}", file, e.toString());
            }
            next(scene, viewModel, folder, prepare, remaining, done);
        });
        settle.play();
    }
}

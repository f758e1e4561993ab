package org.gesturelab.app;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.mediapipe.ModelDirectory;

/** Builds the real main window for TestFX tests, with settings, projects and models inside a temporary folder. */
public final class AppHarness {

    private AppHarness() {
    }

    /**
     * Builds a context inside a folder.
     *
     * @param folder a temporary folder
     * @param executor the background executor
     * @return the context
     */
    public static AppContext context(Path folder, BackgroundExecutor executor) {
        SettingsStore settings = new SettingsStore(folder.resolve("settings.json"));
        // Monocle's headless screen is 1280x800: keep the window inside it.
        settings.update(s -> s.windowWidth() > 1200 ? s.withWindow(1200, 740, false) : s);
        // A user who has already said who records: the Record screen's one-time question is tested on its own.
        settings.update(s -> s.recordingPerson() == null ? s.withRecordingPerson("Tester") : s);
        return new AppContext(settings, executor,
                folder.resolve("GestureLab"), folder.resolve("models"));
    }

    /**
     * Builds a context inside a folder that finds keypoints with the installed MediaPipe models, for tests that play
     * video through them.
     *
     * @param folder a temporary folder
     * @param executor the background executor
     * @return the context
     */
    public static AppContext contextWithInstalledModels(Path folder, BackgroundExecutor executor) {
        AppContext base = context(folder, executor);
        return new AppContext(base.settings(), executor, base.projectsHome(), ModelDirectory.resolve(null));
    }

    /**
     * Shows the main window on a stage.
     *
     * @param stage the TestFX stage
     * @param context the context
     * @param screens builds the screens from the main view model; null for the app's own
     * @return the main view model
     */
    public static MainViewModel show(Stage stage, AppContext context, Function<MainViewModel, List<Screen>> screens) {
        MainViewModel viewModel = new MainViewModel(context);
        List<Screen> built = screens == null ? GestureLabApp.buildScreens(viewModel) : screens.apply(viewModel);
        Scene scene = GestureLabApp.createScene(stage, viewModel, built);
        stage.setScene(scene);
        stage.show();
        return viewModel;
    }
}

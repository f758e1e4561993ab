package org.gesturelab.app;

import java.nio.file.Path;

import org.gesturelab.app.common.BackgroundExecutor;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.mediapipe.ModelDirectory;

/**
 * What the screens share, handed to each view model by its constructor (no static injector): the settings, the
 * background executor, where new projects go and where the MediaPipe models live.
 *
 * @param settings the remembered settings
 * @param executor runs long work off the JavaFX thread
 * @param projectsHome the folder new projects are created in ({@code ~/GestureLab})
 * @param modelDirectory the installed MediaPipe models
 */
public record AppContext(SettingsStore settings, BackgroundExecutor executor, Path projectsHome,
        Path modelDirectory) {

    /** The system property that overrides {@link #projectsHome}. */
    public static final String PROJECTS_HOME_PROPERTY = "gesturelab.home";

    /** The name of the project created on the first start. */
    public static final String DEFAULT_PROJECT_NAME = "My gestures";

    /**
     * Builds the production context.
     *
     * @param executor the background executor
     * @return the context
     */
    public static AppContext standard(BackgroundExecutor executor) {
        String home = System.getProperty(PROJECTS_HOME_PROPERTY);
        Path projects = home != null && !home.isBlank() ? Path.of(home)
                : Path.of(System.getProperty("user.home"), "GestureLab");
        return new AppContext(SettingsStore.atDefaultLocation(), executor, projects, ModelDirectory.resolve(null));
    }

    /** Returns the folder of the project created on the first start. */
    public Path defaultProjectFolder() {
        return projectsHome.resolve(DEFAULT_PROJECT_NAME);
    }
}

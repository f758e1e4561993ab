package org.gesturelab.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.gesturelab.workflow.KeypointEngine;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.Shortcut;
import org.gesturelab.app.common.Styles;
import org.gesturelab.app.dataset.DatasetScreen;
import org.gesturelab.app.dataset.DatasetViewModel;
import org.gesturelab.app.label.LabelScreen;
import org.gesturelab.app.label.LabelViewModel;
import org.gesturelab.app.live.LiveFeed;
import org.gesturelab.app.live.LiveScreen;
import org.gesturelab.app.live.LiveViewModel;
import org.gesturelab.app.live.SourcePicker;
import org.gesturelab.app.record.RecordScreen;
import org.gesturelab.app.record.RecordViewModel;
import org.gesturelab.app.settings.SettingsDialog;
import org.gesturelab.app.setup.ModelSetupDialog;
import org.gesturelab.app.train.TrainScreen;
import org.gesturelab.app.train.TrainViewModel;
import org.gesturelab.app.setup.ModelSetupViewModel;
import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.mediapipe.ModelInstaller;

/**
 * The JavaFX application: builds the context, the screens and the main window, and remembers the window's size.
 * Started through {@link DesktopLauncher}.
 *
 * <p>With the system property {@value ScreenshotRenderer#PROPERTY} set to a folder, it renders every screen to a
 * PNG there and exits (used for the README's screenshots).
 */
public final class GestureLabApp extends Application {

    /** Room left for the window's title bar and frame when the window is fitted to the screen. */
    private static final double TITLE_BAR_HEIGHT = 40;
    private static final double WINDOW_MARGIN = 16;

    private MainViewModel viewModel;
    private FxBackgroundExecutor executor;

    @Override
    public void start(Stage stage) {
        executor = new FxBackgroundExecutor(2);
        AppContext context = AppContext.standard(executor);
        viewModel = new MainViewModel(context);
        Scene scene = createScene(stage, viewModel, buildScreens(viewModel));
        stage.setScene(scene);
        stage.show();

        String screenshots = System.getProperty(ScreenshotRenderer.PROPERTY);
        if (screenshots != null && !screenshots.isBlank()) {
            ScreenshotRenderer.renderAll(scene, viewModel, Path.of(screenshots), demoPreparations(viewModel),
                    Platform::exit);
        } else {
            offerModelSetup(stage, context);
        }
    }

    /**
     * Checks the models in the background and, when they are missing or damaged, opens the setup dialog.
     *
     * @param stage the main window
     * @param context the shared context
     */
    static void offerModelSetup(Stage stage, AppContext context) {
        ModelSetupViewModel setup = new ModelSetupViewModel(new ModelInstaller(), context.modelDirectory(),
                context.executor());
        setup.phaseProperty().addListener((obs, old, now) -> {
            if (now == ModelSetupViewModel.Phase.NEEDED && old == ModelSetupViewModel.Phase.CHECKING) {
                new ModelSetupDialog(stage, setup).show();
            }
        });
        setup.check();
    }

    /**
     * Builds the screens of the main window. Only screens whose backend exists are offered: the app never shows a
     * placeholder.
     *
     * @param viewModel the main window's state
     * @return the screens in navigation order
     */
    static List<Screen> buildScreens(MainViewModel viewModel) {
        AppContext context = viewModel.context();
        // One recipe for MediaPipe Holistic: the live feed loads it once, a video import for the length of the import.
        KeypointEngine holistic = () -> new HolisticPipeline(
                HolisticOptions.defaults().withModelDir(context.modelDirectory()));
        LiveFeed feed = new LiveFeed(holistic::load);
        SourcePicker picker = new SourcePicker(feed, context.executor(), Platform::runLater);
        List<Screen> screens = new ArrayList<>();
        screens.add(new LiveScreen(new LiveViewModel(picker, context.settings(), viewModel.projects(),
                context.executor()), context.settings()));
        screens.add(new RecordScreen(new RecordViewModel(viewModel.projects(), picker.feed(), context.settings(),
                context.executor(), Platform::runLater), picker, context.settings()));
        screens.add(new LabelScreen(new LabelViewModel(viewModel.projects(), context.settings(), context.executor())));
        screens.add(new TrainScreen(new TrainViewModel(viewModel.projects(), context.executor())));
        screens.add(new DatasetScreen(new DatasetViewModel(viewModel.projects(), context.executor(),
                holistic)));
        return screens;
    }

    /**
     * Builds the main window's scene on a stage and restores the remembered window geometry; tests call it with
     * their own context.
     *
     * @param stage the stage
     * @param viewModel the main window's state
     * @param screens the screens
     * @return the scene, already set on the stage
     */
    static Scene createScene(Stage stage, MainViewModel viewModel, List<Screen> screens) {
        AppContext context = viewModel.context();
        ProjectActions actions = new ProjectActions(viewModel.projects(), context, stage,
                viewModel.statusProperty()::set);
        MainView view = new MainView(viewModel, java.util.Arrays.asList(
                new MainView.MenuAction("New project…", Shortcut.NEW_PROJECT, actions::newProject, null),
                new MainView.MenuAction("Open project…", Shortcut.OPEN_PROJECT, actions::openProject, null),
                new MainView.MenuAction("Export project…", null, actions::exportProject,
                        viewModel.projects().projectProperty().isNull()),
                null,
                new MainView.MenuAction("Import…", null, () -> dataset(viewModel, screens).ifPresent(d -> {
                    viewModel.selectedProperty().set(d);
                    d.importData();
                }), null),
                new MainView.MenuAction("Export…", null, () -> dataset(viewModel, screens).ifPresent(d -> {
                    viewModel.selectedProperty().set(d);
                    d.exportData();
                }), null)),
                () -> SettingsDialog.show(stage, context.settings()),
                () -> AboutDialog.show(stage),
                stage::close);
        if (viewModel.projects().get() == null) {
            actions.openAtStart();
        }
        viewModel.setScreens(screens);
        var settings = context.settings().get();
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // A size remembered on a bigger screen must not push the status bar off a smaller one; the margin leaves
        // room for the window's title bar and border.
        Scene scene = new Scene(view.root(), Math.min(settings.windowWidth(), screen.getWidth() - WINDOW_MARGIN),
                Math.min(settings.windowHeight(), screen.getHeight() - TITLE_BAR_HEIGHT));
        scene.getStylesheets().add(GestureLabApp.class.getResource(Styles.STYLESHEET).toExternalForm());
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Screen shown = viewModel.selectedProperty().get();
            if (shown != null && !(event.getTarget() instanceof TextInputControl) && shown.handleKey(event)) {
                event.consume();
            }
        });
        // "?" opens the shortcuts too; it is typed with Shift on most layouts, so it is matched as a character.
        scene.addEventFilter(KeyEvent.KEY_TYPED, event -> {
            if ("?".equals(event.getCharacter()) && !(event.getTarget() instanceof TextInputControl)) {
                event.consume();
                ShortcutsDialog.show(stage);
            }
        });
        stage.setScene(scene);
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.setMaximized(settings.maximized());
        stage.titleProperty().bind(viewModel.windowTitle());
        stage.setOnHidden(event -> {
            // The project closes below; its name must not reach a window that is gone.
            stage.titleProperty().unbind();
            context.settings().update(s -> s.withWindow(stage.isMaximized() ? s.windowWidth() : scene.getWidth(),
                    stage.isMaximized() ? s.windowHeight() : scene.getHeight(), stage.isMaximized()));
            viewModel.dispose();
        });
        return scene;
    }

    /** What the screenshot mode does on each screen so that it shows real work rather than an idle screen. */
    private static java.util.Map<String, Runnable> demoPreparations(MainViewModel viewModel) {
        java.util.Map<String, Runnable> prepare = new java.util.HashMap<>();
        String video = System.getProperty(ScreenshotRenderer.PROPERTY + ".video");
        for (Screen screen : viewModel.screens()) {
            if (screen instanceof LiveScreen live && video != null) {
                prepare.put(screen.title(), () -> {
                    live.viewModel().picker().addVideo(Path.of(video));
                    live.viewModel().picker().play();
                });
            } else if (screen instanceof LabelScreen label) {
                prepare.put(screen.title(), label.viewModel()::nextBatch);
            }
        }
        return prepare;
    }

    private static java.util.Optional<DatasetScreen> dataset(MainViewModel viewModel, List<Screen> screens) {
        return screens.stream().filter(DatasetScreen.class::isInstance).map(DatasetScreen.class::cast).findFirst();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdown();
        }
    }
}

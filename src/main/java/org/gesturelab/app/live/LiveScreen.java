package org.gesturelab.app.live;

import javafx.scene.Node;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.Shortcut;
import org.gesturelab.app.common.SettingsStore;

/** The Live screen: its view is built on first use; the feed reaches it only while it is shown. */
public final class LiveScreen implements Screen {

    private final LiveViewModel viewModel;
    private final SettingsStore settings;
    private LiveView view;

    /**
     * Creates the screen.
     *
     * @param viewModel its state
     * @param settings the remembered settings
     */
    public LiveScreen(LiveViewModel viewModel, SettingsStore settings) {
        this.viewModel = viewModel;
        this.settings = settings;
    }

    @Override
    public String title() {
        return "Live";
    }

    @Override
    public String icon() {
        return "◉";
    }

    @Override
    public Shortcut shortcut() {
        return Shortcut.SHOW_LIVE;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new LiveView(viewModel, settings);
        }
        return view.root();
    }

    @Override
    public void shown() {
        view();
        viewModel.activate(view.video()::publish);
    }

    @Override
    public void hidden() {
        viewModel.deactivate();
    }

    @Override
    public void dispose() {
        viewModel.picker().stop();
        viewModel.picker().feed().close();
        viewModel.close();
    }

    /** Returns the view model, for tests. */
    public LiveViewModel viewModel() {
        return viewModel;
    }
}

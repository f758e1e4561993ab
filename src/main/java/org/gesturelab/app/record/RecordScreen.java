package org.gesturelab.app.record;

import javafx.scene.Node;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.Shortcut;
import org.gesturelab.app.live.LiveFeed;
import org.gesturelab.app.live.LiveFrame;
import org.gesturelab.app.live.SourcePicker;
import org.gesturelab.app.common.SettingsStore;

/** The Record screen: shows the shared feed while visible and records takes into the open project. */
public final class RecordScreen implements Screen {

    private final RecordViewModel viewModel;
    private final SourcePicker picker;
    private final SettingsStore settings;
    private final LiveFeed.Listener video = this::show;
    private RecordView view;

    /**
     * Creates the screen.
     *
     * @param viewModel its state
     * @param picker the shared source picker
     * @param settings the remembered settings
     */
    public RecordScreen(RecordViewModel viewModel, SourcePicker picker, SettingsStore settings) {
        this.viewModel = viewModel;
        this.picker = picker;
        this.settings = settings;
    }

    private void show(LiveFrame frame) {
        view.video().publish(frame.frame().width(), frame.frame().height(), frame.picture(true, true, false));
    }

    @Override
    public String title() {
        return "Record";
    }

    @Override
    public String icon() {
        return "●";
    }

    @Override
    public Shortcut shortcut() {
        return Shortcut.SHOW_RECORD;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new RecordView(viewModel, picker, settings);
        }
        return view.root();
    }

    @Override
    public void shown() {
        view();
        picker.feed().addListener(video);
        viewModel.activate();
        if (!picker.camerasListedProperty().get()) {
            picker.refreshCameras();
        }
        view.root().requestFocus();
    }

    @Override
    public void hidden() {
        viewModel.deactivate();
        picker.feed().removeListener(video);
    }

    @Override
    public boolean handleKey(javafx.scene.input.KeyEvent event) {
        return view != null && view.onKey(event);
    }

    /** Returns the view model, for tests. */
    public RecordViewModel viewModel() {
        return viewModel;
    }
}

package org.gesturelab.app.train;

import javafx.scene.Node;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.Shortcut;

/** The Train screen. */
public final class TrainScreen implements Screen {

    private final TrainViewModel viewModel;
    private TrainView view;
    private boolean evaluated;

    /**
     * Creates the screen.
     *
     * @param viewModel its state
     */
    public TrainScreen(TrainViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public String title() {
        return "Train";
    }

    @Override
    public String icon() {
        return "↗";
    }

    @Override
    public Shortcut shortcut() {
        return Shortcut.SHOW_TRAIN;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new TrainView(viewModel);
        }
        return view.root();
    }

    @Override
    public void shown() {
        view();
        view.resume();
        viewModel.refreshHistory();
        if (!evaluated) {
            evaluated = true;
            viewModel.evaluate();
        }
    }

    @Override
    public void hidden() {
        if (view != null) {
            view.stop();
        }
    }

    /** Returns the view model, for tests. */
    public TrainViewModel viewModel() {
        return viewModel;
    }
}

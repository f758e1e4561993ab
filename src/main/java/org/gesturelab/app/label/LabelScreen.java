package org.gesturelab.app.label;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.Shortcut;

/** The Label screen. */
public final class LabelScreen implements Screen {

    private final LabelViewModel viewModel;
    private LabelView view;

    /**
     * Creates the screen.
     *
     * @param viewModel its state
     */
    public LabelScreen(LabelViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public String title() {
        return "Label";
    }

    @Override
    public String icon() {
        return "✎";
    }

    @Override
    public Shortcut shortcut() {
        return Shortcut.SHOW_LABEL;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new LabelView(viewModel);
        }
        return view.root();
    }

    @Override
    public void shown() {
        view();
        view.resume();
        view.root().requestFocus();
    }

    @Override
    public void hidden() {
        if (view != null) {
            view.stop();
        }
    }

    @Override
    public boolean handleKey(KeyEvent event) {
        return view != null && view.onKey(event);
    }

    @Override
    public void dispose() {
        viewModel.dispose();
    }

    /** Returns the view model, for tests. */
    public LabelViewModel viewModel() {
        return viewModel;
    }
}

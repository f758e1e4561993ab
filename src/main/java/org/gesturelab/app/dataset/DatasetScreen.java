package org.gesturelab.app.dataset;

import javafx.scene.Node;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.Shortcut;

/** The Dataset screen. */
public final class DatasetScreen implements Screen {

    private final DatasetViewModel viewModel;
    private DatasetView view;

    /**
     * Creates the screen.
     *
     * @param viewModel its state
     */
    public DatasetScreen(DatasetViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @Override
    public String title() {
        return "Dataset";
    }

    @Override
    public String icon() {
        return "▤";
    }

    @Override
    public Shortcut shortcut() {
        return Shortcut.SHOW_DATASET;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = new DatasetView(viewModel);
        }
        return view.root();
    }

    @Override
    public void shown() {
        view();
        view.refreshClasses();
        viewModel.reload();
    }

    @Override
    public void hidden() {
        if (view != null) {
            view.stop();
        }
    }

    /** Opens the Import dialog (File menu). */
    public void importData() {
        view();
        view.showImportDialog();
    }

    /** Opens the Export dialog (File menu). */
    public void exportData() {
        view();
        view.showExportDialog();
    }

    /** Returns the view model, for tests. */
    public DatasetViewModel viewModel() {
        return viewModel;
    }
}

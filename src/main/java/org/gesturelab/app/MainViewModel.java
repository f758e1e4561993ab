package org.gesturelab.app;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.gesturelab.app.common.OpenProject;
import org.gesturelab.app.common.Screen;

/**
 * The main window's state: which screens exist, which one is shown, the status line. It remembers the shown screen
 * in the settings.
 */
public final class MainViewModel {

    private final AppContext context;
    private final ObservableList<Screen> screens = FXCollections.observableArrayList();
    private final ObjectProperty<Screen> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty projectName = new SimpleStringProperty(this, "projectName", "");
    private final StringProperty status = new SimpleStringProperty(this, "status", "Ready");
    private final StringBinding windowTitle;
    private final OpenProject projects;

    /**
     * Creates the view model.
     *
     * @param context the shared context
     */
    public MainViewModel(AppContext context) {
        this.context = context;
        this.projects = new OpenProject(context.settings());
        projects.projectProperty().addListener((obs, old, now) -> {
            projectName.set(now == null ? "" : now.name());
            status.set(now == null ? "No project open" : "Project folder: " + now.directory());
        });
        this.windowTitle = Bindings.createStringBinding(
                () -> projectName.get().isEmpty() ? "GestureLab" : projectName.get() + " — GestureLab", projectName);
        selected.addListener((obs, old, now) -> {
            if (old != null) {
                old.hidden();
            }
            if (now != null) {
                now.shown();
                context.settings().update(s -> s.withLastScreen(now.title()));
            }
        });
    }

    /** Returns the open project. */
    public OpenProject projects() {
        return projects;
    }

    /** Returns the shared context. */
    public AppContext context() {
        return context;
    }

    /**
     * Sets the screens and shows the one shown last time, or the first.
     *
     * @param available the screens, in navigation order
     */
    public void setScreens(List<Screen> available) {
        screens.setAll(available);
        String last = context.settings().get().lastScreen();
        selected.set(available.stream().filter(s -> s.title().equals(last)).findFirst()
                .orElse(available.isEmpty() ? null : available.get(0)));
    }

    /** Returns the screens in navigation order. */
    public ObservableList<Screen> screens() {
        return screens;
    }

    /** Returns the screen shown. */
    public ObjectProperty<Screen> selectedProperty() {
        return selected;
    }

    /**
     * Shows the screen with a title, if it exists.
     *
     * @param title the screen's title
     * @return whether such a screen exists
     */
    public boolean show(String title) {
        for (Screen screen : screens) {
            if (screen.title().equals(title)) {
                selected.set(screen);
                return true;
            }
        }
        return false;
    }

    /** Returns the open project's name, empty when none. */
    public StringProperty projectNameProperty() {
        return projectName;
    }

    /** Returns the status line. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Returns the window title. */
    public StringBinding windowTitle() {
        return windowTitle;
    }

    /** Releases what the screens hold; called when the window closes. */
    public void dispose() {
        Screen shown = selected.get();
        if (shown != null) {
            shown.hidden();
        }
        screens.forEach(Screen::dispose);
        projects.close();
    }
}

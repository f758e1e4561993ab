package org.gesturelab.app;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.gesturelab.app.common.Screen;
import org.gesturelab.app.common.Shortcut;
import org.gesturelab.app.common.Styles;

/**
 * The main window's layout: the menu bar, the navigation sidebar, the shown screen and the status bar. It only binds
 * to {@link MainViewModel}; the actions it offers come in as {@link MenuAction}s.
 */
public final class MainView {

    /**
     * An entry of the File menu.
     *
     * @param text the menu text
     * @param shortcut its shortcut, or null
     * @param action what it does
     * @param disabled whether it is disabled now, or null when always enabled
     */
    public record MenuAction(String text, Shortcut shortcut, Runnable action,
            javafx.beans.value.ObservableBooleanValue disabled) {
    }

    private final MainViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final ToggleGroup navigation = new ToggleGroup();
    private final VBox navButtons = new VBox(4);
    private final StackPane content = new StackPane();
    private final javafx.scene.control.ScrollPane screenScroll = new javafx.scene.control.ScrollPane();

    /**
     * Builds the view.
     *
     * @param viewModel the state to show
     * @param fileActions the File menu's entries above Settings; null entries become separators
     * @param settings opens the settings
     * @param about shows the About dialog
     * @param quit closes the window
     */
    public MainView(MainViewModel viewModel, List<MenuAction> fileActions, Runnable settings, Runnable about,
            Runnable quit) {
        this.viewModel = viewModel;
        root.setTop(menuBar(fileActions, settings, about, quit));
        root.setLeft(sidebar());
        content.getStyleClass().add(Styles.CONTENT);
        screenScroll.setId("screen-scroll");
        screenScroll.setFitToWidth(true);
        screenScroll.setFitToHeight(true);
        screenScroll.setFocusTraversable(false);
        screenScroll.getStyleClass().add("screen-scroll");
        root.setCenter(content);
        root.setBottom(statusBar());

        viewModel.screens().addListener((javafx.collections.ListChangeListener<Screen>) change -> rebuildNavigation());
        viewModel.selectedProperty().addListener((obs, old, now) -> showScreen(now));
        rebuildNavigation();
        showScreen(viewModel.selectedProperty().get());
    }

    /** Returns the root node for the scene. */
    public Parent root() {
        return root;
    }

    private MenuBar menuBar(List<MenuAction> fileActions, Runnable settings, Runnable about, Runnable quit) {
        Menu file = new Menu("_File");
        for (MenuAction action : fileActions) {
            if (action == null) {
                file.getItems().add(new SeparatorMenuItem());
                continue;
            }
            MenuItem item = item(action.text(), action.shortcut(), action.action());
            if (action.disabled() != null) {
                item.disableProperty().bind(action.disabled());
            }
            file.getItems().add(item);
        }
        if (!fileActions.isEmpty()) {
            file.getItems().add(new SeparatorMenuItem());
        }
        file.getItems().addAll(item("Settings…", Shortcut.SETTINGS, settings), new SeparatorMenuItem(),
                item("Quit", Shortcut.QUIT, quit));

        Menu view = new Menu("_View");
        viewModel.screens().addListener((javafx.collections.ListChangeListener<Screen>) change -> {
            view.getItems().clear();
            for (Screen screen : viewModel.screens()) {
                view.getItems().add(item(screen.title(), screen.shortcut(), () -> viewModel.selectedProperty()
                        .set(screen)));
            }
        });

        Menu help = new Menu("_Help");
        help.getItems().addAll(item("Keyboard shortcuts", Shortcut.SHORTCUTS, () -> ShortcutsDialog.show(window())),
                item("About GestureLab", null, about));
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static MenuItem item(String text, Shortcut shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(shortcut.combination());
        }
        item.setOnAction(event -> action.run());
        return item;
    }

    private Node sidebar() {
        Label brand = new Label("GestureLab");
        brand.getStyleClass().add(Styles.BRAND);
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label projectCaption = new Label("PROJECT");
        projectCaption.getStyleClass().add(Styles.MUTED);
        projectCaption.setStyle("-fx-font-size: 10px; -fx-font-weight: bold;");
        Label project = new Label();
        project.setId("sidebar-project");
        project.getStyleClass().add(Styles.MUTED);
        project.setStyle("-fx-text-fill: white;");
        project.setWrapText(true);
        project.textProperty().bind(viewModel.projectNameProperty());
        VBox sidebar = new VBox(brand, navButtons, spacer, projectCaption, project);
        sidebar.getStyleClass().add(Styles.SIDEBAR);
        return sidebar;
    }

    private void rebuildNavigation() {
        List<Node> buttons = new ArrayList<>();
        navigation.getToggles().clear();
        for (Screen screen : viewModel.screens()) {
            Label icon = new Label(screen.icon());
            icon.getStyleClass().add("nav-icon");
            ToggleButton button = new ToggleButton(screen.title(), icon);
            button.setId("nav-" + screen.title().toLowerCase(java.util.Locale.ROOT));
            button.getStyleClass().add(Styles.NAV_BUTTON);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navigation);
            button.setTooltip(new Tooltip(screen.title() + "  (" + screen.shortcut().displayText() + ")"));
            button.setSelected(screen == viewModel.selectedProperty().get());
            // A toggle in a group can be clicked off; the navigation always has exactly one screen shown.
            button.setOnAction(event -> {
                button.setSelected(true);
                viewModel.selectedProperty().set(screen);
            });
            buttons.add(button);
        }
        navButtons.getChildren().setAll(buttons);
    }

    private void showScreen(Screen screen) {
        // In a window smaller than a screen's minimum the screen scrolls instead of drawing over the status bar.
        screenScroll.setContent(screen == null ? null : screen.view());
        content.getChildren().setAll(screenScroll);
        for (var toggle : navigation.getToggles()) {
            ToggleButton button = (ToggleButton) toggle;
            button.setSelected(screen != null && button.getText().equals(screen.title()));
        }
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(viewModel.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label project = new Label();
        project.textProperty().bind(Bindings.concat(viewModel.projectNameProperty()));
        HBox bar = new HBox(status, spacer, project);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Styles.STATUS_BAR);
        return bar;
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }
}

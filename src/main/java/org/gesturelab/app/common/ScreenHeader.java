package org.gesturelab.app.common;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The title and one-line explanation at the top of every screen. */
public final class ScreenHeader {

    private ScreenHeader() {
    }

    /**
     * Builds a header.
     *
     * @param title the screen's name
     * @param subtitle what the screen is for, in one sentence
     * @return the header
     */
    public static VBox of(String title, String subtitle) {
        Label name = new Label(title);
        name.getStyleClass().add(Styles.SCREEN_TITLE);
        Label line = new Label(subtitle);
        line.getStyleClass().add(Styles.SCREEN_SUBTITLE);
        return new VBox(2, name, line);
    }
}

package org.gesturelab.app.common;

import javafx.scene.Node;
import javafx.scene.input.KeyEvent;

/**
 * One screen of the main window (Live, Record, Label, Train, Dataset): its view, where it sits in the navigation,
 * and what it does when it is shown or hidden (a camera is released when its screen is left).
 */
public interface Screen {

    /** Returns the name shown in the navigation. */
    String title();

    /** Returns the glyph shown beside the name. */
    String icon();

    /** Returns the shortcut that shows the screen. */
    Shortcut shortcut();

    /** Returns the screen's root node, built once. */
    Node view();

    /** Called after the screen became visible. */
    default void shown() {
    }

    /** Called after the screen was hidden; release cameras and stop playback here. */
    default void hidden() {
    }

    /**
     * Offers a key press to the shown screen before any control sees it (the window routes every key here unless a
     * text field has the focus), so labeling keys work wherever the focus is.
     *
     * @param event the key-pressed event
     * @return whether the screen used it; the event is then consumed
     */
    default boolean handleKey(KeyEvent event) {
        return false;
    }

    /** Called when the window closes. */
    default void dispose() {
    }
}

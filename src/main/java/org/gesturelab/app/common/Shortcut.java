package org.gesturelab.app.common;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * Every fixed keyboard shortcut of the app, as data: menus, tooltips and the on-screen legends are built from this
 * list, so what the app shows is always what the keys do. Class shortcuts (1-9 by default) belong to the project and
 * are not listed here.
 */
public enum Shortcut {

    /** Creates a project. */
    NEW_PROJECT("New project", "Shortcut+N"),
    /** Opens a project. */
    OPEN_PROJECT("Open project", "Shortcut+O"),
    /** Opens the settings. */
    SETTINGS("Settings", "Shortcut+Comma"),
    /** Quits the app. */
    QUIT("Quit", "Shortcut+Q"),
    /** Shows the Live screen. */
    SHOW_LIVE("Live", "Shortcut+1"),
    /** Shows the Record screen. */
    SHOW_RECORD("Record", "Shortcut+2"),
    /** Shows the Label screen. */
    SHOW_LABEL("Label", "Shortcut+3"),
    /** Shows the Train screen. */
    SHOW_TRAIN("Train", "Shortcut+4"),
    /** Shows the Dataset screen. */
    SHOW_DATASET("Dataset", "Shortcut+5"),
    /** Starts or stops recording. */
    RECORD("Start / stop recording", "R"),
    /** Stops a countdown or a take. */
    STOP_RECORDING("Stop recording", "Esc"),
    /** Queries the next batch to label. */
    NEXT_BATCH("Next batch", "N"),
    /** Skips the current clip. */
    SKIP("Skip clip", "Q"),
    /** Skips the current clip (alternative key). */
    SKIP_SPACE("Skip clip", "Space"),
    /** Undoes the last label. */
    UNDO("Undo last label", "Shortcut+Z"),
    /** Undoes the last label (alternative key). */
    UNDO_BACKSPACE("Undo last label", "Backspace"),
    /** Goes to the previous clip of the batch. */
    PREVIOUS_CLIP("Previous clip", "Left"),
    /** Goes to the next clip of the batch. */
    NEXT_CLIP("Next clip", "Right"),
    /** Retrains the model now. */
    RETRAIN("Retrain now", "Enter"),
    /** Lists every shortcut; "?" does the same. */
    SHORTCUTS("Keyboard shortcuts (or ?)", "F1");

    private final String description;
    private final KeyCombination combination;

    Shortcut(String description, String combination) {
        this.description = description;
        this.combination = KeyCombination.valueOf(combination);
    }

    /** Returns what the shortcut does, for menus and legends. */
    public String description() {
        return description;
    }

    /** Returns the key combination. */
    public KeyCombination combination() {
        return combination;
    }

    /** Returns the key as people read it, for example "Ctrl+Z" or "Space". */
    public String displayText() {
        return combination.getDisplayText();
    }

    /**
     * Returns whether a key event triggers this shortcut.
     *
     * @param event a key-pressed event
     * @return whether it matches
     */
    public boolean matches(KeyEvent event) {
        return combination.match(event);
    }

    /**
     * Returns the key code of a single-key shortcut, or null for a combination with modifiers.
     *
     * @return the key code or null
     */
    public KeyCode singleKey() {
        return combination instanceof javafx.scene.input.KeyCodeCombination code
                && combination.getShortcut() == KeyCombination.ModifierValue.UP
                && combination.getControl() == KeyCombination.ModifierValue.UP ? code.getCode() : null;
    }
}

package org.gesturelab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

class ShortcutTest {

    private static KeyEvent press(KeyCode code, String text) {
        return new KeyEvent(KeyEvent.KEY_PRESSED, text, text, code, false, false, false, false);
    }

    @Test
    void labelingKeysMatchTheKeysPeoplePress() {
        assertTrue(Shortcut.UNDO_BACKSPACE.matches(press(KeyCode.BACK_SPACE, "")));
        assertTrue(Shortcut.SKIP.matches(press(KeyCode.Q, "q")));
        assertTrue(Shortcut.SKIP_SPACE.matches(press(KeyCode.SPACE, " ")));
        assertTrue(Shortcut.PREVIOUS_CLIP.matches(press(KeyCode.LEFT, "")));
        assertTrue(Shortcut.NEXT_CLIP.matches(press(KeyCode.RIGHT, "")));
        assertTrue(Shortcut.RETRAIN.matches(press(KeyCode.ENTER, "\r")));
        assertTrue(Shortcut.RECORD.matches(press(KeyCode.R, "r")));
        assertFalse(Shortcut.SKIP.matches(press(KeyCode.DIGIT1, "1")));
        assertEquals(KeyCode.BACK_SPACE, Shortcut.UNDO_BACKSPACE.singleKey());
    }

    @Test
    void everyShortcutIsDistinct() {
        assertEquals(Shortcut.values().length, java.util.Arrays.stream(Shortcut.values())
                .map(s -> s.combination().getName()).distinct().count());
    }
}

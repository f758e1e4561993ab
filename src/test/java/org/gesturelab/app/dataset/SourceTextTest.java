package org.gesturelab.app.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;

import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.junit.jupiter.api.Test;

class SourceTextTest {

    private static final List<String> CLASSES = List.of("hello", "yes");

    private static Clip clip(ClipState state, String source) {
        return new Clip(1, state, state == ClipState.POOL ? null : 1, state == ClipState.POOL ? 1 : null, source,
                null, null, 30, Instant.EPOCH, null, null);
    }

    @Test
    void poolClipsNeverShowTheFolderThatNamesTheirHiddenClass() {
        assertEquals("…/•••/15", SourceText.shown(clip(ClipState.POOL, "MP_Data1/yes/15"), CLASSES));
        assertEquals("…/yes/15", SourceText.shown(clip(ClipState.TRAIN, "MP_Data1/yes/15"), CLASSES));
    }

    @Test
    void longPathsShowTheirLastTwoParts() {
        assertEquals("…/hello/take-1.mp4", SourceText.shown(clip(ClipState.TRAIN,
                "/home/someone/recordings/hello/take-1.mp4"), CLASSES));
        assertEquals("camera 0", SourceText.shown(clip(ClipState.TRAIN, "camera 0"), CLASSES));
        assertEquals("", SourceText.shown(clip(ClipState.TRAIN, null), CLASSES));
    }
}

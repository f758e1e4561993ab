package org.gesturelab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path folder;

    @Test
    void firstStartGivesDefaults() {
        AppSettings settings = new SettingsStore(folder.resolve("settings.json")).get();
        assertEquals(AppSettings.DEFAULT_THRESHOLD, settings.confidenceThreshold());
        assertTrue(settings.showPose() && settings.showHands() && settings.showFace());
        assertEquals(5, settings.clipsPerTake());
        assertEquals(3, settings.countdownSeconds());
        assertEquals(10, settings.batchSize());
        assertTrue(settings.autoRetrain());
        assertNull(settings.lastProject());
    }

    @Test
    void updatesSurviveARestart() {
        Path file = folder.resolve("nested/settings.json");
        SettingsStore store = new SettingsStore(file);
        store.update(s -> s.withWindow(1500, 900, true).withLastProject("/tmp/p").withOverlay(true, false, true)
                .withPreferences(0.9, 7, 0, "margin", 20, false));
        AppSettings reread = new SettingsStore(file).get();
        assertEquals(1500, reread.windowWidth());
        assertEquals(900, reread.windowHeight());
        assertTrue(reread.maximized());
        assertEquals("/tmp/p", reread.lastProject());
        assertFalse(reread.showHands());
        assertEquals(0.9, reread.confidenceThreshold());
        assertEquals(7, reread.clipsPerTake());
        assertEquals(0, reread.countdownSeconds());
        assertEquals("margin", reread.strategy());
        assertEquals(20, reread.batchSize());
        assertFalse(reread.autoRetrain());
    }

    @Test
    void damagedOrPartialFilesFallBackToDefaults() throws Exception {
        Path file = folder.resolve("settings.json");
        Files.writeString(file, "{ not json");
        assertEquals(AppSettings.defaults(), new SettingsStore(file).get());

        Files.writeString(file, "{\"lastProject\": \"/x\", \"confidenceThreshold\": 7, \"unknown\": 1}");
        AppSettings partial = new SettingsStore(file).get();
        assertEquals("/x", partial.lastProject());
        assertEquals(AppSettings.DEFAULT_THRESHOLD, partial.confidenceThreshold());
        assertTrue(partial.showFace());
    }
}

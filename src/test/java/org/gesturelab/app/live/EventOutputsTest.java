package org.gesturelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.gesturelab.app.common.EventOutputSettings;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.workflow.events.WebSocketEventServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Live screen's switches: a sender that cannot open turns its switch back off and says why, and what was on is
 * on again at the next start.
 */
class EventOutputsTest {

    @TempDir
    Path folder;

    @Test
    void aTakenPortOrABadPortTurnsTheSwitchBackOffInPlainWords() {
        SettingsStore settings = new SettingsStore(folder.resolve("settings.json"));
        EventOutputs outputs = new EventOutputs(settings);
        try (WebSocketEventServer other = new WebSocketEventServer(0)) {
            outputs.webSocketPortProperty().set(Integer.toString(other.port()));
            outputs.webSocketProperty().set(true);
            assertFalse(outputs.webSocketProperty().get());
            assertTrue(outputs.statusProperty().get().contains("Cannot start the WebSocket server on port "
                    + other.port()), outputs.statusProperty().get());
        }
        outputs.oscPortProperty().set("twelve");
        outputs.oscProperty().set(true);
        assertFalse(outputs.oscProperty().get());
        assertTrue(outputs.statusProperty().get().contains("must be a number from 1 to 65535, not 'twelve'"),
                outputs.statusProperty().get());
        assertFalse(settings.get().eventOutputs().osc());
        assertFalse(settings.get().eventOutputs().webSocket());
        outputs.close();
    }

    @Test
    void switchesThatWereOnAreOnAgainAtTheNextStart() {
        SettingsStore settings = new SettingsStore(folder.resolve("settings.json"));
        EventOutputs first = new EventOutputs(settings);
        first.oscHostProperty().set("localhost");
        first.oscPortProperty().set("9001");
        first.oscProperty().set(true);
        assertTrue(first.oscProperty().get(), first.statusProperty().get());
        first.close();

        EventOutputs second = new EventOutputs(new SettingsStore(folder.resolve("settings.json")));
        assertTrue(second.oscProperty().get());
        assertEquals("localhost", second.oscHostProperty().get());
        assertEquals("9001", second.oscPortProperty().get());
        assertEquals(new EventOutputSettings(true, "localhost", 9001, false,
                EventOutputSettings.DEFAULT_WEBSOCKET_PORT), settings.get().eventOutputs());
        second.close();
    }
}

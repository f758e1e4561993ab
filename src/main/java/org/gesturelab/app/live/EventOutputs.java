package org.gesturelab.app.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.gesturelab.app.common.EventOutputSettings;
import org.gesturelab.app.common.SettingsStore;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.workflow.events.GestureEvent;
import org.gesturelab.workflow.events.GestureEventSink;
import org.gesturelab.workflow.events.OscEventSender;
import org.gesturelab.workflow.events.WebSocketEventServer;

/**
 * The Live screen's event outputs: the OSC and WebSocket switches with their host and port, remembered in the app
 * settings. Switching one on opens the same sender {@code gesturelab run} uses; the Live recognizer hands every event
 * to this object, which passes it to the open senders. Host and port are edited while a switch is off; a sender that
 * cannot open (unknown host, port in use) turns its switch back off and says why.
 *
 * <p>Switches change on the JavaFX thread; events arrive on the feed's thread.
 */
public final class EventOutputs implements GestureEventSink {

    private final SettingsStore settings;
    private final BooleanProperty osc = new SimpleBooleanProperty(this, "osc");
    private final StringProperty oscHost = new SimpleStringProperty(this, "oscHost");
    private final StringProperty oscPort = new SimpleStringProperty(this, "oscPort");
    private final BooleanProperty webSocket = new SimpleBooleanProperty(this, "webSocket");
    private final StringProperty webSocketPort = new SimpleStringProperty(this, "webSocketPort");
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final List<GestureEventSink> open = new CopyOnWriteArrayList<>();
    private OscEventSender oscSender;
    private WebSocketEventServer webSocketServer;
    private boolean reverting;

    /**
     * Creates the outputs from the remembered settings, opening the senders that were on.
     *
     * @param settings the app settings
     */
    public EventOutputs(SettingsStore settings) {
        this.settings = settings;
        EventOutputSettings saved = settings.get().eventOutputs();
        oscHost.set(saved.oscHost());
        oscPort.set(Integer.toString(saved.oscPort()));
        webSocketPort.set(Integer.toString(saved.webSocketPort()));
        osc.set(saved.osc());
        webSocket.set(saved.webSocket());
        osc.addListener((obs, old, now) -> switchOsc(now));
        webSocket.addListener((obs, old, now) -> switchWebSocket(now));
        if (saved.osc()) {
            switchOsc(true);
        }
        if (saved.webSocket()) {
            switchWebSocket(true);
        }
    }

    private void switchOsc(boolean on) {
        if (reverting) {
            return;
        }
        if (oscSender != null) {
            open.remove(oscSender);
            oscSender.close();
            oscSender = null;
        }
        if (on) {
            try {
                oscSender = new OscEventSender(oscHost.get().strip(), port(oscPort.get(), "OSC"));
                open.add(oscSender);
                status.set("");
            } catch (GestureLabException e) {
                status.set(e.getMessage());
                revert(osc);
            }
        }
        save();
    }

    private void switchWebSocket(boolean on) {
        if (reverting) {
            return;
        }
        if (webSocketServer != null) {
            open.remove(webSocketServer);
            webSocketServer.close();
            webSocketServer = null;
        }
        if (on) {
            try {
                webSocketServer = new WebSocketEventServer(port(webSocketPort.get(), "WebSocket"));
                open.add(webSocketServer);
                status.set("");
            } catch (GestureLabException e) {
                status.set(e.getMessage());
                revert(webSocket);
            }
        }
        save();
    }

    private void revert(BooleanProperty toggle) {
        reverting = true;
        try {
            toggle.set(false);
        } finally {
            reverting = false;
        }
    }

    private static int port(String text, String what) {
        try {
            int port = Integer.parseInt(text.strip());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GestureLabException("The " + what + " port must be a number from 1 to 65535, not '" + text
                + "'.");
    }

    private void save() {
        int oscNumber = parseOr(oscPort.get(), EventOutputSettings.DEFAULT_OSC_PORT);
        int webSocketNumber = parseOr(webSocketPort.get(), EventOutputSettings.DEFAULT_WEBSOCKET_PORT);
        EventOutputSettings outputs = new EventOutputSettings(osc.get(), oscHost.get(), oscNumber, webSocket.get(),
                webSocketNumber);
        settings.update(s -> s.withEventOutputs(outputs));
    }

    private static int parseOr(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** Returns whether OSC is on. */
    public BooleanProperty oscProperty() {
        return osc;
    }

    /** Returns the OSC receiver's host. */
    public StringProperty oscHostProperty() {
        return oscHost;
    }

    /** Returns the OSC receiver's port, as typed. */
    public StringProperty oscPortProperty() {
        return oscPort;
    }

    /** Returns whether the WebSocket server is on. */
    public BooleanProperty webSocketProperty() {
        return webSocket;
    }

    /** Returns the WebSocket server's port, as typed. */
    public StringProperty webSocketPortProperty() {
        return webSocketPort;
    }

    /** Returns why a switch turned back off, or empty. */
    public StringProperty statusProperty() {
        return status;
    }

    @Override
    public void gestureStarted(GestureEvent event) {
        for (GestureEventSink sink : open) {
            sink.gestureStarted(event);
        }
    }

    @Override
    public void gestureEnded(GestureEvent event) {
        for (GestureEventSink sink : open) {
            sink.gestureEnded(event);
        }
    }

    @Override
    public void probabilities(List<String> classes, float[] probabilities) {
        for (GestureEventSink sink : open) {
            sink.probabilities(classes, probabilities);
        }
    }

    /** Closes the open senders; the switches keep their remembered state for the next start. */
    @Override
    public void close() {
        for (GestureEventSink sink : open) {
            sink.close();
        }
        open.clear();
        oscSender = null;
        webSocketServer = null;
    }
}

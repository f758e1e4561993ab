package org.gesturelab.app.common;

/**
 * Where the Live screen sends recognized gestures, remembered in {@link AppSettings}: OSC over UDP to a host and
 * port, and a WebSocket server on a port. Out-of-range values (a hand-edited file) fall back to the defaults.
 *
 * @param osc whether OSC is on
 * @param oscHost the OSC receiver's host
 * @param oscPort the OSC receiver's UDP port
 * @param webSocket whether the WebSocket server is on
 * @param webSocketPort the WebSocket server's TCP port
 */
public record EventOutputSettings(boolean osc, String oscHost, int oscPort, boolean webSocket, int webSocketPort) {

    /** Wekinator's and many patches' habit: OSC to port 12000 on this computer. */
    public static final int DEFAULT_OSC_PORT = 12000;
    /** The default WebSocket port. */
    public static final int DEFAULT_WEBSOCKET_PORT = 8765;

    /** Replaces missing and out-of-range values with the defaults. */
    public EventOutputSettings {
        oscHost = oscHost == null || oscHost.isBlank() ? "127.0.0.1" : oscHost.strip();
        oscPort = oscPort >= 1 && oscPort <= 65535 ? oscPort : DEFAULT_OSC_PORT;
        webSocketPort = webSocketPort >= 1 && webSocketPort <= 65535 ? webSocketPort : DEFAULT_WEBSOCKET_PORT;
    }

    /** Returns the settings of a first start: both off. */
    public static EventOutputSettings defaults() {
        return new EventOutputSettings(false, null, 0, false, 0);
    }
}

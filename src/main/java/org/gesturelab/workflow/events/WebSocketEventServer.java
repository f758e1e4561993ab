package org.gesturelab.workflow.events;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gesturelab.core.GestureLabException;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * A WebSocket server (Java-WebSocket) that sends every connected page the same events as OSC, one JSON text message
 * each ({@link EventJson}):
 * <pre>
 * {"type":"gesture","gesture":"wave","confidence":0.93,"start_frame":120}
 * {"type":"end","gesture":"wave","start_frame":120,"end_frame":151,"peak_confidence":0.97}
 * {"type":"probabilities","classes":["wave","stop"],"probabilities":[0.93,0.07]}
 * </pre>
 * Pages only listen; what they send is ignored. The server runs on its own threads and never blocks the caller.
 */
public final class WebSocketEventServer implements GestureEventSink {

    private static final Logger LOG = LoggerFactory.getLogger(WebSocketEventServer.class);
    private static final int START_SECONDS = 10;

    private final Server server;

    /**
     * Starts a server on a port of every interface.
     *
     * @param port the TCP port; 0 picks a free one ({@link #port()} tells which)
     * @throws GestureLabException if the port cannot be opened
     */
    public WebSocketEventServer(int port) {
        this(new InetSocketAddress(port));
    }

    /**
     * Starts a server on an address.
     *
     * @param address the address and port to listen on
     * @throws GestureLabException if it cannot be opened within 10 s
     */
    public WebSocketEventServer(InetSocketAddress address) {
        server = new Server(address);
        server.setReuseAddr(true);
        server.start();
        try {
            if (!server.started.await(START_SECONDS, TimeUnit.SECONDS) || server.failure != null) {
                stopQuietly();
                throw new GestureLabException("Cannot start the WebSocket server on port " + address.getPort()
                        + (server.failure == null ? "" : ": " + server.failure.getMessage())
                        + ". Is another program using it?");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopQuietly();
            throw new GestureLabException("Interrupted while starting the WebSocket server.", e);
        }
    }

    /** Returns the port the server listens on. */
    public int port() {
        return server.getPort();
    }

    /** Returns how many pages are connected. */
    public int connections() {
        return server.getConnections().size();
    }

    @Override
    public void gestureStarted(GestureEvent event) {
        server.broadcast(EventJson.started(event));
    }

    @Override
    public void gestureEnded(GestureEvent event) {
        server.broadcast(EventJson.ended(event));
    }

    @Override
    public void probabilities(List<String> classes, float[] probabilities) {
        server.broadcast(EventJson.probabilities(classes, probabilities));
    }

    @Override
    public void close() {
        stopQuietly();
    }

    private void stopQuietly() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The library's server, reduced to what GestureLab needs. */
    private static final class Server extends WebSocketServer {

        private final CountDownLatch started = new CountDownLatch(1);
        private volatile Exception failure;

        Server(InetSocketAddress address) {
            super(address);
        }

        @Override
        public void onOpen(WebSocket connection, ClientHandshake handshake) {
            LOG.debug("WebSocket page connected from {}", connection.getRemoteSocketAddress());
        }

        @Override
        public void onClose(WebSocket connection, int code, String reason, boolean remote) {
            LOG.debug("WebSocket page disconnected ({} {})", code, reason);
        }

        @Override
        public void onMessage(WebSocket connection, String message) {
            // Pages only listen.
        }

        @Override
        public void onError(WebSocket connection, Exception e) {
            if (connection == null) {
                failure = e; // the server itself failed, typically to bind its port
                started.countDown();
            } else {
                LOG.debug("WebSocket connection error", e);
            }
        }

        @Override
        public void onStart() {
            started.countDown();
        }
    }
}

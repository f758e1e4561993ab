package org.gesturelab.workflow.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.gesturelab.core.GestureLabException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The event senders, received on loopback by a real UDP socket and a real WebSocket client (the JDK's). */
class EventSendersTest {

    private static final List<String> CLASSES = List.of("wave", "Let's go");
    private static final GestureEvent START = new GestureEvent("Let's go", 120, -1, 0.91);
    private static final GestureEvent END = new GestureEvent("Let's go", 120, 151, 0.97);

    @Test
    void oscMessagesArriveWithTheirAddressesTypesAndOrder() throws Exception {
        try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                OscEventSender sender = OscEventSender.open("127.0.0.1:" + receiver.getLocalPort())) {
            receiver.setSoTimeout(5000);
            sender.gestureStarted(START);
            sender.probabilities(CLASSES, new float[] {0.25f, 0.75f});
            sender.gestureEnded(END);
            OscMessage first = OscMessage.receive(receiver);
            assertEquals("/gesturelab/gesture", first.address());
            assertEquals("sf", first.types());
            assertEquals(List.of("Let's go", 0.91f), first.arguments());
            OscMessage second = OscMessage.receive(receiver);
            assertEquals("/gesturelab/probabilities", second.address());
            assertEquals("ff", second.types());
            assertEquals(List.of(0.25f, 0.75f), second.arguments());
            OscMessage third = OscMessage.receive(receiver);
            assertEquals("/gesturelab/end", third.address());
            assertEquals("s", third.types());
            assertEquals(List.of("Let's go"), third.arguments());
        }
    }

    @Test
    void badOscTargetsAreRefusedInPlainWords() {
        for (String bad : List.of("localhost", "localhost:0", "localhost:70000", ":9000", "host:port")) {
            GestureLabException e = assertThrows(GestureLabException.class, () -> OscEventSender.open(bad));
            assertTrue(e.getMessage().contains("HOST:PORT"), e.getMessage());
        }
    }

    @Test
    void webSocketPagesReceiveTheSameEventsAsJson() throws Exception {
        try (WebSocketEventServer server = new WebSocketEventServer(0)) {
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket client = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/"), new WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                received.add(text.toString());
                                text.setLength(0);
                            }
                            socket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            for (int i = 0; i < 100 && server.connections() == 0; i++) {
                Thread.sleep(20);
            }
            assertEquals(1, server.connections());
            server.gestureStarted(START);
            server.probabilities(CLASSES, new float[] {0.25f, 0.75f});
            server.gestureEnded(END);
            ObjectMapper json = new ObjectMapper();
            JsonNode first = json.readTree(poll(received));
            assertEquals("gesture", first.get("type").asText());
            assertEquals("Let's go", first.get("gesture").asText());
            assertEquals(0.91, first.get("confidence").asDouble(), 1e-9);
            assertEquals(120, first.get("start_frame").asLong());
            JsonNode second = json.readTree(poll(received));
            assertEquals("probabilities", second.get("type").asText());
            assertEquals("Let's go", second.get("classes").get(1).asText());
            assertEquals(0.75, second.get("probabilities").get(1).asDouble(), 1e-6);
            JsonNode third = json.readTree(poll(received));
            assertEquals("end", third.get("type").asText());
            assertEquals(151, third.get("end_frame").asLong());
            assertEquals(0.97, third.get("peak_confidence").asDouble(), 1e-9);
            client.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTakenWebSocketPortIsReportedInPlainWords() {
        try (WebSocketEventServer first = new WebSocketEventServer(0)) {
            GestureLabException e = assertThrows(GestureLabException.class,
                    () -> new WebSocketEventServer(first.port()).close());
            assertTrue(e.getMessage().contains("Cannot start the WebSocket server on port " + first.port()),
                    e.getMessage());
        }
    }

    private static String poll(BlockingQueue<String> queue) throws InterruptedException {
        String message = queue.poll(5, TimeUnit.SECONDS);
        assertNotNull(message, "a WebSocket message arrived");
        return message;
    }
}

package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.gesturelab.SharedData;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TestData;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.gesturelab.mediapipe.InstalledModels;
import org.gesturelab.workflow.events.OscMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code gesturelab run} on a shared bodygesture15 video, as users run it: the events arrive on a real UDP socket
 * and a real WebSocket client on loopback, and as JSON lines on standard output. The model is trained on synthetic
 * clips, so its probabilities on a real person mean nothing; the stored spotting thresholds are set to 0 so that the
 * spotter surely opens an event, which is what the test needs to check addresses, types and order.
 */
class RunCommandTest {

    private static final String VIDEO = "bodygesture15/videos_1m_upper/S1/videos/left_1_1m_upper.avi";
    private static final List<String> CLASSES = List.of("up", "Let's go", "i'm fine");
    private static final int FRAMES = 60;

    @TempDir
    static Path root;
    private static Path project;

    @BeforeAll
    static void createTrainedProject() throws Exception {
        project = root.resolve("gestures");
        LabeledClips train = TestData.synthetic(3, 8, 31);
        try (Project p = Project.create(project, "gestures", CLASSES)) {
            for (int i = 0; i < train.size(); i++) {
                p.addClip(NewClip.labeled(train.clips().get(i), ClipState.TRAIN, train.labels()[i], "synthetic"));
            }
        }
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("train", project.toString(), "--epochs", "3", "--seed", "4"), runner.err());
        // "Calibrated" thresholds of 0: the strongest class opens an event as soon as the first window is seen, and
        // (exit level 0) it lasts until the video ends.
        new SpottingSettings(30, 2, 1, 0.0, 0.7, 1, 0, Map.of(), null, null)
                .write(ModelStore.current(project).orElseThrow());
    }

    @Test
    void oscAndWebSocketReceiveTheGestureBeforeItsEndWhileRunPlaysAVideo() throws Exception {
        Path video = SharedData.require(VIDEO);
        Path models = InstalledModels.require();
        int webSocketPort;
        try (ServerSocket free = new ServerSocket(0)) {
            webSocketPort = free.getLocalPort();
        }
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udp.setSoTimeout(200);
            CliRunner runner = new CliRunner();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> runner.run("run",
                    project.toString(), "--source", video.toString(), "--osc", "127.0.0.1:" + udp.getLocalPort(),
                    "--websocket", Integer.toString(webSocketPort), "--models", models.toString(), "--max-frames",
                    Integer.toString(FRAMES)));
            List<String> pages = new CopyOnWriteArrayList<>();
            WebSocket client = connect(webSocketPort, pages, run);
            List<OscMessage> osc = new ArrayList<>();
            while (!run.isDone() || osc.isEmpty() || !osc.get(osc.size() - 1).address().equals("/gesturelab/end")) {
                try {
                    osc.add(OscMessage.receive(udp));
                } catch (SocketTimeoutException e) {
                    if (run.isDone()) {
                        break;
                    }
                }
            }
            assertEquals(0, run.get(60, TimeUnit.SECONDS), runner.err());
            assertTrue(runner.err().contains("Done: " + FRAMES + " frames, 1 gestures (calibrated thresholds)"),
                    runner.err());

            List<String> addresses = osc.stream().map(OscMessage::address).toList();
            int start = addresses.indexOf("/gesturelab/gesture");
            int end = addresses.indexOf("/gesturelab/end");
            assertTrue(start >= 0 && end > start, "a gesture, then its end: " + addresses);
            assertEquals(1, addresses.stream().filter("/gesturelab/gesture"::equals).count(), addresses.toString());
            OscMessage gesture = osc.get(start);
            assertEquals("sf", gesture.types());
            assertTrue(CLASSES.contains((String) gesture.arguments().get(0)), gesture.toString());
            float confidence = (Float) gesture.arguments().get(1);
            assertTrue(confidence > 0 && confidence <= 1, gesture.toString());
            assertEquals("s", osc.get(end).types());
            assertEquals(gesture.arguments().get(0), osc.get(end).arguments().get(0));
            List<OscMessage> probabilities = osc.stream().filter(m -> m.address().equals("/gesturelab/probabilities"))
                    .toList();
            // Window 30 (the project's sequence length), stride 2: a prediction at frames 30, 32, ..., 60.
            assertEquals((FRAMES - 30) / 2 + 1, probabilities.size(), addresses.toString());
            for (OscMessage p : probabilities) {
                assertEquals("fff", p.types());
                float sum = 0;
                for (Object value : p.arguments()) {
                    sum += (Float) value;
                }
                assertEquals(1f, sum, 1e-3f);
            }
            assertTrue(addresses.indexOf("/gesturelab/probabilities") < start, "probabilities come before the "
                    + "event they open: " + addresses);

            // The page gets the same events as JSON.
            for (int i = 0; i < 50 && pages.stream().noneMatch(m -> m.contains("\"end\"")); i++) {
                Thread.sleep(100);
            }
            ObjectMapper json = new ObjectMapper();
            List<String> types = new ArrayList<>();
            for (String message : pages) {
                types.add(json.readTree(message).get("type").asText());
            }
            int pageStart = types.indexOf("gesture");
            int pageEnd = types.indexOf("end");
            assertTrue(pageStart >= 0 && pageEnd > pageStart, types.toString());
            JsonNode started = json.readTree(pages.get(pageStart));
            JsonNode ended = json.readTree(pages.get(pageEnd));
            assertEquals(gesture.arguments().get(0), started.get("gesture").asText());
            assertEquals(confidence, started.get("confidence").floatValue(), 1e-6f);
            assertEquals(started.get("start_frame").asLong(), ended.get("start_frame").asLong());
            assertTrue(ended.get("end_frame").asLong() > ended.get("start_frame").asLong(), ended.toString());
            assertEquals(CLASSES, json.convertValue(json.readTree(pages.get(types.indexOf("probabilities")))
                    .get("classes"), List.class));
            client.abort();
        }
    }

    @Test
    void jsonlPrintsTheSameEventsOnStandardOutput() throws Exception {
        Path video = SharedData.require(VIDEO);
        Path models = InstalledModels.require();
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("run", project.toString(), "--source", video.toString(), "--jsonl", "--models",
                models.toString(), "--max-frames", "40"), runner.err());
        ObjectMapper json = new ObjectMapper();
        List<String> types = new ArrayList<>();
        String gesture = null;
        for (String line : runner.out().strip().split("\n")) {
            JsonNode message = json.readTree(line);
            types.add(message.get("type").asText());
            if (message.get("type").asText().equals("gesture")) {
                gesture = message.get("gesture").asText();
                assertTrue(message.get("confidence").isNumber(), line);
            }
            if (message.get("type").asText().equals("end")) {
                assertEquals(gesture, message.get("gesture").asText(), "the end names the gesture that started");
            }
        }
        assertEquals("probabilities", types.get(0), types.toString());
        assertEquals(List.of("gesture", "end"), types.stream().filter(t -> !t.equals("probabilities")).toList());
        assertEquals("end", types.get(types.size() - 1), "the gesture in progress ends with the video");
    }

    @Test
    void runWithoutAnyOutputIsRefusedInPlainWords() {
        CliRunner runner = new CliRunner();
        assertEquals(1, runner.run("run", project.toString(), "--source", "testsrc"));
        assertTrue(runner.err().contains("Say where the events go"), runner.err());
        assertFalse(runner.err().contains("Exception"), runner.err());
    }

    /** Connects a WebSocket client, retrying while {@code run} starts its server. */
    private static WebSocket connect(int port, List<String> received, CompletableFuture<Integer> run)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new WebSocket.Listener() {
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
                        }).get(5, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (attempt > 200 || run.isDone()) {
                    throw new AssertionError("Cannot connect to run's WebSocket server", e);
                }
                Thread.sleep(20);
            }
        }
    }
}

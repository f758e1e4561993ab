package org.gesturelab.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.gesturelab.SharedData;
import org.gesturelab.app.AppContext;
import org.gesturelab.app.AppHarness;
import org.gesturelab.app.MainViewModel;
import org.gesturelab.app.common.EventOutputSettings;
import org.gesturelab.app.common.FxBackgroundExecutor;
import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.TestData;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switching OSC on in the Live screen sends the recognized gestures to a loopback UDP socket while a video plays,
 * switching it off stops them, and the target is remembered in the app settings. The model is trained on synthetic
 * clips; its stored thresholds are 0 so that the spotter surely opens an event on the real video.
 */
@ExtendWith(ApplicationExtension.class)
class LiveEventOutputsTest {

    private static final List<String> CLASSES = List.of("up", "down", "stop");

    @TempDir
    static Path folder;

    private MainViewModel main;
    private FxBackgroundExecutor executor;
    private AppContext context;

    @Start
    void start(Stage stage) {
        executor = new FxBackgroundExecutor(1);
        context = AppHarness.contextWithInstalledModels(folder, executor);
        main = AppHarness.show(stage, context, null);
    }

    @AfterEach
    void stop(FxRobot robot) {
        robot.interact(main::dispose);
        executor.shutdown();
    }

    @Test
    void switchingOscOnSendsTheLiveEventsToAUdpSocket(FxRobot robot) throws Exception {
        InstalledModels.require();
        Path video = SharedData.require("bodygesture15/videos_1m_upper/S1/videos/left_1_1m_upper.avi");
        Path dir = folder.resolve("events");
        LabeledClips clips = TestData.synthetic(3, 10, 31);
        try (Project project = Project.create(dir, "events", CLASSES)) {
            for (int i = 0; i < clips.size(); i++) {
                project.addClip(NewClip.labeled(clips.clips().get(i), ClipState.TRAIN, clips.labels()[i], "synthetic"));
            }
            try (SequenceClassifier classifier = ClassifierTrainer.train(project.labeledClips(ClipState.TRAIN),
                    TrainingConfig.defaults().withMaxEpochs(8), null, TaskMonitor.SILENT)) {
                ModelStore.saveAsCurrent(dir, classifier);
            }
        }
        new SpottingSettings(30, 2, 1, 0.0, 0.7, 1, 0, Map.of(), null, null)
                .write(ModelStore.current(dir).orElseThrow());
        robot.interact(() -> {
            try {
                main.projects().open(dir);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        LiveViewModel live = ((LiveScreen) main.screens().get(0)).viewModel();
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !live.classes().isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the model did not load: " + live.recognitionStatusProperty().get(), e);
        }

        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            udp.setSoTimeout(200);
            String port = Integer.toString(udp.getLocalPort());
            robot.interact(() -> {
                robot.lookup("#live-osc-host").queryAs(TextField.class).setText("127.0.0.1");
                robot.lookup("#live-osc-port").queryAs(TextField.class).setText(port);
            });
            robot.clickOn("#live-osc");
            WaitForAsyncUtils.waitForFxEvents();
            assertTrue(live.outputs().oscProperty().get(), live.outputs().statusProperty().get());
            assertTrue(robot.lookup("#live-osc-port").queryAs(TextField.class).isDisabled(),
                    "the port is fixed while OSC is on");
            EventOutputSettings saved = context.settings().get().eventOutputs();
            assertEquals(new EventOutputSettings(true, "127.0.0.1", udp.getLocalPort(), false,
                    EventOutputSettings.DEFAULT_WEBSOCKET_PORT), saved);

            robot.interact(() -> live.picker().addVideo(video));
            robot.clickOn("#live-play");
            List<String> addresses = new ArrayList<>();
            String gestureTypes = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (gestureTypes == null && System.nanoTime() < deadline) {
                DatagramPacket packet = receive(udp);
                if (packet != null) {
                    String address = osc(packet, 0);
                    addresses.add(address);
                    if (address.equals("/gesturelab/gesture")) {
                        gestureTypes = osc(packet, padded(address));
                    }
                }
            }
            assertEquals(",sf", gestureTypes, "a gesture start arrived: " + addresses);
            assertEquals("/gesturelab/probabilities", addresses.get(0), addresses.toString());

            robot.clickOn("#live-osc");
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(context.settings().get().eventOutputs().osc());
            // What was on its way is drained; after that nothing more comes while the video plays on.
            while (receive(udp) != null) {
                // drain
            }
            udp.setSoTimeout(1500);
            assertEquals(null, receive(udp), "OSC kept sending after it was switched off");
            // The feed stops before the next test class: its classifier must not run beside another's training.
            robot.interact(() -> live.picker().stop());
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !live.picker().feed().isRunning());
        }
    }

    private static DatagramPacket receive(DatagramSocket socket) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[2048], 2048);
        try {
            socket.receive(packet);
            return packet;
        } catch (SocketTimeoutException e) {
            return null;
        }
    }

    /** Reads the OSC string at an offset (NUL-terminated). */
    private static String osc(DatagramPacket packet, int offset) {
        int end = offset;
        while (packet.getData()[end] != 0) {
            end++;
        }
        return new String(packet.getData(), offset, end - offset, StandardCharsets.US_ASCII);
    }

    /** The length of an OSC string with its NUL and padding to 4 bytes. */
    private static int padded(String text) {
        return (text.length() / 4 + 1) * 4;
    }
}

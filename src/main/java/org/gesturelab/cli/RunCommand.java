package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;

import org.gesturelab.capture.FrameSource;
import org.gesturelab.capture.FrameSources;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Project;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.workflow.events.RecognizeLive;
import org.gesturelab.workflow.events.GestureEventSink;
import org.gesturelab.workflow.events.JsonLinesSink;
import org.gesturelab.workflow.events.OscEventSender;
import org.gesturelab.workflow.events.WebSocketEventServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab run DIR --source camera:0|VIDEO|testsrc [--osc HOST:PORT] [--websocket PORT] [--jsonl]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Recognize gestures headless with the project's current model and send them out as they "
                + "happen: OSC over UDP, a WebSocket server, or JSON lines on standard output. A video ends the run "
                + "at its end; a camera or the test pattern runs until Ctrl+C.")
public final class RunCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--source", required = true, paramLabel = "camera:0|VIDEO|testsrc",
            description = "Where the frames come from: a camera (camera:0), a video file, or FFmpeg's test pattern.")
    private String source;

    @Option(names = "--osc", paramLabel = "HOST:PORT",
            description = "Send OSC over UDP: /gesturelab/gesture s f, /gesturelab/end s, /gesturelab/probabilities "
                    + "f...")
    private String osc;

    @Option(names = "--websocket", paramLabel = "PORT",
            description = "Serve the events as JSON messages to WebSocket clients on this port.")
    private Integer websocket;

    @Option(names = "--jsonl", description = "Print the events as JSON lines on standard output.")
    private boolean jsonl;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "-1",
            description = "Stop after N frames (default: the whole source).")
    private long maxFrames;

    @CommandLine.Mixin
    private HolisticModelOptions holistic = new HolisticModelOptions();

    @Override
    public Integer call() throws Exception {
        if (osc == null && websocket == null && !jsonl) {
            throw new GestureLabException("Say where the events go: --osc HOST:PORT, --websocket PORT or --jsonl.");
        }
        if (websocket != null && (websocket < 1 || websocket > 65535)) {
            throw new GestureLabException("--websocket takes a port from 1 to 65535, not " + websocket + ".");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<GestureEventSink> sinks = new ArrayList<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        // Ctrl+C: let the recognizer end the gesture in progress and close the sockets before the JVM exits.
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            try {
                finished.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gesturelab-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Project project = Project.openReadOnly(dir)) {
            // Sinks first: a page can connect while the models load.
            if (osc != null) {
                sinks.add(OscEventSender.open(osc));
            }
            if (websocket != null) {
                WebSocketEventServer server = new WebSocketEventServer(websocket);
                sinks.add(server);
                err.println("WebSocket server on port " + server.port());
            }
            if (jsonl) {
                sinks.add(new JsonLinesSink(spec.commandLine().getOut()));
            }
            err.println("Recognizing " + source + "; press Ctrl+C to stop.");
            err.flush();
            TaskMonitor monitor = new TaskMonitor() {
                @Override
                public void update(String message, long done, long total) {
                }

                @Override
                public boolean isCancelled() {
                    return interrupted.get() || Thread.currentThread().isInterrupted();
                }
            };
            RecognizeLive.Summary summary;
            try (FrameSource frames = FrameSources.open(source)) {
                summary = RecognizeLive.run(project, frames, () -> new HolisticPipeline(holistic.holisticOptions()),
                        sinks, maxFrames, monitor);
            }
            err.printf("%s: %d frames, %d gestures (%s thresholds).%n", summary.cancelled() ? "Stopped" : "Done",
                    summary.frames(), summary.gestures(), summary.calibrated() ? "calibrated" : "default");
            err.flush();
            return 0;
        } finally {
            for (GestureEventSink sink : sinks) {
                sink.close();
            }
            finished.countDown();
            if (!interrupted.get()) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // The JVM is already shutting down; the hook waits for us.
                }
            }
        }
    }
}

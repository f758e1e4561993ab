package org.gesturelab.app.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.gesturelab.capture.CaptureException;
import org.gesturelab.capture.Frame;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.keypoints.FrameKeypoints;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.keypoints.Stage;
import org.gesturelab.core.CancelledException;
import org.gesturelab.core.TaskMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one video feed, shared by the Live and Record screens: it reads a {@link FrameSource} through MediaPipe
 * Holistic's {@link HolisticPipeline} (decoding, pose, and hands with face on three threads; a camera keeps only the
 * newest frame, so latency never grows), paces files to real time (and loops them, like a camera that never ends),
 * and hands each frame with its keypoints to the listeners, on the pipeline's delivering thread. Listeners must be
 * quick; they publish pictures to a {@code VideoView} and append to buffers, and anything slower runs elsewhere.
 *
 * <p>Without the models the feed still plays, frames then come without keypoints. Only one source plays at a time:
 * starting another stops the first.
 */
public final class LiveFeed implements AutoCloseable {

    /** Receives what the feed produces, on the feed's thread. */
    public interface Listener {

        /**
         * A frame arrived.
         *
         * @param frame the frame, with its keypoints when the models are installed
         */
        void frame(LiveFrame frame);

        /**
         * The feed stopped by itself: its source failed or ended (never after {@link LiveFeed#stop()}).
         *
         * @param error what went wrong, for a person to read, or null after a normal stop
         */
        default void stopped(String error) {
        }

        /**
         * The feed stopped by itself, with the technical detail behind the error.
         *
         * @param error what went wrong, for a person to read, or null after a normal stop
         * @param detail the underlying cause's message (FFmpeg's own words), or null
         */
        default void stopped(String error, String detail) {
            stopped(error);
        }
    }

    /** Loads the keypoint pipeline; it throws when the models are not installed. */
    @FunctionalInterface
    public interface PipelineFactory {
        /**
         * Loads the pipeline.
         *
         * @return the pipeline
         */
        HolisticPipeline create();
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final PipelineFactory pipelineFactory;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private Thread thread;
    /** Each playback has its own stop flag, so a slow-to-close old source never sees a newer start's reset. */
    private AtomicBoolean stopFlag = new AtomicBoolean();
    private HolisticPipeline pipeline;
    private volatile String keypointProblem;
    private volatile double keypointMillis;
    private volatile String description = "";
    private volatile double fps;

    /**
     * Creates a feed.
     *
     * @param pipelineFactory loads MediaPipe Holistic when playing starts, or null for video without keypoints
     */
    public LiveFeed(PipelineFactory pipelineFactory) {
        this.pipelineFactory = pipelineFactory;
    }

    /** Returns why frames come without keypoints (models missing), or null when keypoints are found. */
    public String keypointProblem() {
        return keypointProblem;
    }

    /** Returns the time the keypoints of the last frame took, in milliseconds. */
    public double keypointMillis() {
        return keypointMillis;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Removes a listener.
     *
     * @param listener the listener
     */
    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /**
     * Starts playing a source, stopping the one that plays. Opening happens on the feed's thread, so a slow camera
     * never blocks the caller.
     *
     * @param opener opens the source; it may throw {@link CaptureException}
     * @param loop whether to reopen the source when it ends (files)
     */
    public void start(Supplier<FrameSource> opener, boolean loop) {
        synchronized (lock) {
            stop();
            AtomicBoolean stopRequested = new AtomicBoolean();
            stopFlag = stopRequested;
            Thread worker = new Thread(() -> run(opener, loop, stopRequested), "gesturelab-live-feed");
            worker.setDaemon(true);
            thread = worker;
            worker.start();
        }
    }

    /** Stops playing and waits (briefly) for the source to be released. */
    public void stop() {
        Thread running;
        synchronized (lock) {
            running = thread;
            thread = null;
            stopFlag.set(true);
            HolisticPipeline current = pipeline;
            if (current != null) {
                current.stop();
            }
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Returns whether a source is playing. */
    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }

    /** Returns the frames per second delivered over the last second. */
    public double fps() {
        return fps;
    }

    /** Returns the playing source's description. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        stop();
        synchronized (lock) {
            if (pipeline != null) {
                pipeline.close();
                pipeline = null;
            }
        }
    }

    private void run(Supplier<FrameSource> opener, boolean loop, AtomicBoolean stopRequested) {
        String error = null;
        String detail = null;
        try {
            do {
                try (FrameSource source = opener.get()) {
                    description = source.description();
                    HolisticPipeline keypoints = loadPipeline();
                    Pacer pacer = new Pacer(source.live(), stopRequested);
                    if (keypoints == null) {
                        for (Frame frame = source.next(); frame != null && !stopRequested.get();
                                frame = source.next()) {
                            pacer.deliver(frame, null, System.nanoTime());
                        }
                    } else {
                        TaskMonitor monitor = new TaskMonitor() {
                            @Override
                            public void update(String message, long done, long total) {
                            }

                            @Override
                            public boolean isCancelled() {
                                return stopRequested.get();
                            }
                        };
                        keypoints.run(source, -1, (frame, found) -> {
                            Double total = found.stageMillis().get(Stage.TOTAL);
                            keypointMillis = total == null ? 0 : total;
                            pacer.deliver(frame, found, System.nanoTime() - (long) (keypointMillis * 1e6));
                        }, monitor);
                    }
                }
            } while (loop && !stopRequested.get());
        } catch (CaptureException e) {
            error = e.getMessage();
            detail = e.getCause() == null ? null : e.getCause().getMessage();
        } catch (CancelledException e) {
            error = null;
        } catch (RuntimeException e) {
            LOG.warn("Live feed failed", e);
            error = "The video stopped: " + e.getMessage();
        }
        fps = 0;
        // A stop that someone asked for is no news to them; report only ends and failures.
        if (error != null || !stopRequested.get()) {
            for (Listener listener : listeners) {
                listener.stopped(error, detail);
            }
        }
    }

    private HolisticPipeline loadPipeline() {
        if (pipelineFactory == null) {
            keypointProblem = "Keypoints are off.";
            return null;
        }
        synchronized (lock) {
            // Loading the ONNX sessions takes a second or two; it happens once per app.
            if (pipeline == null) {
                try {
                    pipeline = pipelineFactory.create();
                    keypointProblem = null;
                } catch (RuntimeException e) {
                    keypointProblem = e.getMessage();
                    LOG.info("Live feed runs without keypoints: {}", e.getMessage());
                }
            }
            return pipeline;
        }
    }

    /** Hands frames to the listeners, at the file's own pace for files, and measures the frame rate. */
    private final class Pacer {
        private final boolean live;
        private final AtomicBoolean stopRequested;
        private long startNanos = -1;
        private long firstTimestamp;
        private long windowStart = System.nanoTime();
        private int windowFrames;

        Pacer(boolean live, AtomicBoolean stopRequested) {
            this.live = live;
            this.stopRequested = stopRequested;
        }

        void deliver(Frame frame, FrameKeypoints keypoints, long arrivedNanos) {
            if (stopRequested.get()) {
                return;
            }
            if (!live) {
                // Files decode far faster than real time: show them at their own pace.
                if (startNanos < 0) {
                    startNanos = System.nanoTime();
                    firstTimestamp = frame.timestampMillis();
                }
                long wait = startNanos + (frame.timestampMillis() - firstTimestamp) * 1_000_000 - System.nanoTime();
                if (wait > 0) {
                    sleep(wait);
                }
            }
            LiveFrame delivered = new LiveFrame(frame, keypoints, arrivedNanos);
            for (Listener listener : listeners) {
                listener.frame(delivered);
            }
            windowFrames++;
            long now = System.nanoTime();
            if (now - windowStart >= 1_000_000_000L) {
                fps = windowFrames * 1e9 / (now - windowStart);
                windowStart = now;
                windowFrames = 0;
            }
        }
    }

    private static void sleep(long nanos) {
        try {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.gesturelab.app.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.gesturelab.capture.CaptureException;
import org.gesturelab.capture.Frame;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.keypoints.FrameKeypoints;
import org.gesturelab.keypoints.HolisticTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's one video feed, shared by the Live and Record screens: a daemon thread reads a {@link FrameSource},
 * paces files to real time (and loops them, like a camera that never ends), and hands each frame to the listeners on
 * that thread. Listeners must be quick; they publish pictures to a {@code VideoView} and append to buffers, and
 * anything slower runs elsewhere.
 *
 * <p>Only one source plays at a time: starting another stops the first.
 */
public final class LiveFeed implements AutoCloseable {

    /** Receives what the feed produces, on the feed's thread. */
    public interface Listener {

        /**
         * A frame arrived.
         *
         * @param frame the frame, with its keypoints when a tracker runs
         */
        void frame(LiveFrame frame);

        /**
         * The feed stopped by itself: its source failed or ended (never after {@link LiveFeed#stop()}).
         *
         * @param error what went wrong, for a person to read, or null after a normal stop
         */
        default void stopped(String error) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    /** Makes the keypoint tracker; it may throw when the models are not installed. */
    @FunctionalInterface
    public interface TrackerFactory {
        /**
         * Loads the tracker.
         *
         * @return the tracker
         */
        HolisticTracker create();
    }

    private final TrackerFactory trackerFactory;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private HolisticTracker tracker;
    private volatile String keypointProblem;
    private volatile double keypointMillis;
    private final Object lock = new Object();
    private Thread thread;
    /** Each playback has its own stop flag, so a slow-to-close old source never sees a newer start's reset. */
    private AtomicBoolean stopFlag = new AtomicBoolean();
    private volatile String description = "";
    private volatile double fps;

    /**
     * Creates a feed.
     *
     * @param trackerFactory loads MediaPipe Holistic on the feed's thread when playing starts, or null for video
     *     without keypoints
     */
    public LiveFeed(TrackerFactory trackerFactory) {
        this.trackerFactory = trackerFactory;
    }

    /** Returns why frames come without keypoints (models missing), or null when keypoints are found. */
    public String keypointProblem() {
        return keypointProblem;
    }

    /** Returns the time the keypoint tracker took for the last frame, in milliseconds. */
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
        }
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(2000);
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
        if (tracker != null) {
            tracker.close();
            tracker = null;
        }
    }

    private void run(Supplier<FrameSource> opener, boolean loop, AtomicBoolean stopRequested) {
        String error = null;
        try {
            do {
                try (FrameSource source = opener.get()) {
                    description = source.description();
                    loadTracker();
                    play(source, stopRequested);
                }
            } while (loop && !stopRequested.get());
        } catch (CaptureException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warn("Live feed failed", e);
            error = "The video stopped: " + e;
        }
        fps = 0;
        // A stop that someone asked for is no news to them; report only ends and failures.
        if (error != null || !stopRequested.get()) {
            for (Listener listener : listeners) {
                listener.stopped(error);
            }
        }
    }

    private void loadTracker() {
        if (trackerFactory == null) {
            keypointProblem = "Keypoints are off.";
            return;
        }
        // Loading the ONNX sessions takes a second or two; it happens once, on the feed's thread.
        if (tracker == null) {
            try {
                tracker = trackerFactory.create();
                keypointProblem = null;
            } catch (RuntimeException e) {
                keypointProblem = e.getMessage();
                LOG.info("Live feed runs without keypoints: {}", e.getMessage());
                return;
            }
        }
        tracker.reset();
    }

    private FrameKeypoints keypoints(Frame frame, boolean still) {
        if (tracker == null) {
            return null;
        }
        long start = System.nanoTime();
        FrameKeypoints found = tracker.process(frame, still);
        keypointMillis = (System.nanoTime() - start) / 1e6;
        return found;
    }

    private void play(FrameSource source, AtomicBoolean stopRequested) {
        long startNanos = System.nanoTime();
        long firstTimestamp = -1;
        long windowStart = System.nanoTime();
        int windowFrames = 0;
        while (!stopRequested.get()) {
            Frame frame = source.next();
            if (frame == null) {
                return;
            }
            if (!source.live()) {
                // Files decode far faster than real time: show them at their own pace.
                if (firstTimestamp < 0) {
                    firstTimestamp = frame.timestampMillis();
                }
                long due = startNanos + (frame.timestampMillis() - firstTimestamp) * 1_000_000;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    sleep(wait);
                }
            }
            long arrived = System.nanoTime();
            LiveFrame live = new LiveFrame(frame, keypoints(frame, source.stills()), arrived);
            for (Listener listener : listeners) {
                listener.frame(live);
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

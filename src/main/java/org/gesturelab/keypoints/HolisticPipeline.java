package org.gesturelab.keypoints;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.capture.Frame;
import org.gesturelab.capture.FrameSource;
import org.gesturelab.core.TaskMonitor;

/**
 * Holistic over a whole stream, pipelined on three threads: one decodes, one finds the pose and face of frame n + 1
 * while the calling thread finds the hands of frame n and hands the result to the listener. On two cores the two
 * halves, of about equal cost, then run side by side.
 *
 * <p>Files lose no frame: the decoder waits for the pose worker. Live sources (cameras, the paced test pattern)
 * keep only the newest decoded frame: when the pose worker is busy the older frame is dropped, so latency never
 * grows however slow the machine.
 *
 * <p>Each worker owns its ONNX sessions (pose and face models on the pose thread, hand models on the calling
 * thread). One pipeline runs one stream at a time; it can run several streams one after another, forgetting what it
 * tracked between them.
 */
public final class HolisticPipeline implements AutoCloseable {

    private static final int FILE_QUEUE = 4;
    private static final int RESULT_QUEUE = 2;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final PoseTracker pose;
    private final HandFaceTracker handsAndFace;
    private final ModelTimes modelTimes = new ModelTimes();
    private volatile boolean stopRequested;

    /** A decoded frame with its decode time, or the end marker. */
    private record Decoded(Frame frame, double decodeMillis) {
        static final Decoded END = new Decoded(null, 0);
    }

    /** A frame whose pose is known, or the end marker. */
    private record Posed(Frame frame, FrameImage image, float[] pose, float[] face, Map<Stage, Double> timings,
            long startNanos) {
        static final Posed END = new Posed(null, null, null, null, null, 0);
    }

    /**
     * How a run went.
     *
     * @param framesRead frames the source delivered
     * @param framesProcessed frames that went through the whole pipeline
     * @param framesDropped frames a live source replaced by newer ones
     * @param seconds wall time
     * @param cpuSeconds CPU time of the decode, pose and hands-and-face threads, in that order
     */
    public record RunSummary(long framesRead, long framesProcessed, long framesDropped, double seconds,
            double[] cpuSeconds) {

        /**
         * Returns the frame rate two otherwise idle cores would reach, from the threads' CPU time: the busiest
         * thread and half the total both bound the time per frame. On a shared machine wall-clock rates fall with
         * other programs' load; CPU time much less.
         *
         * @return frames per second
         */
        public double projectedFramesPerSecondOnTwoCores() {
            double total = 0;
            double busiest = 0;
            for (double cpu : cpuSeconds) {
                total += cpu;
                busiest = Math.max(busiest, cpu);
            }
            double bound = Math.max(busiest, total / 2);
            return bound > 0 ? framesProcessed / bound : 0;
        }

        /** Returns processed frames per second of wall time. */
        public double framesPerSecond() {
            return seconds > 0 ? framesProcessed / seconds : 0;
        }
    }

    /**
     * Loads all models.
     *
     * @param options which models and where they are
     */
    public HolisticPipeline(HolisticOptions options) {
        pose = new PoseTracker(options.poseModel(), options.modelDir(), modelTimes);
        try {
            handsAndFace = new HandFaceTracker(options.face(), options.modelDir(), modelTimes);
        } catch (RuntimeException e) {
            pose.close();
            throw e;
        }
    }

    /** Asks a running {@link #run} to finish after the frame in progress; safe from any thread. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Runs Holistic over a source until it ends, {@link #stop()} is called, the monitor cancels or {@code maxFrames}
     * frames were read. Blocks the calling thread, which also calls the listener.
     *
     * @param source the frames; not closed here
     * @param maxFrames the most frames to read, or a negative number for all
     * @param listener receives every processed frame in order
     * @param monitor progress and cancel; progress counts processed frames against the source's frame count
     * @return counts and time
     * @throws GestureLabException when the source or a model fails
     * @throws org.gesturelab.core.CancelledException when the monitor cancels
     */
    public RunSummary run(FrameSource source, long maxFrames, KeypointListener listener, TaskMonitor monitor) {
        stopRequested = false;
        pose.reset();
        handsAndFace.reset();
        boolean live = source.live();
        boolean stills = source.stills();
        BlockingQueue<Decoded> decoded = new ArrayBlockingQueue<>(live ? 1 : FILE_QUEUE);
        BlockingQueue<Posed> posed = new ArrayBlockingQueue<>(RESULT_QUEUE);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong[] counts = {new AtomicLong(), new AtomicLong()};
        AtomicLong[] cpuNanos = {new AtomicLong(), new AtomicLong()};
        long callerCpuStart = THREADS.getCurrentThreadCpuTime();
        long startNanos = System.nanoTime();

        Thread decoder = new Thread(() -> {
            decode(source, maxFrames, live, decoded, counts, failure);
            cpuNanos[0].set(THREADS.getCurrentThreadCpuTime());
        }, "keypoints-decode");
        Thread poser = new Thread(() -> {
            findPoses(decoded, posed, stills, failure);
            cpuNanos[1].set(THREADS.getCurrentThreadCpuTime());
        }, "keypoints-pose");
        decoder.setDaemon(true);
        poser.setDaemon(true);
        decoder.start();
        poser.start();
        long processed = 0;
        long total = source.frameCount();
        if (maxFrames >= 0 && (total < 0 || maxFrames < total)) {
            total = maxFrames;
        }
        try {
            while (true) {
                Posed item = posed.poll(100, TimeUnit.MILLISECONDS);
                if (item == null) {
                    rethrow(failure.get());
                    if (monitor.isCancelled()) {
                        stopRequested = true;
                    }
                    continue;
                }
                if (item.frame() == null) {
                    break;
                }
                try (FrameImage image = item.image()) {
                    HandFaceTracker.Hands hands = handsAndFace.findHands(image, item.pose(), stills,
                            item.timings());
                    item.timings().put(Stage.TOTAL, (System.nanoTime() - item.startNanos()) / 1e6);
                    Frame frame = item.frame();
                    FrameKeypoints keypoints = new FrameKeypoints(frame.index(), frame.timestampMillis(),
                            frame.width(), frame.height(), item.pose(), item.face(), hands.left(), hands.right(),
                            item.timings());
                    listener.onFrame(frame, keypoints);
                }
                processed++;
                monitor.update("Finding keypoints", processed, total);
                if (monitor.isCancelled()) {
                    stopRequested = true;
                }
            }
            rethrow(failure.get());
            monitor.checkCancelled();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopRequested = true;
            throw new GestureLabException("Interrupted while finding keypoints.", e);
        } finally {
            stopRequested = true;
            drain(posed, decoder, poser);
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double[] cpu = {cpuNanos[0].get() / 1e9, cpuNanos[1].get() / 1e9,
            (THREADS.getCurrentThreadCpuTime() - callerCpuStart) / 1e9};
        return new RunSummary(counts[0].get(), processed, counts[1].get(), seconds, cpu);
    }

    private void decode(FrameSource source, long maxFrames, boolean live, BlockingQueue<Decoded> out, AtomicLong[] counts,
            AtomicReference<Throwable> failure) {
        try {
            while (!stopRequested && (maxFrames < 0 || counts[0].get() < maxFrames)) {
                long start = System.nanoTime();
                Frame frame = source.next();
                if (frame == null) {
                    break;
                }
                counts[0].incrementAndGet();
                Decoded item = new Decoded(frame, (System.nanoTime() - start) / 1e6);
                if (live) {
                    // Newest frame wins: replace a frame the pose worker has not taken yet.
                    if (out.poll() != null) {
                        counts[1].incrementAndGet();
                    }
                    out.offer(item);
                } else {
                    while (!stopRequested && !out.offer(item, 100, TimeUnit.MILLISECONDS)) {
                        // The pose worker is busy; files must not lose frames, so wait.
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        } finally {
            putEnd(out, Decoded.END);
        }
    }

    private void findPoses(BlockingQueue<Decoded> in, BlockingQueue<Posed> out, boolean stills,
            AtomicReference<Throwable> failure) {
        try {
            while (true) {
                Decoded item = in.poll(100, TimeUnit.MILLISECONDS);
                if (item == null) {
                    if (stopRequested && failure.get() != null) {
                        break;
                    }
                    continue;
                }
                if (item.frame() == null) {
                    break;
                }
                long start = System.nanoTime();
                Map<Stage, Double> timings = new EnumMap<>(Stage.class);
                timings.put(Stage.DECODE, item.decodeMillis());
                FrameImage image = new FrameImage(item.frame());
                float[] found;
                float[] face;
                try {
                    found = pose.track(image, stills, timings);
                    face = handsAndFace.findFace(image, found, stills, timings);
                } catch (RuntimeException e) {
                    image.close();
                    throw e;
                }
                Posed result = new Posed(item.frame(), image, found, face, timings, start);
                boolean handed = false;
                while (!handed) {
                    if (stopRequested) {
                        image.close();
                        break;
                    }
                    handed = out.offer(result, 100, TimeUnit.MILLISECONDS);
                }
                if (!handed) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            failure.compareAndSet(null, e);
        } finally {
            putEnd(out, Posed.END);
        }
    }

    private <T> void putEnd(BlockingQueue<T> queue, T end) {
        try {
            // Wait for room while the consumer is still reading: the frames ahead of the marker must not be lost.
            while (!stopRequested) {
                if (queue.offer(end, 100, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Stopping: the consumer may have stopped reading, so make room rather than block forever.
        while (!queue.offer(end)) {
            T dropped = queue.poll();
            if (dropped instanceof Posed p && p.image() != null) {
                p.image().close();
            }
        }
    }

    private static void drain(BlockingQueue<Posed> posed, Thread decoder, Thread poser) {
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((decoder.isAlive() || poser.isAlive()) && System.nanoTime() < deadline) {
                Posed item = posed.poll(50, TimeUnit.MILLISECONDS);
                if (item != null && item.image() != null) {
                    item.image().close();
                }
            }
            for (Posed item = posed.poll(); item != null; item = posed.poll()) {
                if (item.image() != null) {
                    item.image().close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure == null) {
            return;
        }
        if (failure instanceof GestureLabException g) {
            throw g;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        throw new GestureLabException("Finding keypoints failed: " + failure.getMessage(), failure);
    }

    /** Returns the forward-pass times of every model this instance ran. */
    public ModelTimes modelTimes() {
        return modelTimes;
    }

    @Override
    public void close() {
        pose.close();
        handsAndFace.close();
    }
}

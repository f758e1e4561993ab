package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import org.gesturelab.keypoints.KeypointExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;

/**
 * Cuts a long recording into overlapping windows, by default into the pool: windows start every {@code stride}
 * frames and are {@code window} frames long; the tail that does not fill a window is left out. Every window
 * remembers its recording and start frame, so that strategies can tell neighbouring windows apart.
 */
public final class RecordingImport {

    private RecordingImport() {
    }

    /**
     * How to cut and place the windows.
     *
     * @param window frames per window
     * @param stride frames between window starts
     * @param state the state of every window
     * @param label the class of every window for train and test (required there), the hidden class for the pool,
     *     or null
     * @param person the person in the recording ({@code --person}), or null
     */
    public record Options(int window, int stride, ClipState state, String label, String person) {

        /** Windows of an unknown person. */
        public Options(int window, int stride, ClipState state, String label) {
            this(window, stride, state, label, null);
        }

        /** Checks the numbers and that train and test windows get a class. */
        public Options {
            if (window <= 0 || stride <= 0) {
                throw new GestureLabException("Window (" + window + ") and stride (" + stride
                        + ") must be positive.");
            }
            if (state.isLabeled() && label == null) {
                throw new GestureLabException("A recording imported as " + state.name().toLowerCase()
                        + " needs a class for its windows (--label).");
            }
        }

        /** Returns unlabeled pool windows. */
        public static Options pool(int window, int stride) {
            return new Options(window, stride, ClipState.POOL, null);
        }
    }

    /**
     * Imports a keypoint recording stored as {@code .npy}: frames x values (1662, 258, 132, or 2004 per frame),
     * or a 3-D array whose trailing dimensions multiply to one of those (MediaPipe Pose's frames x 33 x 4).
     *
     * @param project the project
     * @param file the recording
     * @param options windowing and placement
     * @param monitor progress and cancellation
     * @return what was added
     * @throws IOException if the file cannot be read
     */
    public static ImportResult importNpy(Project project, Path file, Options options, TaskMonitor monitor)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new GestureLabException(file + " is not a file.");
        }
        Npy.Array array = Npy.read(file, Limits.maxRecordingValues());
        if (array.shape().length < 2) {
            throw new GestureLabException(file + " holds a single vector; a recording is frames x values.");
        }
        float[][] frames = new float[array.rows()][];
        for (int f = 0; f < frames.length; f++) {
            frames[f] = Frames.toHolistic(array.data(), f * array.columns(), array.columns(), file + " frame " + f);
        }
        return importFrames(project, file, "npy-recording", frames, options, monitor);
    }

    /**
     * The command line's stride between window starts: a third of the window, at least 1 frame (10 for 30-frame
     * clips, as before clip lengths could change; 3 for 9-frame clips; 1 for static poses).
     *
     * @param window the window length in frames
     * @return the stride
     */
    public static int defaultStride(int window) {
        return Math.max(1, Math.round(window / 3f));
    }

    /**
     * Where a recording's windows start: every {@code stride} frames from the first, as many whole windows as fit;
     * the frames after the last whole window are left out. One rule for imported recordings and the Record screen's
     * footage.
     *
     * @param frames the recording's length
     * @param window the window length
     * @param stride frames between window starts
     * @return the first frame of each window, in order; empty when not one window fits
     */
    public static int[] windowStarts(int frames, int window, int stride) {
        if (frames < window) {
            return new int[0];
        }
        int[] starts = new int[(frames - window) / stride + 1];
        for (int w = 0; w < starts.length; w++) {
            starts[w] = w * stride;
        }
        return starts;
    }

    /**
     * Imports a video recording through the keypoint engine.
     *
     * @param project the project
     * @param video the video file
     * @param extractor the keypoint engine
     * @param options windowing and placement
     * @param monitor progress and cancellation
     * @return what was added
     * @throws IOException if the video cannot be read
     */
    public static ImportResult importVideo(Project project, Path video, KeypointExtractor extractor, Options options,
            TaskMonitor monitor) throws IOException {
        float[][] frames = extractor.extract(video, monitor);
        return importFrames(project, video, "video-recording", frames, options, monitor);
    }

    /**
     * Imports a keypoint recording with its segments file (the stream format, {@link KeypointStream}) into the pool:
     * each window's hidden label is the class covering most of its frames, Nothing where frames in no segment are
     * the most (the project's Nothing class, created if needed). Simulations then know the truth of every window.
     *
     * @param project the project
     * @param file the recording ({@code .npy}, frames x 1662)
     * @param segmentsFile its {@code start,end,label} file
     * @param window frames per window
     * @param stride frames between window starts
     * @param monitor progress and cancellation
     * @return what was added
     * @throws IOException if a file cannot be read
     */
    public static ImportResult importSegmented(Project project, Path file, Path segmentsFile, int window, int stride,
            TaskMonitor monitor) throws IOException {
        return importSegmented(project, file, segmentsFile, new Options(window, stride, ClipState.POOL, null), monitor);
    }

    /**
     * The same, with the windowing and the person in {@code options} (its state must be the pool, its label null).
     *
     * @see #importSegmented(Project, Path, Path, int, int, TaskMonitor)
     */
    public static ImportResult importSegmented(Project project, Path file, Path segmentsFile, Options options,
            TaskMonitor monitor) throws IOException {
        KeypointStream stream = KeypointStream.read(file, segmentsFile);
        String nothing = project.nothingClass().orElse(NothingClass.DEFAULT_NAME);
        return importFrames(project, file, "segmented-recording", stream.frames(), options, monitor,
                (start, length) -> majority(stream.segments(), start, length, nothing));
    }

    /** The class covering most of {@code [start, start + length)}; Nothing for frames in no segment; a tie goes to the
     * segment listed first, Nothing last. */
    static String majority(List<Segment> segments, long start, int length, String nothing) {
        Map<String, Long> frames = new LinkedHashMap<>();
        long covered = 0;
        for (Segment segment : segments) {
            long overlap = segment.overlap(start, start + length);
            if (overlap > 0) {
                frames.merge(segment.label(), overlap, Long::sum);
                covered += overlap;
            }
        }
        frames.merge(nothing, length - covered, Long::sum);
        return frames.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** Names the hidden class of the window starting at a frame, or null for none. */
    @FunctionalInterface
    interface WindowTruth {
        String classOf(int start, int length);
    }

    static ImportResult importFrames(Project project, Path file, String kind, float[][] frames, Options options,
            TaskMonitor monitor) {
        return importFrames(project, file, kind, frames, options, monitor, null);
    }

    static ImportResult importFrames(Project project, Path file, String kind, float[][] frames, Options options,
            TaskMonitor monitor, WindowTruth truth) {
        if (frames.length < options.window()) {
            throw new GestureLabException(file + " has " + frames.length + " frames, fewer than one window of "
                    + options.window() + ".");
        }
        int[] starts = windowStarts(frames.length, options.window(), options.stride());
        int windows = starts.length;
        try (ImportSession session = new ImportSession(project, kind, ClassMapping.NONE, options.person(), file,
                monitor)) {
            Integer classIndex = options.label() == null ? null : session.batch.classIndex(options.label());
            long recording = session.batch.addRecording(file.toAbsolutePath().toString(), frames.length);
            for (int w = 0; w < windows; w++) {
                int start = starts[w];
                float[][] window = new float[options.window()][];
                System.arraycopy(frames, start, window, 0, options.window());
                NewClip clip = classIndex == null
                        ? new NewClip(window, options.state(), null, null, file.getFileName() + "@" + start, null,
                                null, null)
                        : NewClip.ofClass(window, options.state(), classIndex, file.getFileName() + "@" + start);
                if (truth != null) {
                    clip = clip.withHiddenLabel(session.batch.classIndex(truth.classOf(start, options.window())));
                }
                session.add(clip.withRecording(recording, start), "Importing " + file.getFileName(), w + 1, windows);
            }
            int left = frames.length - (starts[windows - 1] + options.window());
            if (left > 0) {
                session.warnings.add("The last " + left + " frames of " + file.getFileName()
                        + " do not fill a window and were left out.");
            }
            return session.commit();
        }
    }
}

package org.gesturelab.dataset;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.Npy;

/**
 * A keypoint recording with its true segments: the stream format. On disk, {@code NAME.npy} (float32,
 * frames x 1662, as {@code extract} writes it) and {@code NAME.segments.csv} with the header {@code start,end,label}
 * (frames, end exclusive); frames in no segment are Nothing, and a file with only its header is legal.
 *
 * @param frames frames x features
 * @param segments the true gestures, in frame order, not overlapping
 */
public record KeypointStream(float[][] frames, List<Segment> segments) {

    /** The segments file's header line. */
    public static final String HEADER = "start,end,label";
    /** The suffix of the segments file beside {@code NAME.npy}. */
    public static final String SEGMENTS_SUFFIX = ".segments.csv";

    /**
     * Validates the stream.
     *
     * @throws GestureLabException if segments overlap or run past the end
     */
    public KeypointStream {
        segments = segments.stream().sorted(Comparator.comparingLong(Segment::start)).toList();
        long previousEnd = 0;
        for (Segment segment : segments) {
            if (segment.start() < previousEnd) {
                throw new GestureLabException("Segments overlap at frame " + segment.start() + ".");
            }
            if (segment.end() > frames.length) {
                throw new GestureLabException("The segment " + segment.start() + ".." + segment.end()
                        + " ends after the recording's " + frames.length + " frames.");
            }
            previousEnd = segment.end();
        }
    }

    /** Returns the number of frames in no segment (Nothing). */
    public long nothingFrames() {
        return frames.length - segments.stream().mapToLong(Segment::length).sum();
    }

    /** Returns the segments file that belongs beside a recording. */
    public static Path segmentsFileOf(Path recording) {
        String name = recording.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".npy")
                ? name.substring(0, name.length() - 4) : name.replaceFirst("\\.[^.]*$", "");
        return recording.resolveSibling(stem + SEGMENTS_SUFFIX);
    }

    /**
     * Reads a recording and its segments.
     *
     * @param recording the {@code .npy} file
     * @param segmentsFile its segments CSV
     * @return the stream
     * @throws IOException if a file cannot be read
     * @throws GestureLabException if either is malformed
     */
    public static KeypointStream read(Path recording, Path segmentsFile) throws IOException {
        if (!Files.isRegularFile(recording)) {
            throw new GestureLabException("The recording " + recording + " does not exist.");
        }
        Npy.Array array = Npy.read(recording);
        if (array.shape().length != 2 || array.columns() != KeypointLayout.FEATURES) {
            throw new GestureLabException(recording + " holds an array of shape "
                    + java.util.Arrays.toString(array.shape()) + "; a recording is frames x "
                    + KeypointLayout.FEATURES + ".");
        }
        return new KeypointStream(array.toMatrix(), readSegments(segmentsFile));
    }

    /**
     * Reads a segments file.
     *
     * @param file the CSV
     * @return its segments
     * @throws IOException if it cannot be read
     * @throws GestureLabException naming the bad line
     */
    public static List<Segment> readSegments(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new GestureLabException("The segments file " + file + " does not exist; it lists the true "
                    + "gestures as " + HEADER + " (end exclusive). Name another one with --segments.");
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new GestureLabException(file + " must start with the header line '" + HEADER + "'.");
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split(",", 3);
            try {
                if (parts.length != 3) {
                    throw new GestureLabException("it needs three fields");
                }
                String label = parts[2].strip();
                if (label.length() >= 2 && label.startsWith("\"") && label.endsWith("\"")) {
                    label = label.substring(1, label.length() - 1).replace("\"\"", "\"");
                }
                segments.add(new Segment(Long.parseLong(parts[0].strip()), Long.parseLong(parts[1].strip()), label));
            } catch (NumberFormatException | GestureLabException e) {
                throw new GestureLabException(file + " line " + (i + 1) + " is not 'start,end,label': "
                        + e.getMessage(), e);
            }
        }
        return segments;
    }

    /**
     * Writes {@code NAME.npy} and {@code NAME.segments.csv}.
     *
     * @param recording the {@code .npy} path
     * @throws IOException if writing fails
     */
    public void write(Path recording) throws IOException {
        Npy.write(recording, frames);
        try (BufferedWriter out = Files.newBufferedWriter(segmentsFileOf(recording), StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (Segment segment : segments) {
                String label = segment.label();
                if (label.contains(",") || label.contains("\"")) {
                    label = "\"" + label.replace("\"", "\"\"") + "\"";
                }
                out.write(segment.start() + "," + segment.end() + "," + label + "\n");
            }
        }
    }
}

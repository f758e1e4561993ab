package org.gesturelab.dataset;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;

/**
 * Keypoints as comma-separated text with the class in the first column, as the scikit-learn holistic-landmark
 * tutorial writes its {@code coords.csv} (header {@code class,x1,y1,z1,v1,...}).
 *
 * <h2>Import</h2>
 * <p>A header is recognised when the second field of the first line is not a number. Each row holds either one
 * frame or one whole clip, told apart by its number of values:
 * <ul>
 *   <li>one frame: 1662 (holistic), 258 (pose + hands), 132 (pose) or 2004 (pose + face with four values per
 *       landmark, the tutorial's own layout; the face's fourth value is dropped);</li>
 *   <li>one clip: a multiple of 1662 (or else of 258) values, the frames one after another.</li>
 * </ul>
 * <p>Frames are grouped into clips this way: if the header names a second column {@code clip} (optionally a third,
 * {@code frame}), consecutive rows with the same class and clip value form one clip, in frame order. Otherwise the
 * file is read as the tutorial records it, one take per class after another: each run of consecutive rows with
 * the same class is cut into clips of the project's sequence length, and a run's last frames that do not fill a
 * clip are dropped with a warning.
 *
 * <h2>Export</h2>
 * <p>One frame per row with header {@code class,clip,frame,x1,y1,z1,v1,...,x33,y33,z33,v33,x34,y34,z34,...,
 * x543,y543,z543}: the pose's 33 landmarks carry a visibility, the face's and hands' do not. Values are written
 * with the shortest decimal form that reads back as the same float, so export then import is lossless.
 */
public final class CsvFormat {

    private static final int TOTAL_LANDMARKS =
            KeypointLayout.POSE_LANDMARKS + KeypointLayout.FACE_LANDMARKS + 2 * KeypointLayout.HAND_LANDMARKS;

    private CsvFormat() {
    }

    /**
     * Imports a CSV file, all-or-nothing.
     *
     * @param project the project
     * @param file the CSV file
     * @param as {@link ClipState#TRAIN}, {@link ClipState#TEST}, or {@link ClipState#POOL} to keep labels hidden
     * @param monitor progress and cancellation
     * @return what was added
     * @throws GestureLabException naming the file and line if anything cannot be imported; the project is then
     *     unchanged
     * @throws IOException if the file cannot be read
     */
    public static ImportResult importInto(Project project, Path file, ClipState as, TaskMonitor monitor)
            throws IOException {
        return importInto(project, file, as, ClassMapping.NONE, monitor);
    }

    /**
     * The same, with classes mapped into the project's Nothing class ({@code --as-nothing}).
     *
     * @param mapping the source's classes that become Nothing
     * @see #importInto
     */
    public static ImportResult importInto(Project project, Path file, ClipState as, ClassMapping mapping,
            TaskMonitor monitor) throws IOException {
        return importInto(project, file, as, mapping, null, monitor);
    }

    /**
     * The same, with every clip tagged with the person in it ({@code --person}).
     *
     * @param person the person, or null for unknown
     * @see #importInto
     */
    public static ImportResult importInto(Project project, Path file, ClipState as, ClassMapping mapping,
            String person, TaskMonitor monitor) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new GestureLabException(file + " is not a file.");
        }
        long size = Files.size(file);
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                ImportSession session = new ImportSession(project, "csv", mapping, person, file, monitor)) {
            new Reading(session, new CsvRecords(reader, file.toString()), file, as, size).run();
            return session.commit();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new GestureLabException(file + " is not UTF-8 text.", e);
        }
    }

    /** The state of reading one file: grouping rows into clips as they stream past. */
    private static final class Reading {
        private final ImportSession session;
        private final CsvRecords records;
        private final Path file;
        private final ClipState as;
        private final long size;
        private final int sequenceLength;
        private int metaColumns = 1;
        private boolean hasClipColumn;
        private boolean hasFrameColumn;
        private int width = -1;
        private int frameWidth;
        private final List<float[]> frames = new ArrayList<>();
        private final List<Long> frameNumbers = new ArrayList<>();
        private String groupClass;
        private String groupClip;
        private int groupLine;
        private final Set<String> finishedGroups = new HashSet<>();
        private int clips;

        Reading(ImportSession session, CsvRecords records, Path file, ClipState as, long size) {
            this.session = session;
            this.records = records;
            this.file = file;
            this.as = as;
            this.size = size;
            this.sequenceLength = session.project.sequenceLength();
        }

        void run() throws IOException {
            List<String> fields = records.next();
            if (fields == null) {
                throw new GestureLabException(file + " is empty.");
            }
            if (fields.size() > 1 && !isNumber(fields.get(1))) {
                readHeader(fields);
                fields = records.next();
            }
            if (fields == null) {
                throw new GestureLabException(file + " has a header but no rows.");
            }
            while (fields != null) {
                row(fields);
                fields = records.next();
            }
            flush(true);
            if (clips == 0) {
                throw new GestureLabException(file + " holds no complete clip (fewer than " + sequenceLength
                        + " frames per class).");
            }
        }

        private void readHeader(List<String> header) {
            if (header.size() > 1 && isClipColumn(header.get(1))) {
                hasClipColumn = true;
                metaColumns = 2;
                if (header.size() > 2 && header.get(2).toLowerCase(Locale.ROOT).equals("frame")) {
                    hasFrameColumn = true;
                    metaColumns = 3;
                }
            }
        }

        private static boolean isClipColumn(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.equals("clip") || lower.equals("sequence");
        }

        private void row(List<String> fields) {
            session.monitor.checkCancelled();
            int line = records.line();
            String where = file + " line " + line;
            int values = fields.size() - metaColumns;
            if (values > Limits.MAX_FRAMES_PER_CLIP * Frames.TUTORIAL_POSE_FACE) {
                throw new GestureLabException(where + ": " + values + " values in one row; a clip may have at most "
                        + Limits.MAX_FRAMES_PER_CLIP + " frames.");
            }
            if (width < 0) {
                width = values;
                if (Frames.isFrameWidth(width)) {
                    frameWidth = width;
                } else if (width > 0 && width % KeypointLayout.FEATURES == 0) {
                    frameWidth = KeypointLayout.FEATURES;
                } else if (width > 0 && width % KeypointLayout.POSE_HANDS_FEATURES == 0) {
                    frameWidth = KeypointLayout.POSE_HANDS_FEATURES;
                } else {
                    throw new GestureLabException(where + ": " + Math.max(values, 0) + " values after the class; "
                            + "expected one frame of " + Frames.acceptedWidths()
                            + " values, or one clip of a multiple of 1662 or 258.");
                }
            } else if (values != width) {
                throw new GestureLabException(where + ": " + Math.max(values, 0) + " values, but earlier rows have "
                        + width + ".");
            }
            String className = fields.get(0);
            if (className.isEmpty()) {
                throw new GestureLabException(where + ": the class (first column) is empty.");
            }
            float[] numbers = new float[values];
            for (int i = 0; i < values; i++) {
                String text = fields.get(metaColumns + i);
                try {
                    numbers[i] = CsvNumbers.parse(text);
                } catch (NumberFormatException e) {
                    throw new GestureLabException(where + ", column " + (metaColumns + i + 1) + ": '" + abbreviate(text)
                            + "' is not a number.");
                }
            }
            if (width > frameWidth) {
                float[][] clip = new float[width / frameWidth][];
                for (int f = 0; f < clip.length; f++) {
                    clip[f] = Frames.toHolistic(numbers, f * frameWidth, frameWidth, where);
                }
                addClip(className, clip, where);
                return;
            }
            float[] frame = Frames.toHolistic(numbers, 0, frameWidth, where);
            String clipKey = hasClipColumn ? fields.get(1) : null;
            if (groupClass != null && (!groupClass.equals(className)
                    || (hasClipColumn && !groupClip.equals(clipKey)))) {
                flush(false);
            }
            if (groupClass == null) {
                groupClass = className;
                groupClip = clipKey;
                groupLine = line;
                if (hasClipColumn && !finishedGroups.add(className + "\u0000" + clipKey)) {
                    throw new GestureLabException(where + ": rows of clip '" + clipKey + "' of class '" + className
                            + "' appear in two places; keep each clip's rows together.");
                }
            }
            if (hasFrameColumn) {
                try {
                    frameNumbers.add(Long.parseLong(fields.get(2)));
                } catch (NumberFormatException e) {
                    throw new GestureLabException(where + ": frame number '" + abbreviate(fields.get(2))
                            + "' is not a whole number.");
                }
            }
            frames.add(frame);
            if (frames.size() > Limits.MAX_FRAMES_PER_CLIP) {
                throw new GestureLabException(where + ": clip '" + groupClip + "' of class '" + className
                        + "' has more than " + Limits.MAX_FRAMES_PER_CLIP + " frames, the most a clip may have.");
            }
            if (!hasClipColumn && frames.size() == sequenceLength) {
                addClip(className, frames.toArray(new float[0][]), file + " lines " + groupLine + "-" + line);
                frames.clear();
                groupLine = line + 1;
            }
        }

        private void flush(boolean atEnd) {
            if (groupClass == null) {
                return;
            }
            if (hasClipColumn) {
                float[][] clip = inFrameOrder();
                addClip(groupClass, clip, file + " clip " + groupClip);
            } else if (!frames.isEmpty()) {
                session.warnings.add("Dropped the last " + frames.size() + " frames of class '" + groupClass
                        + "' (" + file.getFileName() + " from line " + groupLine + "): fewer than the "
                        + sequenceLength + " frames of a clip.");
            }
            frames.clear();
            frameNumbers.clear();
            groupClass = null;
            groupClip = null;
        }

        private float[][] inFrameOrder() {
            Integer[] order = new Integer[frames.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            if (hasFrameColumn) {
                java.util.Arrays.sort(order, java.util.Comparator.comparing(frameNumbers::get));
            }
            float[][] clip = new float[order.length][];
            for (int i = 0; i < order.length; i++) {
                clip[i] = frames.get(order[i]);
            }
            return clip;
        }

        private void addClip(String className, float[][] clip, String source) {
            int classIndex = session.classIndex(className);
            session.add(NewClip.ofClass(clip, as, classIndex, source), "Importing " + file.getFileName(),
                    Math.min(records.chars(), size), size);
            clips++;
        }
    }

    private static boolean isNumber(String text) {
        return CsvNumbers.isNumber(text);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    /**
     * Exports labeled clips, one frame per row (see the class description). Written to a temporary file and
     * renamed at the end.
     *
     * @param project the project
     * @param out the CSV file to create; it must not exist
     * @param states the labeled states to export
     * @param monitor progress and cancellation
     * @return the number of clips exported
     * @throws IOException if the file cannot be written
     */
    public static int export(Project project, Path out, Set<ClipState> states, TaskMonitor monitor)
            throws IOException {
        if (Files.exists(out)) {
            throw new GestureLabException(out + " already exists; choose a new file name.");
        }
        List<Clip> clips = Exports.labeledClips(project, states);
        List<String> classes = project.classNames();
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempFile(parent, "." + out.getFileName(), ".partial");
        try {
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8), 1 << 16)) {
                writer.write(header());
                int done = 0;
                StringBuilder line = new StringBuilder(32 * 1024);
                for (Clip clip : clips) {
                    monitor.checkCancelled();
                    String prefix = CsvRecords.quote(classes.get(clip.label())) + "," + clip.id() + ",";
                    float[][] frames = project.loadKeypoints(clip);
                    for (int f = 0; f < frames.length; f++) {
                        line.setLength(0);
                        line.append(prefix).append(f);
                        for (float value : frames[f]) {
                            line.append(',');
                            appendFloat(line, value);
                        }
                        line.append('\n');
                        writer.append(line);
                    }
                    monitor.update("Exporting CSV", ++done, clips.size());
                }
            }
            Files.move(temp, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return clips.size();
    }

    private static void appendFloat(StringBuilder line, float value) {
        if (value == 0f && Float.floatToRawIntBits(value) == 0) {
            line.append('0');
        } else {
            line.append(value);
        }
    }

    /** Returns the export header, ending in a line break. */
    static String header() {
        StringBuilder header = new StringBuilder("class,clip,frame");
        for (int i = 1; i <= TOTAL_LANDMARKS; i++) {
            header.append(",x").append(i).append(",y").append(i).append(",z").append(i);
            if (i <= KeypointLayout.POSE_LANDMARKS) {
                header.append(",v").append(i);
            }
        }
        return header.append('\n').toString();
    }
}

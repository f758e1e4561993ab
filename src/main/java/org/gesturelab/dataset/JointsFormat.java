package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.gesturelab.core.ConfinedPaths;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;

/**
 * A folder of MediaPipe Pose landmark files described by an {@code index.csv}, as
 * {@code ../shared/data/bodygesture15/joints} holds them: one float32 {@code (frames, 33, 4)} array per clip
 * (normalized x, y, z, visibility) and an index with at least the columns {@code file} (relative to the folder),
 * {@code subject}, {@code gesture} and {@code distance}.
 *
 * <p>Each file becomes one clip of class {@code gesture}, its 33 x 4 pose copied into the pose block of the 1662
 * layout ({@link KeypointLayout#POSE_OFFSET}) with face and hands zero. Frames are kept as recorded; features
 * resample clips to the sequence length. Clips of the chosen test subjects go to the test split and all others to
 * the training split, so that no person is in both. Classes are created in name order.
 */
public final class JointsFormat {

    /** The index file of the format. */
    public static final String INDEX_FILE = "index.csv";

    private JointsFormat() {
    }

    /**
     * What to import and how to split it.
     *
     * @param testSubjects subjects (the {@code subject} column, e.g. {@code S7}) whose clips go to the test split;
     *     empty puts every clip in the training split
     * @param distances the {@code distance} values to keep (e.g. {@code 1m}); empty keeps every distance
     * @param asNothing gestures whose clips go into the project's Nothing class instead of a class of their own
     *     (bodygesture15's {@code static} and {@code random} are its no-gesture classes)
     */
    public record Options(Set<String> testSubjects, Set<String> distances, Set<String> asNothing) {

        /** Copies the sets. */
        public Options {
            testSubjects = Set.copyOf(testSubjects);
            distances = Set.copyOf(distances);
            asNothing = Set.copyOf(asNothing);
        }

        /**
         * Options that map no gesture to Nothing.
         *
         * @param testSubjects the test subjects
         * @param distances the distances to keep
         */
        public Options(Set<String> testSubjects, Set<String> distances) {
            this(testSubjects, distances, Set.of());
        }

        /** Returns the class a gesture's clips go to, given the name of the project's Nothing class. */
        String classOf(String gesture, String nothing) {
            return asNothing.contains(gesture) ? nothing : gesture;
        }
    }

    private record Entry(Path file, String name, String subject, String gesture, String distance) {
    }

    /**
     * Imports a joints folder, all-or-nothing.
     *
     * @param project the project
     * @param root the folder holding {@code index.csv}
     * @param options the test subjects and the distance filter
     * @param monitor progress and cancellation
     * @return what was added
     * @throws GestureLabException naming the bad file or index line; the project is then unchanged
     * @throws IOException if a file cannot be read
     */
    public static ImportResult importInto(Project project, Path root, Options options, TaskMonitor monitor)
            throws IOException {
        List<Entry> entries = select(root, options);
        try (ImportSession session = new ImportSession(project, "joints", root, monitor)) {
            Set<String> gestures = new TreeSet<>(MpDataFormat.NAME_ORDER);
            String nothing = project.nothingClass().orElse(NothingClass.DEFAULT_NAME);
            entries.forEach(e -> gestures.add(options.classOf(e.gesture(), nothing)));
            gestures.forEach(session.batch::classIndex);
            int done = 0;
            for (Entry entry : entries) {
                monitor.checkCancelled();
                ClipState state = options.testSubjects().contains(entry.subject()) ? ClipState.TEST : ClipState.TRAIN;
                String source = root.getFileName() + "/" + entry.name();
                int label = session.batch.classIndex(options.classOf(entry.gesture(), nothing));
                // The subject is the person in the clip; each distance was its own recording session.
                session.add(NewClip.ofClass(readPose(entry.file()), state, label, source)
                        .withPerson(entry.subject()).withSession(entry.distance()),
                        "Importing " + root.getFileName(), ++done, entries.size());
            }
            return session.commit();
        }
    }

    /** Reads the index, checks the options against it and keeps the rows of the chosen distances. */
    private static List<Entry> select(Path root, Options options) throws IOException {
        Path index = root.resolve(INDEX_FILE);
        if (!Files.isRegularFile(index)) {
            throw new GestureLabException(root + " has no " + INDEX_FILE + ": a joints import needs a folder of pose "
                    + "landmark files listed in " + INDEX_FILE + " (file, subject, gesture, distance).");
        }
        List<CsvRecords.Row> rows = CsvRecords.readTable(index, "file");
        Set<String> subjects = new TreeSet<>();
        Set<String> distances = new TreeSet<>();
        List<Entry> entries = new ArrayList<>();
        for (CsvRecords.Row row : rows) {
            String where = index + " line " + row.line();
            String name = require(row, "file", where);
            String subject = require(row, "subject", where);
            String gesture = require(row, "gesture", where);
            String distance = require(row, "distance", where);
            GestureClass.checkName(gesture);
            subjects.add(subject);
            distances.add(distance);
            if (options.distances().isEmpty() || options.distances().contains(distance)) {
                // index.csv may come from anywhere: a path in it must not reach outside the folder.
                entries.add(new Entry(ConfinedPaths.resolve(root, name, where + ": the joints file"), name, subject,
                        gesture, distance));
            }
        }
        requireKnown("test subject", options.testSubjects(), subjects, index);
        requireKnown("distance", options.distances(), distances, index);
        Set<String> gestures = new TreeSet<>();
        rows.forEach(row -> gestures.add(row.get("gesture").trim()));
        requireKnown("gesture", options.asNothing(), gestures, index);
        if (entries.isEmpty()) {
            throw new GestureLabException(index + " lists no clips.");
        }
        return entries;
    }

    private static String require(CsvRecords.Row row, String column, String where) {
        String value = row.get(column).trim();
        if (value.isEmpty()) {
            throw new GestureLabException(where + ": the " + column + " column is empty or missing.");
        }
        return value;
    }

    /** A typo in a subject or distance would silently give an empty split: refuse it. */
    private static void requireKnown(String what, Set<String> asked, Set<String> present, Path index) {
        for (String value : new TreeSet<>(asked)) {
            if (!present.contains(value)) {
                throw new GestureLabException("No " + what + " '" + value + "' in " + index + "; it lists "
                        + String.join(", ", present) + ".");
            }
        }
    }

    private static float[][] readPose(Path file) throws IOException {
        Npy.Array array = Npy.read(file, (long) Limits.MAX_FRAMES_PER_CLIP * KeypointLayout.POSE_LENGTH);
        int[] shape = array.shape();
        if (shape.length != 3 || shape[1] != KeypointLayout.POSE_LANDMARKS || shape[2] != 4 || shape[0] == 0) {
            throw new GestureLabException(file + " has shape " + Arrays.toString(shape) + "; a joints file is "
                    + "(frames, " + KeypointLayout.POSE_LANDMARKS + ", 4): x, y, z, visibility per landmark.");
        }
        float[][] frames = new float[array.rows()][];
        for (int f = 0; f < frames.length; f++) {
            frames[f] = Frames.toHolistic(array.data(), f * array.columns(), array.columns(),
                    file + " frame " + f);
        }
        return frames;
    }
}

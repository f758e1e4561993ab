package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.gesturelab.core.ConfinedPaths;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;

/**
 * The plainest exchange format, and the only lossless one for every state: {@code clips/*.npy} (float32,
 * frames x 1662) beside a {@code labels.csv} with the columns
 * {@code file,class,state,hidden_class,source,recording,start_frame,person,session}, and a {@code recordings.csv}
 * ({@code recording,source,frames}) when clips were cut from recordings.
 *
 * <p>On import only {@code file} is required. {@code class} may be empty for unlabeled clips. Without a state
 * (no column, or no {@code --as}), labeled clips go to the training set and unlabeled ones to the pool. A state
 * given to the import overrides the column: the pool hides the labels; train and test use the class, or else the
 * hidden class, and refuse rows with neither.
 * Clips sharing a {@code recording} value are linked to one new recording. An empty or missing {@code person}
 * takes the import's {@code --person}, if any.
 */
public final class NpyFolderFormat {

    /** The labels file of the format. */
    public static final String LABELS_FILE = "labels.csv";
    /** The recordings file of the format. */
    public static final String RECORDINGS_FILE = "recordings.csv";
    private static final String[] COLUMNS = {"file", "class", "state", "hidden_class", "source", "recording",
        "start_frame", "person", "session"};

    private NpyFolderFormat() {
    }

    /**
     * Imports a folder, all-or-nothing.
     *
     * @param project the project
     * @param root the folder holding {@code labels.csv}
     * @param as the state for every clip, or null to take it from the {@code state} column
     * @param monitor progress and cancellation
     * @return what was added
     * @throws GestureLabException naming the bad file or line; the project is then unchanged
     * @throws IOException if a file cannot be read
     */
    public static ImportResult importInto(Project project, Path root, ClipState as, TaskMonitor monitor)
            throws IOException {
        return importInto(project, root, as, ClassMapping.NONE, monitor);
    }

    /**
     * The same, with classes mapped into the project's Nothing class ({@code --as-nothing}).
     *
     * @param mapping the source's classes that become Nothing
     * @see #importInto
     */
    public static ImportResult importInto(Project project, Path root, ClipState as, ClassMapping mapping,
            TaskMonitor monitor) throws IOException {
        return importInto(project, root, as, mapping, null, monitor);
    }

    /**
     * The same, with every clip tagged with the person in it ({@code --person}).
     *
     * @param person the person, or null for unknown
     * @see #importInto
     */
    public static ImportResult importInto(Project project, Path root, ClipState as, ClassMapping mapping,
            String person, TaskMonitor monitor) throws IOException {
        Path labels = root.resolve(LABELS_FILE);
        if (!Files.isRegularFile(labels)) {
            throw new GestureLabException(root + " has no " + LABELS_FILE + "; --npy expects a folder exported with "
                    + "'--format npy'.");
        }
        List<CsvRecords.Row> rows = CsvRecords.readTable(labels, "file");
        Map<String, CsvRecords.Row> recordings = new HashMap<>();
        Path recordingsFile = root.resolve(RECORDINGS_FILE);
        if (Files.isRegularFile(recordingsFile)) {
            for (CsvRecords.Row row : CsvRecords.readTable(recordingsFile, "recording")) {
                recordings.put(row.get("recording"), row);
            }
        }
        try (ImportSession session = new ImportSession(project, "npy", mapping, person, root, monitor)) {
            Map<String, Long> recordingIds = new HashMap<>();
            int done = 0;
            for (CsvRecords.Row row : rows) {
                String where = labels + " line " + row.line();
                String fileName = row.get("file");
                if (fileName.isEmpty()) {
                    throw new GestureLabException(where + ": the file column is empty.");
                }
                // labels.csv may come from anywhere: a path in it must not reach outside the folder.
                Path file = ConfinedPaths.resolve(root, fileName, where + ": the clip file");
                float[][] frames = readClip(file);
                Integer label = classOf(session, row.get("class"));
                Integer hidden = classOf(session, row.get("hidden_class"));
                ClipState state = as != null ? as : stateOf(row.get("state"), label != null, where);
                if (as != null && as.isLabeled() && label == null) {
                    // Importing into train or test on purpose reveals the hidden labels of pool clips.
                    label = hidden;
                }
                if (state.isLabeled() && label == null) {
                    throw new GestureLabException(where + ": no class for a " + state + " clip.");
                }
                if (!state.isLabeled() && label != null) {
                    hidden = label;
                    label = null;
                }
                String source = row.get("source").isEmpty() ? fileName : row.get("source");
                NewClip clip = new NewClip(frames, state, label, hidden, source, null, null, null,
                        PersonTags.normalise(row.get("person")), PersonTags.normalise(row.get("session")));
                String recording = row.get("recording");
                if (!recording.isEmpty()) {
                    Long id = recordingIds.get(recording);
                    if (id == null) {
                        CsvRecords.Row info = recordings.get(recording);
                        id = session.batch.addRecording(info == null ? root.getFileName() + "#" + recording
                                : info.get("source"), info == null ? 0 : integer(info.get("frames"), where));
                        recordingIds.put(recording, id);
                    }
                    clip = clip.withRecording(id, integer(row.get("start_frame"), where));
                }
                session.add(clip, "Importing " + root.getFileName(), ++done, rows.size());
            }
            if (done == 0) {
                throw new GestureLabException(labels + " lists no clips.");
            }
            return session.commit();
        }
    }

    static float[][] readClip(Path file) throws IOException {
        Npy.Array array = Npy.read(file, Limits.maxClipValues());
        if (array.shape().length != 2) {
            throw new GestureLabException(file + " has shape " + java.util.Arrays.toString(array.shape())
                    + "; a clip file is frames x features.");
        }
        float[][] frames = new float[array.rows()][];
        for (int f = 0; f < frames.length; f++) {
            frames[f] = Frames.toHolistic(array.data(), f * array.columns(), array.columns(), file + " frame " + f);
        }
        return frames;
    }

    private static Integer classOf(ImportSession session, String name) {
        return name.isEmpty() ? null : session.classIndex(name);
    }

    private static ClipState stateOf(String text, boolean labeled, String where) {
        if (text.isEmpty()) {
            return labeled ? ClipState.TRAIN : ClipState.POOL;
        }
        try {
            return ClipState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GestureLabException(where + ": unknown state '" + text + "' (train, test, pool or skipped).");
        }
    }

    private static int integer(String text, String where) {
        try {
            int value = Integer.parseInt(text);
            if (value < 0) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new GestureLabException(where + ": '" + text + "' is not a frame number.");
        }
    }

    /**
     * Exports clips with their states, labels, hidden labels and recordings. Written to a temporary folder and
     * renamed at the end.
     *
     * @param project the project
     * @param out a folder that does not exist yet or is empty
     * @param states the states to export
     * @param monitor progress and cancellation
     * @return the number of clips exported
     * @throws IOException if files cannot be written
     */
    public static int export(Project project, Path out, Set<ClipState> states, TaskMonitor monitor)
            throws IOException {
        List<Clip> clips = project.clips(new ClipQuery(states, null, null, null, 0));
        List<String> classes = project.classNames();
        Map<Long, Recording> recordings = new HashMap<>();
        project.recordings().forEach(r -> recordings.put(r.id(), r));
        return Exports.writeAtomically(out, dir -> {
            Path clipsDir = Files.createDirectories(dir.resolve("clips"));
            Map<Long, Recording> used = new java.util.TreeMap<>();
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(dir.resolve(LABELS_FILE),
                    StandardCharsets.UTF_8))) {
                writer.write(String.join(",", COLUMNS) + "\n");
                int done = 0;
                for (Clip clip : clips) {
                    monitor.checkCancelled();
                    String name = clip.keypoints().getFileName().toString();
                    Files.copy(project.clipFile(clip.keypoints(), "The keypoints file of clip " + clip.id()),
                            clipsDir.resolve(name));
                    if (clip.recordingId() != null) {
                        used.put(clip.recordingId(), recordings.get(clip.recordingId()));
                    }
                    writer.write(String.join(",", "clips/" + name,
                            clip.label() == null ? "" : CsvRecords.quote(classes.get(clip.label())),
                            clip.state().name().toLowerCase(Locale.ROOT),
                            clip.hiddenLabel() == null ? "" : CsvRecords.quote(classes.get(clip.hiddenLabel())),
                            CsvRecords.quote(clip.source()),
                            clip.recordingId() == null ? "" : clip.recordingId().toString(),
                            clip.startFrame() == null ? "" : clip.startFrame().toString(),
                            clip.person() == null ? "" : CsvRecords.quote(clip.person()),
                            clip.session() == null ? "" : CsvRecords.quote(clip.session())) + "\n");
                    monitor.update("Exporting clips", ++done, clips.size());
                }
            }
            if (!used.isEmpty()) {
                try (Writer writer = Files.newBufferedWriter(dir.resolve(RECORDINGS_FILE), StandardCharsets.UTF_8)) {
                    writer.write("recording,source,frames\n");
                    for (Recording recording : used.values()) {
                        writer.write(recording.id() + "," + CsvRecords.quote(recording.source()) + ","
                                + recording.frames() + "\n");
                    }
                }
            }
            return clips.size();
        });
    }
}

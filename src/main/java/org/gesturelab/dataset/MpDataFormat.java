package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;

/**
 * The folder layout of the MediaPipe action-recognition tutorials: {@code ROOT/CLASS/SEQUENCE/FRAME.npy}, one
 * {@code .npy} vector per frame.
 *
 * <p>Import accepts float32 or float64 frames of 1662 values (holistic), 258 (pose + hands, mapped into 1662 with
 * zeros for the face) or the other widths of {@link Frames}. Class folders are taken in case-insensitive name
 * order and their names kept exactly (spaces, apostrophes); sequences and frames are ordered by their numbers
 * (10 after 9). Frame files must be numbered without gaps. Sequence folders without frames are skipped with a
 * warning; any unreadable frame refuses the whole import.
 */
public final class MpDataFormat {

    /** Folder names in the order a person expects: case-insensitive, then exact. */
    static final Comparator<String> NAME_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    private MpDataFormat() {
    }

    private record Sequence(String className, String name, List<Path> frames) {
    }

    /**
     * Imports a folder, all-or-nothing.
     *
     * @param project the project
     * @param root the {@code MP_Data} folder (its sub-folders are the classes)
     * @param as {@link ClipState#TRAIN}, {@link ClipState#TEST}, or {@link ClipState#POOL} to keep labels hidden
     * @param monitor progress and cancellation
     * @return what was added
     * @throws GestureLabException naming the bad file or folder if anything cannot be imported; the project is
     *     then unchanged
     * @throws IOException if a folder cannot be listed
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
        List<Sequence> sequences = scan(root, monitor);
        try (ImportSession session = new ImportSession(project, "mp-data", mapping, person, root, monitor)) {
            int done = 0;
            for (Sequence sequence : sequences) {
                if (sequence.frames().isEmpty()) {
                    session.warnings.add("Skipped " + root.relativize(root.resolve(sequence.className())
                            .resolve(sequence.name())) + ": no frames.");
                    continue;
                }
                int classIndex = session.classIndex(sequence.className());
                float[][] frames = new float[sequence.frames().size()][];
                for (int f = 0; f < frames.length; f++) {
                    frames[f] = readFrame(sequence.frames().get(f));
                }
                String source = root.getFileName() + "/" + sequence.className() + "/" + sequence.name();
                session.add(NewClip.ofClass(frames, as, classIndex, source), "Importing " + root.getFileName(),
                        ++done, sequences.size());
            }
            if (done == 0) {
                throw new GestureLabException(root + " holds no frames to import.");
            }
            return session.commit();
        }
    }

    /**
     * An MP_Data folder's clips read without a project, for simulations and benchmarks.
     *
     * @param classes the class names, in label order
     * @param clips the clips, (frames, 1662) each
     * @param labels each clip's class
     * @param names each clip's {@code CLASS/SEQUENCE}
     */
    public record Folder(List<String> classes, List<float[][]> clips, int[] labels, List<String> names) {
    }

    /**
     * Reads a folder with the same rules as {@link #importInto}, except that a sequence without frames is an error.
     *
     * @param root the {@code MP_Data} folder
     * @param classes the classes in label order (for a test folder that must match a pool), or null for the
     *     folder's own in exact (code point) name order, the numbering simulations have always used; folders of
     *     classes not listed are left out
     * @return the clips
     * @throws GestureLabException naming the bad file or folder
     */
    public static Folder read(Path root, List<String> classes) {
        try {
            List<Sequence> sequences = scan(root, TaskMonitor.SILENT);
            List<String> names = classes != null ? List.copyOf(classes)
                    : sequences.stream().map(Sequence::className).distinct().sorted().toList();
            List<float[][]> clips = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            List<String> clipNames = new ArrayList<>();
            // Clips in label order, as a reader expects clip i of class c to follow those of class c - 1.
            List<Sequence> ordered = new ArrayList<>(sequences);
            ordered.removeIf(sequence -> !names.contains(sequence.className()));
            ordered.sort(Comparator.comparingInt(sequence -> names.indexOf(sequence.className())));
            for (Sequence sequence : ordered) {
                int label = names.indexOf(sequence.className());
                String name = sequence.className() + "/" + sequence.name();
                if (sequence.frames().isEmpty()) {
                    throw new GestureLabException("No .npy frames in " + root.resolve(name) + ".");
                }
                float[][] frames = new float[sequence.frames().size()][];
                for (int f = 0; f < frames.length; f++) {
                    frames[f] = readFrame(sequence.frames().get(f));
                }
                clips.add(frames);
                labels.add(label);
                clipNames.add(name);
            }
            for (int c = 0; c < names.size(); c++) {
                if (!labels.contains(c)) {
                    throw new GestureLabException("Gesture '" + names.get(c) + "' has no folder in " + root + ".");
                }
            }
            return new Folder(names, clips, labels.stream().mapToInt(Integer::intValue).toArray(), clipNames);
        } catch (IOException e) {
            throw new GestureLabException("Cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    private static float[] readFrame(Path file) throws IOException {
        Npy.Array array = Npy.read(file, Frames.TUTORIAL_POSE_FACE);
        if (array.rows() > 1 && array.shape().length > 1) {
            throw new GestureLabException(file + " holds " + array.rows() + " rows; an MP_Data frame file holds "
                    + "one vector.");
        }
        return Frames.toHolistic(array.data(), 0, array.data().length, file.toString());
    }

    private static List<Sequence> scan(Path root, TaskMonitor monitor) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new GestureLabException("No MP_Data folder at " + root + "; --mp-data expects the folder holding "
                    + "one sub-folder per class.");
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Path classDir : subfolders(root)) {
            String className = classDir.getFileName().toString();
            GestureClass.checkName(className);
            for (Path sequenceDir : sorted(subfolders(classDir))) {
                monitor.checkCancelled();
                monitor.update("Scanning " + root.getFileName(), sequences.size(), -1);
                sequences.add(new Sequence(className, sequenceDir.getFileName().toString(), frames(sequenceDir)));
            }
        }
        if (sequences.isEmpty()) {
            throw new GestureLabException(root + " has no CLASS/SEQUENCE folders; --mp-data expects "
                    + "MP_Data/<class>/<sequence>/<frame>.npy.");
        }
        return sequences;
    }

    private static List<Path> subfolders(Path dir) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) && !entry.getFileName().toString().startsWith(".")) {
                    folders.add(entry);
                }
            }
        }
        folders.sort(Comparator.comparing(p -> p.getFileName().toString(), NAME_ORDER));
        return folders;
    }

    /** Orders sequence folders by number; folders not named by a number come after, by name. */
    private static List<Path> sorted(List<Path> folders) {
        List<Path> copy = new ArrayList<>(folders);
        copy.sort(Comparator.comparing((Path p) -> number(p.getFileName().toString()) == null)
                .thenComparing(p -> {
                    Long n = number(p.getFileName().toString());
                    return n == null ? 0 : n;
                })
                .thenComparing(p -> p.getFileName().toString(), NAME_ORDER));
        return copy;
    }

    private static List<Path> frames(Path sequenceDir) throws IOException {
        List<Path> frames = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(sequenceDir, "*.npy")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (number(name.substring(0, name.length() - 4)) == null) {
                    throw new GestureLabException(entry + ": frame files must be named by their number (0.npy, "
                            + "1.npy, ...).");
                }
                if (!Files.isRegularFile(entry)) {
                    // A FIFO would hang the import, a device never end; a broken link cannot be read.
                    throw new GestureLabException(entry + (Files.exists(entry) ? " is not a regular file; frame "
                            + "files must be plain files." : " is a broken link."));
                }
                frames.add(entry);
                if (frames.size() > Limits.MAX_FRAMES_PER_CLIP) {
                    throw new GestureLabException(sequenceDir + " has more than " + Limits.MAX_FRAMES_PER_CLIP
                            + " frame files, the most a clip may have.");
                }
            }
        }
        frames.sort(Comparator.comparing((Path p) -> frameNumber(p)).thenComparing(p -> p.getFileName().toString()));
        for (int i = 1; i < frames.size(); i++) {
            if (frameNumber(frames.get(i)) == frameNumber(frames.get(i - 1))) {
                throw new GestureLabException(sequenceDir + " has two files for frame " + frameNumber(frames.get(i))
                        + ": " + frames.get(i - 1).getFileName() + " and " + frames.get(i).getFileName()
                        + "; keep one.");
            }
            if (frameNumber(frames.get(i)) != frameNumber(frames.get(i - 1)) + 1) {
                throw new GestureLabException(sequenceDir + " lacks frame " + (frameNumber(frames.get(i - 1)) + 1)
                        + ".npy; the sequence is incomplete.");
            }
        }
        return frames;
    }

    private static long frameNumber(Path file) {
        String name = file.getFileName().toString();
        return number(name.substring(0, name.length() - 4));
    }

    private static Long number(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return null;
            }
        }
        return Long.parseLong(text);
    }

    /**
     * Exports labeled clips as {@code OUT/CLASS/SEQUENCE/FRAME.npy}, float32 vectors of 1662, sequences numbered
     * from 0 per class in clip order. Written to a temporary folder first and renamed at the end, so a failed
     * export leaves no half-written folder.
     *
     * @param project the project
     * @param out a folder that does not exist yet or is empty
     * @param states the states to export (labeled ones: {@link ClipState#TRAIN}, {@link ClipState#TEST})
     * @param monitor progress and cancellation
     * @return the number of clips exported
     * @throws IOException if files cannot be written
     */
    public static int export(Project project, Path out, Set<ClipState> states, TaskMonitor monitor)
            throws IOException {
        List<Clip> clips = Exports.labeledClips(project, states);
        List<String> classes = project.classNames();
        for (Clip clip : clips) {
            if (classes.get(clip.label()).startsWith(".")) {
                throw new GestureLabException("Class '" + classes.get(clip.label()) + "' starts with '.': as an "
                        + "MP_Data folder it would be hidden and skipped on import. Rename the class first.");
            }
        }
        return Exports.writeAtomically(out, dir -> {
            int[] nextSequence = new int[classes.size()];
            int done = 0;
            for (Clip clip : clips) {
                monitor.checkCancelled();
                float[][] frames = project.loadKeypoints(clip);
                Path sequenceDir = Files.createDirectories(dir.resolve(classes.get(clip.label()))
                        .resolve(Integer.toString(nextSequence[clip.label()]++)));
                for (int f = 0; f < frames.length; f++) {
                    Npy.write(sequenceDir.resolve(f + ".npy"), new Npy.Array(new int[] {frames[f].length}, frames[f]));
                }
                monitor.update("Exporting MP_Data", ++done, clips.size());
            }
            return clips.size();
        });
    }
}

package org.gesturelab.active;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.Npy;
import org.gesturelab.core.KeypointLayout;

/**
 * Labeled clips read from an MP_Data folder ({@code <class>/<sequence>/<frame>.npy}), for simulations.
 *
 * @param clips the clips, each {@code frames x 1662}
 * @param labels each clip's class index
 * @param classes the class names, sorted
 * @param recordings each clip's recording identifier ({@code class/sequence})
 */
public record GestureSet(List<float[][]> clips, int[] labels, List<String> classes, List<String> recordings) {

    /** Copies the fields. */
    public GestureSet {
        clips = List.copyOf(clips);
        labels = labels.clone();
        classes = List.copyOf(classes);
        recordings = List.copyOf(recordings);
    }

    /** Returns the number of clips. */
    public int size() {
        return clips.size();
    }

    /** Returns the clips with their labels. */
    public LabeledClips toLabeledClips() {
        return new LabeledClips(clips, labels, classes);
    }

    /**
     * Returns the clips at some indices.
     *
     * @param indices the indices
     * @return the subset, classes unchanged
     */
    public GestureSet subset(int[] indices) {
        List<float[][]> chosenClips = new ArrayList<>();
        List<String> chosenRecordings = new ArrayList<>();
        int[] chosenLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            chosenClips.add(clips.get(indices[i]));
            chosenRecordings.add(recordings.get(indices[i]));
            chosenLabels[i] = labels[indices[i]];
        }
        return new GestureSet(chosenClips, chosenLabels, classes, chosenRecordings);
    }

    /**
     * Reads an MP_Data folder. Frames of 1662 floats are kept; frames of 258 (pose and hands, no face) are expanded
     * to the 1662 layout.
     *
     * @param root the MP_Data folder
     * @param classes the class names to read in this order, or null for every class folder, sorted
     * @return the clips
     * @throws GestureLabException if the folder is missing, malformed or lacks a class
     */
    public static GestureSet readMpData(Path root, List<String> classes) {
        if (!Files.isDirectory(root)) {
            throw new GestureLabException("No MP_Data folder at " + root + ": pass the folder that holds one "
                    + "sub-folder per gesture.");
        }
        try {
            List<String> names = classes != null ? classes : listSorted(root, Comparator.naturalOrder()).stream()
                    .filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
            if (names.isEmpty()) {
                throw new GestureLabException("No gesture folders in " + root + ".");
            }
            List<float[][]> clips = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            List<String> recordings = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                Path classDir = root.resolve(names.get(c));
                if (!Files.isDirectory(classDir)) {
                    throw new GestureLabException("Gesture '" + names.get(c) + "' has no folder in " + root + ".");
                }
                for (Path sequence : listSorted(classDir, Comparator.comparing(GestureSet::numericName))) {
                    if (!Files.isDirectory(sequence)) {
                        continue;
                    }
                    clips.add(readSequence(sequence));
                    labels.add(c);
                    recordings.add(names.get(c) + "/" + sequence.getFileName());
                }
            }
            return new GestureSet(clips, labels.stream().mapToInt(Integer::intValue).toArray(), names, recordings);
        } catch (IOException e) {
            throw new GestureLabException("Cannot read " + root + ": " + e.getMessage(), e);
        }
    }

    private static float[][] readSequence(Path sequence) throws IOException {
        List<Path> frames = listSorted(sequence, Comparator.comparing(GestureSet::numericName)).stream()
                .filter(p -> p.getFileName().toString().endsWith(".npy")).toList();
        if (frames.isEmpty()) {
            throw new GestureLabException("No .npy frames in " + sequence + ".");
        }
        float[][] clip = new float[frames.size()][];
        for (int f = 0; f < clip.length; f++) {
            float[] values = Npy.read(frames.get(f)).data();
            if (values.length == KeypointLayout.POSE_HANDS_FEATURES) {
                values = KeypointLayout.fromPoseHands(values);
            } else if (values.length != KeypointLayout.FEATURES) {
                throw new GestureLabException(frames.get(f) + " holds " + values.length + " floats; expected "
                        + KeypointLayout.FEATURES + " (holistic) or " + KeypointLayout.POSE_HANDS_FEATURES
                        + " (pose and hands).");
            }
            clip[f] = values;
        }
        return clip;
    }

    private static List<Path> listSorted(Path dir, Comparator<Path> order) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted(order).toList();
        }
    }

    /** Sorts "2" before "10"; non-numeric names after numeric ones, alphabetically. */
    private static long numericName(Path path) {
        String name = path.getFileName().toString();
        int dot = name.indexOf('.');
        String stem = dot >= 0 ? name.substring(0, dot) : name;
        try {
            return Long.parseLong(stem);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}

package org.gesturelab.active;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.dataset.MpDataFormat;

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
     * Reads an MP_Data folder with {@link MpDataFormat}'s rules: frames of 1662 floats are kept; frames of 258 (pose
     * and hands, no face) and the other widths it knows are expanded
     * to the 1662 layout.
     *
     * @param root the MP_Data folder
     * @param classes the class names to read in this order, or null for every class folder, sorted
     * @return the clips
     * @throws GestureLabException if the folder is missing, malformed or lacks a class
     */
    public static GestureSet readMpData(Path root, List<String> classes) {
        MpDataFormat.Folder folder = MpDataFormat.read(root, classes);
        return new GestureSet(folder.clips(), folder.labels(), folder.classes(), folder.names());
    }
}

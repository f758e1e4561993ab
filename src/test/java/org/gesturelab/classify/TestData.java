package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.gesturelab.core.Npy;
import org.gesturelab.core.KeypointLayout;

/**
 * Test fixtures: a reader for the MP_Data layout ({@code CLASS/SEQ/FRAME.npy}) of the shared data, and synthetic
 * clips for fast smoke tests.
 */
public final class TestData {

    private TestData() {
    }

    /**
     * Reads an MP_Data folder; 258-float frames are expanded to the 1662 layout.
     *
     * @param root the MP_Data folder
     * @param classes the class names in output order, or null for the sorted folder names
     * @param perClass the most sequences per class to read
     * @return the clips
     */
    public static LabeledClips readMpData(Path root, List<String> classes, int perClass) {
        try {
            List<String> names = classes != null ? classes : sortedChildren(root).stream()
                    .filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
            List<float[][]> clips = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            for (int c = 0; c < names.size(); c++) {
                List<Path> sequences = sortedChildren(root.resolve(names.get(c))).stream()
                        .filter(Files::isDirectory).toList();
                for (Path sequence : sequences.subList(0, Math.min(perClass, sequences.size()))) {
                    List<Path> frames = sortedChildren(sequence).stream()
                            .filter(p -> p.getFileName().toString().endsWith(".npy")).toList();
                    float[][] clip = new float[frames.size()][];
                    for (int f = 0; f < frames.size(); f++) {
                        float[] values = Npy.read(frames.get(f)).data();
                        clip[f] = values.length == KeypointLayout.POSE_HANDS_FEATURES
                                ? KeypointLayout.fromPoseHands(values) : values;
                    }
                    clips.add(clip);
                    labels.add(c);
                }
            }
            return new LabeledClips(clips, labels.stream().mapToInt(Integer::intValue).toArray(), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> sortedChildren(Path folder) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted(Comparator.comparing((Path p) -> numericKey(p.getFileName().toString()))
                    .thenComparing(p -> p.getFileName().toString())).toList();
        }
    }

    private static long numericKey(String name) {
        String stem = name.endsWith(".npy") ? name.substring(0, name.length() - 4) : name;
        try {
            return Long.parseLong(stem);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Makes synthetic clips: a pose with shoulders, and a right hand moving along a class-specific path (class 0 up,
     * class 1 to the side, and so on), with noise, random lengths and occasional missing hands.
     *
     * @param classes the number of classes
     * @param perClass clips per class
     * @param seed the seed
     * @return the clips
     */
    public static LabeledClips synthetic(int classes, int perClass, long seed) {
        Random random = new Random(seed);
        List<float[][]> clips = new ArrayList<>();
        int[] labels = new int[classes * perClass];
        List<String> names = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            names.add("gesture " + c);
        }
        int k = 0;
        for (int c = 0; c < classes; c++) {
            double angle = 2 * Math.PI * c / classes;
            for (int n = 0; n < perClass; n++) {
                int frames = 20 + random.nextInt(25);
                float[][] clip = new float[frames][];
                double shiftX = 0.1 * random.nextGaussian();
                double shiftY = 0.05 * random.nextGaussian();
                for (int t = 0; t < frames; t++) {
                    double progress = (double) t / (frames - 1);
                    clip[t] = frame(random, shiftX, shiftY, 0.5 + 0.15 * progress * Math.cos(angle),
                            0.6 - 0.15 * progress * Math.sin(angle), random.nextDouble() < 0.05);
                }
                clips.add(clip);
                labels[k++] = c;
            }
        }
        return new LabeledClips(clips, labels, names);
    }

    private static float[] frame(Random random, double shiftX, double shiftY, double handX, double handY,
            boolean handMissing) {
        float[] frame = new float[KeypointLayout.FEATURES];
        for (int i = 0; i < KeypointLayout.POSE_LANDMARKS; i++) {
            int at = KeypointLayout.POSE_OFFSET + i * 4;
            frame[at] = (float) (0.5 + shiftX + 0.01 * random.nextGaussian() + 0.01 * (i % 5));
            frame[at + 1] = (float) (0.5 + shiftY + 0.01 * random.nextGaussian() + 0.02 * (i / 5));
            frame[at + 2] = (float) (0.01 * random.nextGaussian());
            frame[at + 3] = 0.9f;
        }
        frame[KeypointLayout.POSE_OFFSET + 11 * 4] = (float) (0.6 + shiftX);
        frame[KeypointLayout.POSE_OFFSET + 11 * 4 + 1] = (float) (0.5 + shiftY);
        frame[KeypointLayout.POSE_OFFSET + 12 * 4] = (float) (0.4 + shiftX);
        frame[KeypointLayout.POSE_OFFSET + 12 * 4 + 1] = (float) (0.5 + shiftY);
        if (!handMissing) {
            for (int i = 0; i < KeypointLayout.HAND_LANDMARKS; i++) {
                int at = KeypointLayout.RIGHT_HAND_OFFSET + i * 3;
                frame[at] = (float) (handX + shiftX + 0.005 * i + 0.003 * random.nextGaussian());
                frame[at + 1] = (float) (handY + shiftY - 0.006 * i + 0.003 * random.nextGaussian());
                frame[at + 2] = (float) (0.002 * random.nextGaussian());
            }
        }
        return frame;
    }

    /** The clip as a mirror would show it: left and right swapped, x turned around, missing parts still missing. */
    public static float[][] mirrorImage(float[][] clip) {
        int[] source = FeatureExtractor.mirroredColumns();
        int[][] parts = {{KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LENGTH, 4},
            {KeypointLayout.FACE_OFFSET, KeypointLayout.FACE_LENGTH, 3},
            {KeypointLayout.LEFT_HAND_OFFSET, KeypointLayout.HAND_LENGTH, 3},
            {KeypointLayout.RIGHT_HAND_OFFSET, KeypointLayout.HAND_LENGTH, 3}};
        float[][] out = new float[clip.length][KeypointLayout.FEATURES];
        for (int t = 0; t < clip.length; t++) {
            for (int i = 0; i < KeypointLayout.FEATURES; i++) {
                out[t][i] = clip[t][source[i]];
            }
            for (int[] part : parts) {
                if (KeypointLayout.present(out[t], part[0], part[1])) {
                    for (int k = part[0]; k < part[0] + part[1]; k += part[2]) {
                        out[t][k] = 1 - out[t][k];
                    }
                }
            }
        }
        return out;
    }

    /**
     * A 30-frame clip whose pose and hand values all sit near the class number (label plus noise up to 0.3): two
     * classes a network separates after a few epochs, for tests that need a model quickly rather than a realistic one.
     *
     * @param random the source of the noise
     * @param label the class
     * @return the clip, 1662 floats per frame
     */
    public static float[][] levelClip(Random random, int label) {
        float[][] frames = new float[30][KeypointLayout.FEATURES];
        for (float[] frame : frames) {
            for (int j = 0; j < KeypointLayout.POSE_HANDS_FEATURES; j++) {
                frame[j] = label + 0.3f * random.nextFloat();
            }
        }
        return frames;
    }
}

package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.Limits;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.core.Npy;
import org.gesturelab.core.KeypointLayout;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab predict DIR FILE.npy}: classifies one clip with the project's current model. */
@Command(name = "predict", description = "Classify one keypoint clip (.npy, frames x 1662 or frames x 258) with the "
        + "project's current model.")
public final class PredictCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Parameters(index = "1", paramLabel = "FILE.npy", description = "The clip.")
    private Path file;

    @Option(names = "--top", paramLabel = "K", defaultValue = "3",
            description = "How many classes to list (default: ${DEFAULT-VALUE}).")
    private int top;

    @Override
    public Integer call() throws Exception {
        float[][] clip = readClip(file);
        TrainTestClips data = TrainTestClips.read(dir);
        float[] probabilities;
        try (TrainedClassifier classifier = data.currentModel(dir)) {
            probabilities = classifier.predict(java.util.Collections.singletonList(clip))[0];
        }
        Integer[] order = new Integer[probabilities.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -probabilities[i]));
        PrintWriter out = spec.commandLine().getOut();
        out.println(data.classes().get(order[0]));
        for (int k = 0; k < Math.min(Math.max(1, top), order.length); k++) {
            out.printf(Locale.ROOT, "  %-24s %.4f%n", data.classes().get(order[k]), probabilities[order[k]]);
        }
        return 0;
    }

    private static float[][] readClip(Path file) throws java.io.IOException {
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw new GestureLabException("No such file: " + file + ".");
        }
        Npy.Array array = Npy.read(file, Limits.maxClipValues());
        if (array.shape().length != 2 || array.rows() == 0
                || (array.columns() != KeypointLayout.FEATURES
                        && array.columns() != KeypointLayout.POSE_HANDS_FEATURES)) {
            throw new GestureLabException(file + " has shape " + Arrays.toString(array.shape()) + "; a clip is frames x "
                    + KeypointLayout.FEATURES + " (or frames x " + KeypointLayout.POSE_HANDS_FEATURES
                    + " without the face), with at least one frame.");
        }
        float[] values = array.data();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                // A NaN would flow through the network and come out as NaN probabilities with a confident answer.
                throw new GestureLabException(file + ": frame " + i / array.columns() + " value " + i % array.columns()
                        + " is " + values[i] + "; keypoints must be finite numbers.");
            }
        }
        float[][] rows = array.toMatrix();
        if (array.columns() == KeypointLayout.POSE_HANDS_FEATURES) {
            for (int t = 0; t < rows.length; t++) {
                rows[t] = KeypointLayout.fromPoseHands(rows[t]);
            }
        }
        return rows;
    }
}

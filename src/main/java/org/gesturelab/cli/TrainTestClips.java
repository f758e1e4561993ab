package org.gesturelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.CanonicalSide;
import org.gesturelab.workflow.PersonBalance;
import org.gesturelab.workflow.Retrain;

/**
 * What the classifier commands read from a project: its labelled training and test clips, and its current model
 * checked against its classes and layout.
 *
 * @param name the project's name
 * @param classes the class names
 * @param sequenceLength the project's sequence length
 * @param features floats per frame
 * @param train the training clips
 * @param test the held-out test clips (possibly none)
 * @param canonicalSide whether a model trained on these training clips takes the canonical side
 *     ({@link CanonicalSide}: they show at least two tagged people), as {@code train} would
 */
record TrainTestClips(String name, List<String> classes, int sequenceLength, int features, LabeledClips train,
        LabeledClips test, boolean canonicalSide) {

    /**
     * Reads a project's labelled clips.
     *
     * @param dir the project folder
     * @return the data
     * @throws IOException if the project cannot be opened
     */
    static TrainTestClips read(Path dir) throws IOException {
        try (Project project = Project.openForReading(dir)) {
            // The training clips weigh as train weighs them: each person the same, where there are several.
            List<Clip> trainClips = project.clips(ClipState.TRAIN);
            return new TrainTestClips(project.name(), project.classNames(), project.sequenceLength(),
                    project.settings().features(), PersonBalance.trainingClips(project, trainClips),
                    project.labeledClips(ClipState.TEST), CanonicalSide.suits(trainClips));
        }
    }

    /**
     * Fails unless there is something to train on, with the same rule and message as every retraining.
     *
     * @param dir the project folder, for the message
     */
    void requireTrainingData(Path dir) {
        Retrain.requireTrainingData(dir, train);
    }

    /**
     * Fails unless there are test clips.
     *
     * @param dir the project folder, for the message
     */
    void requireTestData(Path dir) {
        if (test.size() == 0) {
            throw new GestureLabException(noTestClips(dir));
        }
    }

    /**
     * Says that a project has no test clips and how to add some.
     *
     * @param dir the project folder
     * @return the message
     */
    static String noTestClips(Path dir) {
        return "The project " + dir + " has no test clips to evaluate on. Import some with 'gesturelab import " + dir
                + " --mp-data PATH --as test'.";
    }

    /**
     * Loads the project's current model, checked against the project.
     *
     * @param dir the project folder
     * @return the classifier; the caller closes it
     */
    TrainedClassifier currentModel(Path dir) {
        return ModelStore.loadCurrent(dir, classes, sequenceLength, features);
    }
}

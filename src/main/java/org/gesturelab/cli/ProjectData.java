package org.gesturelab.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;

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
 */
record ProjectData(String name, List<String> classes, int sequenceLength, int features, LabeledClips train,
        LabeledClips test) {

    /**
     * Reads a project's labelled clips.
     *
     * @param dir the project folder
     * @return the data
     * @throws IOException if the project cannot be opened
     */
    static ProjectData read(Path dir) throws IOException {
        try (Project project = Project.openForReading(dir)) {
            return new ProjectData(project.name(), project.classNames(), project.sequenceLength(),
                    project.settings().features(), project.labeledClips(ClipState.TRAIN),
                    project.labeledClips(ClipState.TEST));
        }
    }

    /**
     * Fails unless there is something to train on.
     *
     * @param dir the project folder, for the message
     */
    void requireTrainingData(Path dir) {
        if (classes.size() < 2) {
            throw new GestureLabException("The project " + dir + " has " + classes.size() + " class(es); a classifier "
                    + "needs at least 2. Add classes with 'gesturelab project init --classes' or import labelled data.");
        }
        if (train.size() == 0) {
            throw new GestureLabException("The project " + dir + " has no training clips. Import labelled clips with "
                    + "'gesturelab import " + dir + " --mp-data PATH'.");
        }
    }

    /**
     * Fails unless there are test clips.
     *
     * @param dir the project folder, for the message
     */
    void requireTestData(Path dir) {
        if (test.size() == 0) {
            throw new GestureLabException("The project " + dir + " has no test clips to evaluate on. Import some with "
                    + "'gesturelab import " + dir + " --mp-data PATH --as test'.");
        }
    }

    /**
     * Loads the project's current model, checked against the project.
     *
     * @param dir the project folder
     * @return the classifier; the caller closes it
     */
    SequenceClassifier currentModel(Path dir) {
        return ModelStore.loadCurrent(dir, classes, sequenceLength, features);
    }
}

package org.gesturelab.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.gesturelab.SharedData;
import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.JointsFormat;
import org.gesturelab.dataset.Project;
import org.testfx.api.FxRobot;

/**
 * A project for the continuous-recognition screens: bodygesture15's pose landmarks at 1 m, S8 as the test person,
 * static and random as the Nothing class, with a model trained on the other people.
 */
public final class SpottingProjects {

    private SpottingProjects() {
    }

    /**
     * Creates and trains the project.
     *
     * @param dir a new project folder
     * @param epochs the most training epochs
     * @return the folder
     * @throws IOException if it cannot be written
     */
    public static Path bodygesture(Path dir, int epochs) throws IOException {
        Path joints = SharedData.require("bodygesture15/joints");
        try (Project project = Project.create(dir, dir.getFileName().toString(), List.of())) {
            JointsFormat.importInto(project, joints, new JointsFormat.Options(Set.of("S8"), Set.of("1m"),
                    Set.of("static", "random")), TaskMonitor.SILENT);
            try (SequenceClassifier classifier = ClassifierTrainer.train(project.labeledClips(ClipState.TRAIN),
                    TrainingConfig.defaults().withMaxEpochs(epochs), null, TaskMonitor.SILENT)) {
                ModelStore.saveAsCurrent(dir, classifier);
            }
        }
        return dir;
    }

    /**
     * Opens a project in the app, on the FX thread.
     *
     * @param robot the robot
     * @param main the app
     * @param dir the project
     */
    public static void open(FxRobot robot, MainViewModel main, Path dir) {
        robot.interact(() -> {
            try {
                main.projects().open(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}

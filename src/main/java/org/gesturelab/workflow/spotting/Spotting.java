package org.gesturelab.workflow.spotting;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.dataset.Project;

/**
 * A project's current model with the spotting settings it is used with: those stored beside it by calibration, or
 * defaults (start threshold 0.6, a window of the project's sequence length). The Nothing class is always the
 * project's flagged one ({@link Project#nothingClass()}), so a renamed Nothing class stays Nothing.
 *
 * @param classifier the classifier; close it through this object
 * @param settings the spotting settings
 * @param modelFolder the model's folder
 * @param calibrated whether the settings came from calibration
 */
public record Spotting(TrainedClassifier classifier, SpottingSettings settings, Path modelFolder,
        boolean calibrated) implements AutoCloseable {

    /**
     * Loads the project's current model and its spotting settings.
     *
     * @param project the open project
     * @return the model and settings; the caller closes them
     * @throws org.gesturelab.core.GestureLabException if there is no model or it does not fit
     */
    public static Spotting load(Project project) {
        TrainedClassifier classifier = ModelStore.loadCurrentForRecognition(project.directory(),
                project.classNames(), project.sequenceLength(), KeypointLayout.FEATURES);
        Path folder = ModelStore.current(project.directory()).orElseThrow();
        // The project's flag says which class is Nothing, whatever it is called now or was called when calibrated.
        var stored = SpottingSettings.read(folder).map(s -> s.withNothingClass(project.nothingClass().orElse(null)));
        SpottingSettings settings = stored.orElseGet(() -> defaults(project));
        if (settings.nothingClass() != null && !classifier.classes().contains(settings.nothingClass())) {
            // A model trained before the project had its Nothing class: it cannot say "nothing", and Live says so.
            settings = settings.withNothingClass(null);
        }
        return new Spotting(classifier, settings, folder, stored.isPresent());
    }

    /**
     * Returns uncalibrated settings for a project.
     *
     * @param project the project
     * @return the defaults
     */
    public static SpottingSettings defaults(Project project) {
        // The window the classifier was built for; calibration also tries shorter and longer ones.
        return SpottingSettings.defaults(project.sequenceLength(),
                project.nothingClass().orElse(null));
    }

    @Override
    public void close() {
        classifier.close();
    }

    @Override
    public String toString() {
        return "Spotting[" + modelFolder + ", window " + settings.window() + ", thresholds "
                + Arrays.toString(settings.thresholds().entrySet().toArray()) + "]";
    }
}

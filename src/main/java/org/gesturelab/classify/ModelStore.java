package org.gesturelab.classify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.gesturelab.core.GestureLabException;

/**
 * Where a project keeps its trained classifiers: {@code DIR/models/<yyyyMMdd-HHmmss>/} per training, and
 * {@code DIR/models/current}, a one-line text file naming the folder in use (a file rather than a symbolic link, which
 * Windows does not grant ordinary users).
 */
public final class ModelStore {

    /** The models folder inside a project. */
    public static final String MODELS_DIR = "models";
    /** The pointer file naming the current model folder. */
    public static final String CURRENT = "current";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private ModelStore() {
    }

    /**
     * Saves a classifier into a new timestamped folder and makes it the current one.
     *
     * @param projectDir the project folder
     * @param classifier the classifier
     * @return the new model folder
     * @throws IOException if writing fails (the current pointer is then unchanged)
     */
    public static Path saveAsCurrent(Path projectDir, TrainedClassifier classifier) throws IOException {
        Path models = projectDir.resolve(MODELS_DIR);
        Files.createDirectories(models);
        String base = LocalDateTime.now().format(STAMP);
        Path folder = models.resolve(base);
        for (int n = 2; Files.exists(folder); n++) {
            folder = models.resolve(base + "-" + n);
        }
        classifier.save(folder);
        Path temporary = models.resolve(CURRENT + ".tmp");
        Files.writeString(temporary, folder.getFileName() + System.lineSeparator(), StandardCharsets.UTF_8);
        try {
            Files.move(temporary, models.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, models.resolve(CURRENT), StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    /**
     * Returns the current model folder, if the project has one.
     *
     * @param projectDir the project folder
     * @return the folder named by {@code models/current}, or empty when nothing was trained yet
     * @throws GestureLabException if the pointer names a folder that does not exist
     */
    public static Optional<Path> current(Path projectDir) {
        Path pointer = projectDir.resolve(MODELS_DIR).resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        try {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).strip();
            Path folder = projectDir.resolve(MODELS_DIR).resolve(name).normalize();
            if (name.isEmpty() || !folder.startsWith(projectDir.resolve(MODELS_DIR).normalize())
                    || !Files.isDirectory(folder)) {
                throw new GestureLabException(pointer + " names the model folder '" + name + "', which does not "
                        + "exist. Train again with 'gesturelab train " + projectDir + "'.");
            }
            return Optional.of(folder);
        } catch (IOException e) {
            throw new GestureLabException("Cannot read " + pointer + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads a model folder and checks that it fits a project.
     *
     * @param folder the model folder
     * @param classes the project's class names, in order
     * @param sequenceLength the project's sequence length
     * @param keypointFeatures floats per frame in the project's clips
     * @return the classifier; the caller closes it
     * @throws GestureLabException listing every mismatch, or if the folder cannot be loaded
     */
    public static TrainedClassifier loadChecked(Path folder, List<String> classes, int sequenceLength,
            int keypointFeatures) {
        ModelCard card = ModelCard.read(folder);
        List<String> problems = card.mismatches(classes, sequenceLength, keypointFeatures);
        if (!problems.isEmpty()) {
            throw new GestureLabException("The model in " + folder + " does not fit this project: "
                    + String.join("; ", problems) + ". Train a new model with 'gesturelab train'.");
        }
        return load(folder);
    }

    /**
     * Loads a model folder, network or classical model, whichever its card names.
     *
     * @param folder the model folder
     * @return the classifier; the caller closes it
     * @throws GestureLabException if the folder cannot be loaded
     */
    public static TrainedClassifier load(Path folder) {
        ModelCard card = ModelCard.read(folder);
        return card.classic() ? ClassicClassifier.load(folder) : SequenceClassifier.load(folder);
    }

    /**
     * Loads the project's current model and checks that it fits.
     *
     * @param projectDir the project folder
     * @param classes the project's class names, in order
     * @param sequenceLength the project's sequence length
     * @param keypointFeatures floats per frame in the project's clips
     * @return the classifier; the caller closes it
     * @throws GestureLabException if there is no model, or it does not fit
     */
    public static TrainedClassifier loadCurrent(Path projectDir, List<String> classes, int sequenceLength,
            int keypointFeatures) {
        return loadChecked(currentOrThrow(projectDir), classes, sequenceLength, keypointFeatures);
    }

    /**
     * Loads the project's current model for recognition only: like {@link #loadCurrent}, but a model trained before
     * classes were added at the end of the project's list (the Nothing class an older project gains when it opens,
     * a gesture the user just created) still loads and recognizes the classes it knows. Callers that compare its
     * predictions with project labels by index use {@link #loadCurrent} instead.
     *
     * @param projectDir the project folder
     * @param classes the project's class names, in order
     * @param sequenceLength the project's sequence length
     * @param keypointFeatures floats per frame in the project's clips
     * @return the classifier, whose {@code classes()} may be a prefix of {@code classes}; the caller closes it
     * @throws GestureLabException if there is no model, or it does not fit otherwise
     */
    public static TrainedClassifier loadCurrentForRecognition(Path projectDir, List<String> classes,
            int sequenceLength, int keypointFeatures) {
        Path folder = currentOrThrow(projectDir);
        List<String> known = ModelCard.read(folder).classes();
        boolean addedSince = known.size() < classes.size() && classes.subList(0, known.size()).equals(known);
        return loadChecked(folder, addedSince ? known : classes, sequenceLength, keypointFeatures);
    }

    private static Path currentOrThrow(Path projectDir) {
        return current(projectDir).orElseThrow(() -> new GestureLabException("The project " + projectDir
                + " has no trained model yet. Train one with 'gesturelab train " + projectDir + "'."));
    }
}

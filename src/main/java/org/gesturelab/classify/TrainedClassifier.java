package org.gesturelab.classify;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A classifier that can be a project's model: trained once, then saved with its {@link ModelCard} and loaded again
 * by {@link ModelStore}. The networks ({@link SequenceClassifier}) and the classical models
 * ({@link ClassicClassifier}) are both this; everything that uses the project's model (Live, Label, evaluate,
 * predict, spotting) asks for this interface only.
 */
public interface TrainedClassifier extends GestureClassifier {

    /** Returns the model card. */
    ModelCard card();

    /**
     * Attaches an evaluation to the card (it is written by the next {@link #save}).
     *
     * @param evaluation the evaluation on the test split
     */
    void recordEvaluation(Evaluation evaluation);

    /**
     * Saves the model and its card into a folder, creating it if needed.
     *
     * @param folder the model folder
     * @throws IOException if writing fails
     */
    void save(Path folder) throws IOException;
}

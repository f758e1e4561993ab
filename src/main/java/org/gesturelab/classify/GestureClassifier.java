package org.gesturelab.classify;

import java.util.List;

/**
 * A trained gesture classifier over keypoint sequences: the contract the active-learning engine, the command line
 * and the app rely on.
 *
 * <p>Inputs are raw clips: {@code frames x 1662} keypoint vectors in the
 * {@link org.gesturelab.core.KeypointLayout} layout, of any length; the classifier resamples and normalizes
 * them itself. Implementations are not thread-safe: use one instance per thread, and close it to free native memory.
 */
public interface GestureClassifier extends AutoCloseable {

    /** Returns the class names, in the order of the probability columns. */
    List<String> classes();

    /**
     * Predicts class probabilities.
     *
     * @param clips raw keypoint clips
     * @return one row of {@code classes().size()} probabilities per clip, each row summing to 1
     */
    float[][] predict(List<float[][]> clips);

    /**
     * Returns each clip's embedding: the activations of the layer before the classification head, used to cluster
     * the pool.
     *
     * @param clips raw keypoint clips
     * @return one vector per clip, all of the same length
     */
    float[][] embed(List<float[][]> clips);

    /**
     * Returns whether {@link #predictWithDropout} samples anything: true for the networks, false for models without
     * dropout (the classical ones), whose every pass would be the same prediction. BALD needs it.
     *
     * @return whether Monte Carlo dropout is available
     */
    default boolean hasDropout() {
        return true;
    }

    /**
     * Predicts with dropout active (Monte Carlo dropout), the basis of BALD.
     *
     * @param clips raw keypoint clips
     * @param passes the number of stochastic forward passes
     * @param seed the seed for the dropout masks
     * @return {@code passes x clips x classes} probabilities
     */
    float[][][] predictWithDropout(List<float[][]> clips, int passes, long seed);

    /** Frees native memory. */
    @Override
    void close();
}

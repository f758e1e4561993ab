package org.gesturelab.classify;

/**
 * Everything that decides how a classifier is trained. Immutable; change one setting with a {@code with*} method.
 *
 * @param architecture the network design
 * @param subset the body parts the features use
 * @param sequenceLength frames per sequence after resampling, the project's frames per clip (1 for static poses)
 * @param maxEpochs the most passes over the training clips
 * @param batchSize clips per optimizer step
 * @param learningRate Adam's learning rate
 * @param validationFraction the share of each class held out to choose the best epoch; 0 trains on everything for
 *     {@code maxEpochs}. Ignored (everything is trained on) when the data is too small to hold anything out
 * @param patience epochs without a better validation loss before training stops
 * @param classWeights whether rare classes weigh more in the loss (weights {@code n / (classes x n_class)})
 * @param augmentation random changes applied to training clips
 * @param seed the seed for initialization, shuffling, augmentation and dropout
 * @param canonicalSide whether clips are mirrored so that the arm further from rest is always on the same side, with
 *     a column saying so, plus the arms' geometry (feature version 2, {@link FeatureExtractor}); off by default, on
 *     where the training clips show several people (docs/decisions/1700)
 */
public record TrainingConfig(Architecture architecture, FeatureSubset subset, int sequenceLength, int maxEpochs,
        int batchSize, double learningRate, double validationFraction, int patience, boolean classWeights,
        Augmentation augmentation, long seed, boolean canonicalSide) {

    /** The default sequence length; a project may choose another ({@code project init --frames N}). */
    public static final int SEQUENCE_LENGTH = 30;

    /**
     * Validates the settings.
     *
     * @throws IllegalArgumentException if a setting is out of range
     */
    public TrainingConfig {
        if (architecture == null || subset == null || augmentation == null) {
            throw new IllegalArgumentException("architecture, subset and augmentation are required");
        }
        if (sequenceLength < 1 || maxEpochs < 1 || batchSize < 1 || !(learningRate > 0) || patience < 1
                || validationFraction < 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("training setting out of range: " + this);
        }
    }

    /**
     * Returns the defaults: the default architecture on pose and hands, 30 frames, at most 100 epochs of batches of
     * 32 at learning rate 0.001, 15 % validation with patience 20, class weights, default augmentation, seed 42.
     * Patience 20 rather than 10: with few clips per person the validation accuracy stalls for a while before the
     * network generalizes to other people (docs/decisions/1200).
     *
     * @return the default configuration
     */
    public static TrainingConfig defaults() {
        return new TrainingConfig(Architecture.DEFAULT, FeatureSubset.POSE_HANDS, SEQUENCE_LENGTH, 100, 32, 1e-3,
                0.15, 20, true, Augmentation.DEFAULT, 42, false);
    }

    /**
     * Returns a copy with another architecture.
     *
     * @param value the architecture
     * @return the new configuration
     */
    public TrainingConfig withArchitecture(Architecture value) {
        return new TrainingConfig(value, subset, sequenceLength, maxEpochs, batchSize, learningRate,
                validationFraction, patience, classWeights, augmentation, seed, canonicalSide);
    }

    /**
     * Returns a copy with another feature subset.
     *
     * @param value the subset
     * @return the new configuration
     */
    public TrainingConfig withSubset(FeatureSubset value) {
        return new TrainingConfig(architecture, value, sequenceLength, maxEpochs, batchSize, learningRate,
                validationFraction, patience, classWeights, augmentation, seed, canonicalSide);
    }

    /**
     * Returns a copy with another epoch limit.
     *
     * @param value the most epochs
     * @return the new configuration
     */
    public TrainingConfig withMaxEpochs(int value) {
        return new TrainingConfig(architecture, subset, sequenceLength, value, batchSize, learningRate,
                validationFraction, patience, classWeights, augmentation, seed, canonicalSide);
    }

    /**
     * Returns a copy with another validation share.
     *
     * @param value the share held out, 0 for none
     * @return the new configuration
     */
    public TrainingConfig withValidationFraction(double value) {
        return new TrainingConfig(architecture, subset, sequenceLength, maxEpochs, batchSize, learningRate,
                value, patience, classWeights, augmentation, seed, canonicalSide);
    }

    /**
     * Returns a copy with another patience.
     *
     * @param value epochs without improvement before stopping
     * @return the new configuration
     */
    public TrainingConfig withPatience(int value) {
        return new TrainingConfig(architecture, subset, sequenceLength, maxEpochs, batchSize, learningRate,
                validationFraction, value, classWeights, augmentation, seed, canonicalSide);
    }

    /**
     * Returns a copy with other augmentation.
     *
     * @param value the augmentation
     * @return the new configuration
     */
    public TrainingConfig withAugmentation(Augmentation value) {
        return new TrainingConfig(architecture, subset, sequenceLength, maxEpochs, batchSize, learningRate,
                validationFraction, patience, classWeights, value, seed, canonicalSide);
    }

    /**
     * Returns a copy with another seed.
     *
     * @param value the seed
     * @return the new configuration
     */
    public TrainingConfig withSeed(long value) {
        return new TrainingConfig(architecture, subset, sequenceLength, maxEpochs, batchSize, learningRate,
                validationFraction, patience, classWeights, augmentation, value, canonicalSide);
    }

    /**
     * Returns a copy with the canonical side switched on or off.
     *
     * @param value whether to put the leading arm on one side (feature version 2)
     * @return the new configuration
     */
    public TrainingConfig withCanonicalSide(boolean value) {
        return new TrainingConfig(architecture, subset, sequenceLength, maxEpochs, batchSize, learningRate,
                validationFraction, patience, classWeights, augmentation, seed, value);
    }

    /** Returns the feature extractor these settings train with. */
    public FeatureExtractor extractor() {
        return new FeatureExtractor(subset, sequenceLength, canonicalSide);
    }
}

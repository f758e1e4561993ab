package org.gesturelab.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;

/**
 * Everything needed to rebuild, check and explain a trained classifier, saved as {@code model-card.json} beside its
 * parameters: classes, feature layout, normalization statistics, architecture, hyper-parameters, training figures,
 * the evaluation on the test split, a fingerprint of the training data, and when and where it was trained.
 *
 * @param formatVersion the card format, {@link #FORMAT_VERSION}
 * @param architecture the {@link Architecture#id()}
 * @param classes the class names, in output order
 * @param featureSubset the {@link FeatureSubset} name
 * @param featureVersion the {@link FeatureExtractor#VERSION} the model was trained with
 * @param sequenceLength frames per input sequence
 * @param inputFeatures features per input frame
 * @param keypointFeatures floats per raw keypoint frame (1662)
 * @param featureMean per-feature means
 * @param featureStd per-feature standard deviations
 * @param config the training settings
 * @param training what happened during training
 * @param evaluation the evaluation on the held-out test clips, or null when not evaluated
 * @param dataFingerprint SHA-256 over the training clips, labels and class names
 * @param createdAt when training finished (ISO-8601)
 * @param gesturelabVersion the GestureLab version that trained it
 * @param java the Java version and vendor
 * @param os the operating system and architecture
 * @param scoring how the model's outputs become class probabilities, in words (null on cards written before it was
 *     recorded: those are networks, whose probabilities are the softmax of their class scores)
 */
public record ModelCard(int formatVersion, String architecture, List<String> classes, String featureSubset,
        int featureVersion, int sequenceLength, int inputFeatures, int keypointFeatures, float[] featureMean,
        float[] featureStd, TrainingConfig config, TrainingSummary training, Evaluation evaluation,
        String dataFingerprint, String createdAt, String gesturelabVersion, String java, String os, String scoring) {

    /**
     * The current card format. 2: the architecture {@code default} means the GRU + temporal-convolution network;
     * in format 1 it meant the GRU alone, now called {@code gru} ({@link Architecture#of(ModelCard)}).
     */
    public static final int FORMAT_VERSION = 2;
    /** The card's file name inside a model folder. */
    public static final String FILE_NAME = "model-card.json";

    /**
     * Figures from one training run.
     *
     * @param trainClips clips trained on
     * @param validationClips clips held out to pick the best epoch (0 when none)
     * @param epochsRun epochs actually run
     * @param bestEpoch the epoch whose weights were kept (1-based)
     * @param validationLoss the validation loss of the kept weights, NaN without validation
     * @param validationAccuracy the validation accuracy of the kept weights, NaN without validation
     * @param seconds wall-clock training time
     * @param warmStartParameters parameters copied from a previous model (0 for a cold start)
     * @param weightedClips whether the clips weighed differently in training: where they show several people, each
     *     person weighs the same (docs/decisions/1730); false in cards written before
     */
    public record TrainingSummary(int trainClips, int validationClips, int epochsRun, int bestEpoch,
            double validationLoss, double validationAccuracy, double seconds, int warmStartParameters,
            boolean weightedClips) {
    }

    /** What {@link #scoring} says for a network. */
    public static final String NETWORK_SCORING = "softmax of the network's class scores";

    /**
     * Copies the lists and arrays.
     */
    public ModelCard {
        classes = List.copyOf(classes);
        featureMean = featureMean.clone();
        featureStd = featureStd.clone();
    }

    /**
     * A card without {@link #scoring}, as cards were before it was recorded.
     *
     * @param formatVersion the card format
     * @param architecture the architecture's or algorithm's id
     * @param classes the class names
     * @param featureSubset the feature subset's name
     * @param featureVersion the feature version
     * @param sequenceLength frames per input sequence
     * @param inputFeatures features per input frame
     * @param keypointFeatures floats per raw keypoint frame
     * @param featureMean per-feature means
     * @param featureStd per-feature standard deviations
     * @param config the training settings
     * @param training what happened during training
     * @param evaluation the evaluation, or null
     * @param dataFingerprint the training data's fingerprint
     * @param createdAt when training finished
     * @param gesturelabVersion the GestureLab version
     * @param java the Java version
     * @param os the operating system
     */
    public ModelCard(int formatVersion, String architecture, List<String> classes, String featureSubset,
            int featureVersion, int sequenceLength, int inputFeatures, int keypointFeatures, float[] featureMean,
            float[] featureStd, TrainingConfig config, TrainingSummary training, Evaluation evaluation,
            String dataFingerprint, String createdAt, String gesturelabVersion, String java, String os) {
        this(formatVersion, architecture, classes, featureSubset, featureVersion, sequenceLength, inputFeatures,
                keypointFeatures, featureMean, featureStd, config, training, evaluation, dataFingerprint, createdAt,
                gesturelabVersion, java, os, null);
    }

    /** Returns whether this card describes one of the classical models ({@link Baseline}) rather than a network. */
    public boolean classic() {
        return Baseline.fromId(architecture).isPresent();
    }

    @Override
    public float[] featureMean() {
        return featureMean.clone();
    }

    @Override
    public float[] featureStd() {
        return featureStd.clone();
    }

    /**
     * Returns a copy with an evaluation attached.
     *
     * @param value the evaluation on the test split
     * @return the new card
     */
    public ModelCard withEvaluation(Evaluation value) {
        return new ModelCard(formatVersion, architecture, classes, featureSubset, featureVersion, sequenceLength,
                inputFeatures, keypointFeatures, featureMean, featureStd, config, training, value, dataFingerprint,
                createdAt, gesturelabVersion, java, os, scoring);
    }

    /**
     * Lists every way in which this model does not fit a project: different classes (names or order), a different
     * sequence length or keypoint layout, or features from another version of GestureLab.
     *
     * @param projectClasses the project's class names, in order
     * @param projectSequenceLength the project's sequence length
     * @param projectKeypointFeatures floats per frame in the project's clips
     * @return the problems, each a sentence; empty when the model fits
     */
    public List<String> mismatches(List<String> projectClasses, int projectSequenceLength,
            int projectKeypointFeatures) {
        List<String> problems = new ArrayList<>();
        if (!classes.equals(projectClasses)) {
            List<String> missing = new ArrayList<>(projectClasses);
            missing.removeAll(classes);
            List<String> extra = new ArrayList<>(classes);
            extra.removeAll(projectClasses);
            StringBuilder sentence = new StringBuilder("classes differ:");
            if (!missing.isEmpty()) {
                sentence.append(" the model lacks ").append(missing);
            }
            if (!extra.isEmpty()) {
                sentence.append(missing.isEmpty() ? "" : ";").append(" the model has ").append(extra)
                        .append(" that the project does not");
            }
            if (missing.isEmpty() && extra.isEmpty()) {
                sentence.append(" same names in another order (model ").append(classes).append(", project ")
                        .append(projectClasses).append(')');
            }
            problems.add(sentence.toString());
        }
        if (sequenceLength != projectSequenceLength) {
            problems.add("the model takes sequences of " + sequenceLength + " frames, the project uses "
                    + projectSequenceLength);
        }
        if (keypointFeatures != projectKeypointFeatures) {
            problems.add("the model reads " + keypointFeatures + " floats per frame, the project's clips have "
                    + projectKeypointFeatures);
        }
        if (featureVersion != FeatureExtractor.VERSION && featureVersion != FeatureExtractor.VERSION_AS_RECORDED) {
            problems.add("the model was trained on feature version " + featureVersion + ", this GestureLab computes "
                    + "versions " + FeatureExtractor.VERSION_AS_RECORDED + " and " + FeatureExtractor.VERSION);
        }
        return problems;
    }

    /**
     * Writes the card as JSON into a model folder.
     *
     * @param folder the model folder
     * @throws IOException if it cannot be written
     */
    public void write(Path folder) throws IOException {
        Json.MAPPER.writeValue(folder.resolve(FILE_NAME).toFile(), this);
    }

    /**
     * Reads the card of a model folder.
     *
     * @param folder the model folder
     * @return the card
     * @throws GestureLabException if the card is missing or unreadable
     */
    public static ModelCard read(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new GestureLabException("No model card at " + file + ": this folder holds no trained model. "
                    + "Train one with 'gesturelab train'.");
        }
        try {
            ModelCard card = Json.MAPPER.readValue(file.toFile(), ModelCard.class);
            if (card.formatVersion() > FORMAT_VERSION) {
                throw new GestureLabException("The model card " + file + " has format " + card.formatVersion()
                        + ", newer than this GestureLab understands (" + FORMAT_VERSION + "). Update GestureLab.");
            }
            return card;
        } catch (IOException | IllegalArgumentException e) {
            throw new GestureLabException("Cannot read the model card " + file + ": " + e.getMessage(), e);
        }
    }
}

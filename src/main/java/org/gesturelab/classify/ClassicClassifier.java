package org.gesturelab.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.Version;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * One of the classical models ({@link Baseline}) as a project's model: the clip summary ({@link ClipSummary}), its
 * standardization statistics and the Tribuo model, with a {@link ModelCard} like the networks'. It gives class
 * probabilities (how, per algorithm, is {@link Baseline#scoring()}); its embedding is the summary vector. It has no
 * dropout, so every pass of {@link #predictWithDropout} is the same prediction and {@link #hasDropout()} says so.
 *
 * <p>A trained model never changes. The Tribuo model is saved in Tribuo's own protobuf format beside the card.
 */
public final class ClassicClassifier implements TrainedClassifier {

    /** The Tribuo model's file inside a model folder. */
    public static final String MODEL_FILE = "tribuo-model.pb";

    private final Baseline kind;
    private final ClipSummary summary;
    private final String[] names;
    private final Model<?> model;
    private final String[] dimensions;
    private ModelCard card;

    private ClassicClassifier(Baseline kind, ClipSummary summary, Model<?> model, ModelCard card) {
        this.kind = kind;
        this.summary = summary;
        this.names = summary.featureNames();
        this.model = model;
        this.card = card;
        this.dimensions = dimensionNames(card.classes().size());
    }

    /**
     * Wraps a freshly trained Tribuo model and writes its card.
     *
     * @param kind the algorithm
     * @param summary the fitted clip summary
     * @param model the Tribuo model: of {@link Label}s, or of {@link Regressor}s for ridge
     * @param data the training clips
     * @param seconds the training time
     * @return the classifier
     */
    static ClassicClassifier trained(Baseline kind, ClipSummary summary, Model<?> model, LabeledClips data,
            double seconds) {
        FeatureExtractor extractor = summary.extractor();
        FeatureStatistics statistics = summary.statistics();
        ModelCard.TrainingSummary training = new ModelCard.TrainingSummary(data.size(), 0, 0, 0, Double.NaN,
                Double.NaN, seconds, 0, data.weights() != null);
        ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, kind.id(), data.classes(),
                extractor.subset().name(), extractor.version(), extractor.sequenceLength(),
                extractor.dimension(), KeypointLayout.FEATURES, statistics.mean(), statistics.std(), null, training,
                null, DataFingerprint.of(data), Instant.now().toString(), Version.get(),
                System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"), kind.scoring());
        return new ClassicClassifier(kind, summary, model, card);
    }

    /** Returns which algorithm this is. */
    public Baseline kind() {
        return kind;
    }

    /** Returns the length of the per-clip summary vector the model reads. */
    public int summaryLength() {
        return names.length;
    }

    @Override
    public List<String> classes() {
        return card.classes();
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public void recordEvaluation(Evaluation evaluation) {
        card = card.withEvaluation(evaluation);
    }

    @Override
    public boolean hasDropout() {
        return false;
    }

    @Override
    public float[][] predict(List<float[][]> clips) {
        SequenceClassifier.requireFinite(clips);
        double[][] x = summary.summarize(clips);
        float[][] out = new float[x.length][];
        if (kind == Baseline.RIDGE) {
            List<? extends Prediction<?>> predictions = predictAll(x, RegressionFactory.UNKNOWN_REGRESSOR);
            for (int i = 0; i < out.length; i++) {
                Regressor output = (Regressor) predictions.get(i).getOutput();
                double[] scores = new double[dimensions.length];
                for (int c = 0; c < scores.length; c++) {
                    // A class without training clips has no output dimension: it scores 0.
                    scores[c] = output.getDimension(dimensions[c]).map(Regressor.DimensionTuple::getValue).orElse(0.0);
                }
                out[i] = clippedShares(scores);
            }
        } else {
            List<? extends Prediction<?>> predictions = predictAll(x, LabelFactory.UNKNOWN_LABEL);
            List<String> classes = card.classes();
            for (int i = 0; i < out.length; i++) {
                Map<String, ?> scores = predictions.get(i).getOutputScores();
                double[] row = new double[classes.size()];
                for (int c = 0; c < row.length; c++) {
                    Object score = scores.get(classes.get(c));
                    row[c] = score == null ? 0 : ((Label) score).getScore();
                }
                out[i] = clippedShares(row);
            }
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<? extends Prediction<?>> predictAll(double[][] x, org.tribuo.Output<?> unknown) {
        List<Example> examples = new ArrayList<>(x.length);
        for (double[] row : x) {
            examples.add(new ArrayExample(unknown, names, row));
        }
        return ((Model) model).predict((Iterable) examples);
    }

    /**
     * Scores clipped at 0 and divided by their sum; uniform when none is above 0. The tree votes and the softmax
     * outputs are already shares, and come through unchanged; ridge's regression scores become shares this way.
     * A score that is not a number counts as 0: Tribuo's ridge answers NaN for a class without training clips
     * (its one-hot target is constant, and standardizing it divides by 0), such as an empty Nothing class.
     */
    static float[] clippedShares(double[] scores) {
        double[] clipped = new double[scores.length];
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            clipped[c] = Double.isFinite(scores[c]) ? Math.max(0, scores[c]) : 0;
            sum += clipped[c];
        }
        float[] shares = new float[scores.length];
        for (int c = 0; c < scores.length; c++) {
            shares[c] = sum > 0 && Double.isFinite(sum) ? (float) (clipped[c] / sum) : 1f / scores.length;
        }
        return shares;
    }

    @Override
    public float[][] embed(List<float[][]> clips) {
        double[][] x = summary.summarize(clips);
        float[][] out = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = new float[x[i].length];
            for (int f = 0; f < x[i].length; f++) {
                out[i][f] = (float) x[i][f];
            }
        }
        return out;
    }

    /**
     * Without dropout every pass is the same prediction: {@code passes} copies of {@link #predict}. Callers that
     * need the spread (BALD) check {@link #hasDropout()} first.
     */
    @Override
    public float[][][] predictWithDropout(List<float[][]> clips, int passes, long seed) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1, got " + passes);
        }
        float[][] once = predict(clips);
        float[][][] out = new float[passes][][];
        for (int pass = 0; pass < passes; pass++) {
            out[pass] = once;
        }
        return out;
    }

    @Override
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        model.serializeToFile(folder.resolve(MODEL_FILE));
        card.write(folder);
    }

    /**
     * Loads a model folder written by {@link #save}.
     *
     * @param folder the model folder
     * @return the classifier
     * @throws GestureLabException if the card or the model file is missing, damaged, or they do not match
     */
    public static ClassicClassifier load(Path folder) {
        ModelCard card = ModelCard.read(folder);
        Baseline kind = Baseline.fromId(card.architecture()).orElseThrow(() -> new GestureLabException("The model in "
                + folder + " is the network '" + card.architecture() + "', not a classical model."));
        if (card.keypointFeatures() != KeypointLayout.FEATURES) {
            throw new GestureLabException("The model in " + folder + " reads " + card.keypointFeatures()
                    + " floats per frame; GestureLab clips have " + KeypointLayout.FEATURES + ".");
        }
        Path file = folder.resolve(MODEL_FILE);
        if (!Files.isRegularFile(file)) {
            throw new GestureLabException("The model folder " + folder + " has a card for " + kind.id()
                    + " but no " + MODEL_FILE + ". The folder is damaged; train again.");
        }
        ClipSummary summary;
        Model<?> model;
        try {
            summary = ClipSummary.of(FeatureExtractor.forVersion(FeatureSubset.valueOf(card.featureSubset()),
                    card.sequenceLength(), card.featureVersion()),
                    new FeatureStatistics(card.featureMean(), card.featureStd()));
            model = Model.deserializeFromFile(file);
        } catch (IOException | RuntimeException e) {
            throw new GestureLabException("Cannot load the " + kind.id() + " model in " + folder + " ("
                    + e.getMessage() + "). The folder is damaged or from another version; train again.", e);
        }
        boolean regression = model.validate(Regressor.class);
        if (regression != (kind == Baseline.RIDGE) || !(regression || model.validate(Label.class))) {
            throw new GestureLabException("The model file in " + folder + " does not hold a " + kind.id()
                    + " model. The folder is damaged; train again.");
        }
        if (summary.extractor().dimension() != card.inputFeatures()
                || summary.statistics().dimension() != card.inputFeatures()) {
            throw new GestureLabException("The model card in " + folder + " says " + card.inputFeatures()
                    + " input features, but its features and statistics disagree. The folder is damaged; train "
                    + "again.");
        }
        return new ClassicClassifier(kind, summary, model, card);
    }

    /** Ridge's output dimensions, one per class in class order. */
    static String[] dimensionNames(int classes) {
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) {
            names[c] = String.format(Locale.ROOT, "class%04d", c);
        }
        return names;
    }

    /** Nothing native to free: Tribuo's models live on the Java heap (XGBoost's booster is freed with it). */
    @Override
    public void close() {
        // Nothing to release.
    }
}

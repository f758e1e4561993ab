package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.tree.RandomForestTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.slm.ElasticNetCDTrainer;

/**
 * The four classical baselines of the holistic-landmark tutorial, trained with Tribuo on one summary vector per
 * clip: the mean, standard deviation, minimum and maximum over time of each standardized feature
 * ({@link ClipSummary}). If a network cannot beat these, it does not work.
 *
 * <p>Each runs on one thread. See docs/decisions/0500 for why Tribuo, and for how ridge is done.
 */
public enum Baseline {
    /** 100 CART trees on bootstrap samples, each split choosing among the square root of the features; majority vote. */
    RANDOM_FOREST,
    /** XGBoost with scikit-learn's gradient-boosting defaults: 100 trees of depth 3, learning rate 0.1, one thread. */
    GRADIENT_BOOSTING,
    /**
     * Ridge regression on one-hot targets, the class with the highest score wins (scikit-learn's RidgeClassifier).
     * Tribuo's elastic net with the smallest L1 ratio it accepts (1e-12), which leaves a pure L2 penalty in practice.
     */
    RIDGE,
    /** Multinomial logistic regression by AdaGrad, 30 epochs. */
    LOGISTIC_REGRESSION;

    private static final int TREES = 100;
    private static final double RIDGE_ALPHA = 1.0;
    private static final double RIDGE_L1_RATIO = 1e-12;


    /** Returns the lower-case, hyphenated name shown in tables. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Trains this baseline.
     *
     * @param data the labelled training clips
     * @param subset the body parts the features use
     * @param sequenceLength frames per resampled sequence
     * @param seed the seed
     * @return the trained model
     */
    public Trained train(LabeledClips data, FeatureSubset subset, int sequenceLength, long seed) {
        QuietTribuo.apply();
        ClipSummary summary = ClipSummary.fit(data, subset, sequenceLength);
        double[][] x = summary.summarize(data.clips());
        String[] names = summary.featureNames();
        List<String> classes = data.classes();
        int[] labels = data.labels();
        if (this == RIDGE) {
            String[] dimensions = dimensionNames(classes.size());
            MutableDataset<Regressor> dataset = new MutableDataset<>(
                    new SimpleDataSourceProvenance("gesturelab clips", new RegressionFactory()), new RegressionFactory());
            for (int i = 0; i < x.length; i++) {
                double[] target = new double[classes.size()];
                target[labels[i]] = 1;
                dataset.add(new ArrayExample<>(new Regressor(dimensions, target), names, x[i]));
            }
            Model<Regressor> model = new ElasticNetCDTrainer(RIDGE_ALPHA, RIDGE_L1_RATIO, seed).train(dataset);
            return new Trained(this, summary, classes, clips -> {
                List<Prediction<Regressor>> predictions = model.predict(examples(summary.summarize(clips), names,
                        new Regressor(dimensions, new double[classes.size()])));
                int[] predicted = new int[predictions.size()];
                for (int i = 0; i < predicted.length; i++) {
                    predicted[i] = argmaxDimension(predictions.get(i).getOutput(), dimensions);
                }
                return predicted;
            });
        }
        MutableDataset<Label> dataset = new MutableDataset<>(
                new SimpleDataSourceProvenance("gesturelab clips", new LabelFactory()), new LabelFactory());
        for (int i = 0; i < x.length; i++) {
            dataset.add(new ArrayExample<>(new Label(classes.get(labels[i])), names, x[i]));
        }
        Model<Label> model = switch (this) {
            case RANDOM_FOREST -> {
                float fraction = (float) Math.min(0.99, Math.sqrt(names.length) / names.length);
                yield new RandomForestTrainer<>(new CARTClassificationTrainer(Integer.MAX_VALUE, fraction, seed),
                        new VotingCombiner(), TREES, seed).train(dataset);
            }
            case GRADIENT_BOOSTING -> new XGBoostClassificationTrainer(TREES, 0.1, 0, 3, 1, 1, 1, 1, 0, 1, true, seed)
                    .train(dataset);
            case LOGISTIC_REGRESSION -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 30, 1000, 1,
                    seed).train(dataset);
            default -> throw new AssertionError(this);
        };
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            index.put(classes.get(c), c);
        }
        return new Trained(this, summary, classes, clips -> {
            List<Prediction<Label>> predictions = model.predict(examples(summary.summarize(clips), names,
                    LabelFactory.UNKNOWN_LABEL));
            int[] predicted = new int[predictions.size()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = index.get(predictions.get(i).getOutput().getLabel());
            }
            return predicted;
        });
    }

    private static <T extends org.tribuo.Output<T>> List<Example<T>> examples(double[][] x, String[] names,
            T output) {
        List<Example<T>> examples = new ArrayList<>(x.length);
        for (double[] row : x) {
            examples.add(new ArrayExample<>(output, names, row));
        }
        return examples;
    }

    private static String[] dimensionNames(int classes) {
        String[] names = new String[classes];
        for (int c = 0; c < classes; c++) {
            names[c] = String.format(Locale.ROOT, "class%04d", c);
        }
        return names;
    }

    private static int argmaxDimension(Regressor output, String[] dimensions) {
        int best = 0;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < dimensions.length; c++) {
            double value = output.getDimension(dimensions[c]).orElseThrow().getValue();
            if (value > bestValue) {
                bestValue = value;
                best = c;
            }
        }
        return best;
    }

    /**
     * Tribuo logs every tree and epoch at INFO through java.util.logging. The logger is held in a static field
     * because java.util.logging forgets the level of a logger nobody references.
     */
    private static final class QuietTribuo {
        private static final Logger TRIBUO = Logger.getLogger("org.tribuo");

        static void apply() {
            TRIBUO.setLevel(Level.WARNING);
        }
    }

    /** Turns clips into predicted class indices. */
    @FunctionalInterface
    interface ClipPredictor {
        int[] predict(List<float[][]> clips);
    }

    /** A trained baseline: predicts the most likely class of each clip. */
    public static final class Trained {

        private final Baseline kind;
        private final ClipSummary summary;
        private final List<String> classes;
        private final ClipPredictor predictor;

        Trained(Baseline kind, ClipSummary summary, List<String> classes, ClipPredictor predictor) {
            this.kind = kind;
            this.summary = summary;
            this.classes = List.copyOf(classes);
            this.predictor = predictor;
        }

        /** Returns which baseline this is. */
        public Baseline kind() {
            return kind;
        }

        /** Returns the class names. */
        public List<String> classes() {
            return classes;
        }

        /** Returns the length of the per-clip summary vector. */
        public int summaryLength() {
            return summary.featureNames().length;
        }

        /**
         * Predicts the class of each clip.
         *
         * @param clips raw clips
         * @return one class index per clip
         */
        public int[] predict(List<float[][]> clips) {
            return predictor.predict(clips);
        }
    }
}

package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.tribuo.Model;
import org.tribuo.MutableDataset;
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
     * Finds a baseline by its {@link #id()} (or enum name), ignoring case.
     *
     * @param id the name, for example {@code random-forest}
     * @return the baseline, or empty when no baseline has that name
     */
    public static Optional<Baseline> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String key = id.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Baseline baseline : values()) {
            if (baseline.name().equals(key)) {
                return Optional.of(baseline);
            }
        }
        return Optional.empty();
    }

    /**
     * Says in words how this model's outputs become class probabilities; written into the model card.
     *
     * @return the sentence
     */
    public String scoring() {
        return switch (this) {
            case RANDOM_FOREST -> "share of the " + TREES + " trees voting for each class";
            case GRADIENT_BOOSTING -> "softmax of the boosted trees' class scores (XGBoost multi:softprob)";
            case LOGISTIC_REGRESSION -> "softmax of the linear class scores";
            case RIDGE -> "ridge has no probabilities: its one-hot regression scores are clipped at 0 and divided by "
                    + "their sum (uniform when no score is above 0); docs/decisions/1400";
        };
    }

    /**
     * Trains this baseline.
     *
     * @param data the labelled training clips
     * @param extractor the per-frame features the clip summary is computed from
     * @param seed the seed
     * @return the trained model
     */
    public Trained train(LabeledClips data, FeatureExtractor extractor, long seed) {
        return new Trained(fit(data, extractor, seed));
    }

    /**
     * Returns the per-frame features this baseline trains on under the given settings: the canonical side
     * (feature version 2) for the linear models when the settings ask for it, the features as recorded for the
     * trees. Canonical-side features tell "left" from "right" by one column among hundreds, which a linear model
     * weighs as it needs but a forest rarely draws: in a left/right/Nothing project of seven people the forest's
     * confidence in a held "left" fell from above Live's threshold to about 0.7 (docs/decisions/1700).
     *
     * @param config the training settings
     * @return the extractor
     */
    public FeatureExtractor extractor(TrainingConfig config) {
        boolean linear = this == RIDGE || this == LOGISTIC_REGRESSION;
        return config.withCanonicalSide(config.canonicalSide() && linear).extractor();
    }

    /**
     * Trains this baseline as a model a project can keep, on the given per-frame features.
     *
     * @param data the labelled training clips
     * @param extractor the per-frame features the clip summary is computed from
     * @param seed the seed
     * @return the trained classifier
     */
    public ClassicClassifier fit(LabeledClips data, FeatureExtractor extractor, long seed) {
        QuietTribuo.apply();
        long started = System.nanoTime();
        ClipSummary summary = ClipSummary.fit(data, extractor);
        double[][] x = summary.summarize(data.clips());
        String[] names = summary.featureNames();
        List<String> classes = data.classes();
        int[] labels = data.labels();
        Model<?> model;
        if (this == RIDGE) {
            // Only classes with clips get an output: a constant target (a class never seen, such as an empty Nothing
            // class) makes Tribuo's standardization divide by 0 and every score NaN. The others score 0.
            String[] all = ClassicClassifier.dimensionNames(classes.size());
            int[] present = java.util.Arrays.stream(labels).distinct().sorted().toArray();
            String[] dimensions = new String[present.length];
            for (int d = 0; d < present.length; d++) {
                dimensions[d] = all[present[d]];
            }
            MutableDataset<Regressor> dataset = new MutableDataset<>(
                    new SimpleDataSourceProvenance("gesturelab clips", new RegressionFactory()), new RegressionFactory());
            for (int i = 0; i < x.length; i++) {
                double[] target = new double[present.length];
                target[java.util.Arrays.binarySearch(present, labels[i])] = 1;
                ArrayExample<Regressor> example = new ArrayExample<>(new Regressor(dimensions, target), names, x[i]);
                example.setWeight((float) data.weight(i));
                dataset.add(example);
            }
            model = new ElasticNetCDTrainer(RIDGE_ALPHA, RIDGE_L1_RATIO, seed).train(dataset);
        } else {
            MutableDataset<Label> dataset = new MutableDataset<>(
                    new SimpleDataSourceProvenance("gesturelab clips", new LabelFactory()), new LabelFactory());
            for (int i = 0; i < x.length; i++) {
                // Tribuo's trainers take a clip's weight (several people: each person counts the same).
                ArrayExample<Label> example = new ArrayExample<>(new Label(classes.get(labels[i])), names, x[i]);
                example.setWeight((float) data.weight(i));
                dataset.add(example);
            }
            model = switch (this) {
                case RANDOM_FOREST -> {
                    float fraction = (float) Math.min(0.99, Math.sqrt(names.length) / names.length);
                    yield new RandomForestTrainer<>(new CARTClassificationTrainer(Integer.MAX_VALUE, fraction, seed),
                            new VotingCombiner(), TREES, seed).train(dataset);
                }
                case GRADIENT_BOOSTING -> new XGBoostClassificationTrainer(TREES, 0.1, 0, 3, 1, 1, 1, 1, 0, 1, true,
                        seed).train(dataset);
                case LOGISTIC_REGRESSION -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1), 30,
                        1000, 1, seed).train(dataset);
                default -> throw new AssertionError(this);
            };
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return ClassicClassifier.trained(this, summary, model, data, seconds);
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

    /** A trained baseline: predicts the most likely class of each clip. */
    public static final class Trained {

        private final ClassicClassifier classifier;

        Trained(ClassicClassifier classifier) {
            this.classifier = classifier;
        }

        /** Returns which baseline this is. */
        public Baseline kind() {
            return classifier.kind();
        }

        /** Returns the class names. */
        public List<String> classes() {
            return classifier.classes();
        }

        /** Returns the length of the per-clip summary vector. */
        public int summaryLength() {
            return classifier.summaryLength();
        }

        /** Returns the classifier behind it, which gives probabilities and can be saved. */
        public ClassicClassifier classifier() {
            return classifier;
        }

        /**
         * Predicts the class of each clip.
         *
         * @param clips raw clips
         * @return one class index per clip
         */
        public int[] predict(List<float[][]> clips) {
            float[][] probabilities = classifier.predict(clips);
            int[] predicted = new int[probabilities.length];
            for (int i = 0; i < predicted.length; i++) {
                for (int c = 1; c < probabilities[i].length; c++) {
                    if (probabilities[i][c] > probabilities[i][predicted[i]]) {
                        predicted[i] = c;
                    }
                }
            }
            return predicted;
        }
    }
}

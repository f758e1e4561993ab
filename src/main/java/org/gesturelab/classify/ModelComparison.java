package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gesturelab.core.TaskMonitor;

/**
 * Trains the DJL architectures and the classical baselines on the same training clips and evaluates them on the
 * same test clips: the honest way to see whether a network earns its cost.
 */
public final class ModelComparison {

    private ModelComparison() {
    }

    /**
     * One model's result.
     *
     * @param model the model's name ({@link Architecture#id()} or {@link Baseline#id()})
     * @param evaluation its evaluation on the test clips
     * @param trainSeconds wall-clock training time, features included
     * @param msPerClip wall-clock prediction time per test clip, predicting all test clips in one call
     * @param failure why the model could not be trained (for example XGBoost without a native library for this
     *     platform), or null; the figures are then NaN and the evaluation null
     */
    public record Row(String model, Evaluation evaluation, double trainSeconds, double msPerClip, String failure) {
    }

    /**
     * Runs the comparison.
     *
     * @param train the training clips
     * @param test the test clips, with the same classes
     * @param config the network settings (its architecture is replaced by each of {@code architectures}); its subset,
     *     sequence length and seed are also used for the baselines
     * @param architectures the networks to train
     * @param baselines the classical models to train
     * @param monitor progress (one unit per model) and cancellation
     * @return one row per model, networks first
     */
    public static List<Row> run(LabeledClips train, LabeledClips test, TrainingConfig config,
            List<Architecture> architectures, List<Baseline> baselines, TaskMonitor monitor) {
        if (!train.classes().equals(test.classes())) {
            throw new IllegalArgumentException("train and test clips have different classes");
        }
        List<Row> rows = new ArrayList<>();
        int total = architectures.size() + baselines.size();
        for (Architecture architecture : architectures) {
            monitor.checkCancelled();
            monitor.update("Training " + architecture.id(), rows.size(), total);
            long started = System.nanoTime();
            try (SequenceClassifier classifier = ClassifierTrainer.train(train,
                    config.withArchitecture(architecture), null, TaskMonitor.SILENT)) {
                double trainSeconds = (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                int[] predicted = Evaluation.argmax(classifier.predict(test.clips()));
                double ms = (System.nanoTime() - started) / 1e6 / test.size();
                rows.add(new Row(architecture.id(), Evaluation.of(train.classes(), test.labels(), predicted),
                        trainSeconds, ms, null));
            }
        }
        for (Baseline baseline : baselines) {
            monitor.checkCancelled();
            monitor.update("Training " + baseline.id(), rows.size(), total);
            long started = System.nanoTime();
            try {
                Baseline.Trained model = baseline.train(train, baseline.extractor(config), config.seed());
                double trainSeconds = (System.nanoTime() - started) / 1e9;
                started = System.nanoTime();
                int[] predicted = model.predict(test.clips());
                double ms = (System.nanoTime() - started) / 1e6 / test.size();
                rows.add(new Row(baseline.id(), Evaluation.of(train.classes(), test.labels(), predicted),
                        trainSeconds, ms, null));
            } catch (RuntimeException | LinkageError e) {
                // A third-party native library missing on this platform should not hide the other results.
                rows.add(new Row(baseline.id(), null, Double.NaN, Double.NaN, e.toString()));
            }
        }
        monitor.update("Compared", total, total);
        return rows;
    }

    /**
     * Renders rows as a plain-text table.
     *
     * @param rows the results
     * @return the table, lines ending in a line break
     */
    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-20s %9s %9s %10s %10s%n", "model", "macro F1", "accuracy",
                "train s", "ms/clip"));
        for (Row row : rows) {
            if (row.failure() != null) {
                out.append(String.format(Locale.ROOT, "%-20s failed: %s%n", row.model(), row.failure()));
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-20s %9.4f %9.4f %10.2f %10.3f%n", row.model(),
                    row.evaluation().macroF1(), row.evaluation().accuracy(), row.trainSeconds(), row.msPerClip()));
        }
        return out.toString();
    }
}

package org.gesturelab.active;

import java.util.List;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.classify.LabeledClips;

/**
 * How well a model does on the fixed test split: accuracy, macro F1 (every class counts the same, so a rare gesture
 * the model never gets right pulls it down) and weighted F1 (classes weighted by their number of test clips).
 *
 * <p>Classes that appear neither in the truth nor in the predictions are left out of the averages, as scikit-learn
 * does; a class that is never predicted has F1 0.
 *
 * @param accuracy the fraction of test clips classified correctly
 * @param macroF1 the unweighted mean of the per-class F1 scores
 * @param weightedF1 the per-class F1 scores weighted by each class's share of the test clips
 * @param clips the number of test clips
 */
public record Evaluation(double accuracy, double macroF1, double weightedF1, int clips) {

    /**
     * Scores predictions against the truth.
     *
     * @param truth the true class of each clip
     * @param predicted the predicted class of each clip
     * @param classes the number of classes
     * @return the scores
     */
    public static Evaluation of(int[] truth, int[] predicted, int classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        int[] truePositive = new int[classes];
        int[] support = new int[classes];
        int[] predictedCount = new int[classes];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            support[truth[i]]++;
            predictedCount[predicted[i]]++;
            if (truth[i] == predicted[i]) {
                truePositive[truth[i]]++;
                correct++;
            }
        }
        double macro = 0;
        double weighted = 0;
        int counted = 0;
        for (int c = 0; c < classes; c++) {
            if (support[c] == 0 && predictedCount[c] == 0) {
                continue;
            }
            counted++;
            double f1 = 2.0 * truePositive[c] / (support[c] + predictedCount[c]);
            macro += f1;
            weighted += f1 * support[c];
        }
        int n = truth.length;
        return new Evaluation(n == 0 ? 0 : (double) correct / n, counted == 0 ? 0 : macro / counted,
                n == 0 ? 0 : weighted / n, n);
    }

    /**
     * Evaluates a model on a test split.
     *
     * @param model the model
     * @param test the test clips with their true labels
     * @return the scores
     */
    public static Evaluation of(GestureClassifier model, LabeledClips test) {
        List<float[][]> clips = test.clips();
        int[] predicted = Uncertainty.argmax(model.predict(clips));
        return of(test.labels(), predicted, test.classes().size());
    }
}

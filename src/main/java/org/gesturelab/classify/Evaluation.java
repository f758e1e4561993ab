package org.gesturelab.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.gesturelab.dataset.NothingClass;

/**
 * The quality of a classifier on labelled clips: accuracy, macro and weighted F1, per-class precision, recall and F1,
 * and the confusion matrix. An immutable value, written to JSON with snake-case names ({@code macro_f1},
 * {@code weighted_f1}, {@code accuracy}, {@code confusion_matrix}, ...).
 *
 * <p>Conventions, as scikit-learn's: a precision or recall with a zero denominator counts as 0; the macro F1
 * averages over the classes that occur in the truth or in the predictions; the weighted F1 weighs each class by its
 * support.
 *
 * @param classes the class names
 * @param clips the number of clips evaluated
 * @param accuracy the share of clips predicted correctly
 * @param macroF1 the unweighted mean F1 over classes
 * @param weightedF1 the support-weighted mean F1
 * @param perClass precision, recall, F1 and support for each class, in class order
 * @param confusionMatrix {@code [true class][predicted class]} counts
 * @param nothingClass the project's Nothing class (left out of {@link #gestureMacroF1()}), or null when every class
 *     is a gesture
 */
@JsonPropertyOrder({"clips", "accuracy", "macro_f1", "gesture_macro_f1", "weighted_f1", "classes", "nothing_class",
    "per_class", "confusion_matrix"})
public record Evaluation(List<String> classes, int clips, double accuracy, double macroF1, double weightedF1,
        List<ClassMetrics> perClass, int[][] confusionMatrix, String nothingClass) {

    /**
     * One class's figures.
     *
     * @param name the class name
     * @param precision the share of the clips predicted as this class that are of it
     * @param recall the share of this class's clips predicted as it
     * @param f1 the harmonic mean of precision and recall
     * @param support the number of clips of this class
     */
    public record ClassMetrics(String name, double precision, double recall, double f1, int support) {
    }

    /**
     * Copies the collections so that the value cannot change.
     *
     * @throws IllegalArgumentException if the Nothing class is not one of the classes
     */
    public Evaluation {
        classes = List.copyOf(classes);
        if (nothingClass != null && !classes.contains(nothingClass)) {
            throw new IllegalArgumentException("the Nothing class " + nothingClass + " is not among " + classes);
        }
        perClass = List.copyOf(perClass);
        int[][] copy = new int[confusionMatrix.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusionMatrix[i].clone();
        }
        confusionMatrix = copy;
    }

    /**
     * Returns the macro F1 over the gesture classes only: the Nothing class left out, because a model that is good
     * at idle footage, the bulk of most data, can hide poor gestures in the plain macro F1. Classes counted as in
     * {@link #macroF1()}.
     *
     * @return the mean F1 over the gesture classes that occur; the plain macro F1 when there is no Nothing class;
     *     0 when no gesture class occurs
     */
    @JsonProperty("gesture_macro_f1")
    public double gestureMacroF1() {
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < perClass.size(); c++) {
            ClassMetrics m = perClass.get(c);
            int predictedAs = 0;
            for (int[] row : confusionMatrix) {
                predictedAs += row[c];
            }
            if (!m.name().equals(nothingClass) && (m.support() > 0 || predictedAs > 0)) {
                sum += m.f1();
                counted++;
            }
        }
        return counted == 0 ? 0 : sum / counted;
    }

    /**
     * Returns this evaluation with the Nothing class given by its position, as a project knows it (its
     * {@code "nothing": true} flag), so that a renamed Nothing class is still left out of the gesture macro F1.
     *
     * @param index the Nothing class's index, or -1 when every class is a gesture
     * @return the evaluation
     * @throws IllegalArgumentException if the index is out of range
     */
    public Evaluation withNothing(int index) {
        if (index < -1 || index >= classes.size()) {
            throw new IllegalArgumentException("no class " + index + " among " + classes.size());
        }
        return new Evaluation(classes, clips, accuracy, macroF1, weightedF1, perClass, confusionMatrix,
                index < 0 ? null : classes.get(index));
    }

    /** Returns a copy of the confusion matrix, {@code [true class][predicted class]}. */
    @Override
    public int[][] confusionMatrix() {
        int[][] copy = new int[confusionMatrix.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = confusionMatrix[i].clone();
        }
        return copy;
    }

    /**
     * Evaluates predictions against the truth. The Nothing class is the one named
     * {@value NothingClass#DEFAULT_NAME}, where only names are known; {@link #withNothing(int)} names it by position.
     *
     * @param classes the class names
     * @param truth the true class of each clip
     * @param predicted the predicted class of each clip
     * @return the evaluation
     * @throws IllegalArgumentException if the arrays differ in length, are empty, or hold a class out of range
     */
    public static Evaluation of(List<String> classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true labels but " + predicted.length + " predictions");
        }
        if (truth.length == 0) {
            throw new IllegalArgumentException("nothing to evaluate: no clips");
        }
        int n = classes.size();
        int[][] confusion = new int[n][n];
        int correct = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= n || predicted[i] < 0 || predicted[i] >= n) {
                throw new IllegalArgumentException("class index out of range at clip " + i);
            }
            confusion[truth[i]][predicted[i]]++;
            if (truth[i] == predicted[i]) {
                correct++;
            }
        }
        List<ClassMetrics> perClass = new ArrayList<>(n);
        double f1Sum = 0;
        int counted = 0;
        double weighted = 0;
        for (int c = 0; c < n; c++) {
            int support = 0;
            int predictedAs = 0;
            for (int k = 0; k < n; k++) {
                support += confusion[c][k];
                predictedAs += confusion[k][c];
            }
            int tp = confusion[c][c];
            double precision = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(classes.get(c), precision, recall, f1, support));
            if (support > 0 || predictedAs > 0) {
                f1Sum += f1;
                counted++;
            }
            weighted += f1 * support;
        }
        return new Evaluation(classes, truth.length, (double) correct / truth.length, f1Sum / counted,
                weighted / truth.length, perClass, confusion, NothingClass.in(classes).orElse(null));
    }

    /**
     * Evaluates probability rows by their most likely class.
     *
     * @param classes the class names
     * @param truth the true class of each clip
     * @param probabilities one row per clip
     * @return the evaluation
     */
    public static Evaluation ofProbabilities(List<String> classes, int[] truth, float[][] probabilities) {
        return of(classes, truth, argmax(probabilities));
    }

    /**
     * Returns the index of the largest value of each row (the first on ties).
     *
     * @param rows rows of scores
     * @return one index per row
     */
    public static int[] argmax(float[][] rows) {
        int[] best = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            int b = 0;
            for (int c = 1; c < rows[i].length; c++) {
                if (rows[i][c] > rows[i][b]) {
                    b = c;
                }
            }
            best[i] = b;
        }
        return best;
    }

    /**
     * Renders the evaluation as a plain-text table: the summary, per-class figures, and the confusion matrix with
     * classes numbered as in the per-class table.
     *
     * @return the table, lines ending in a line break
     */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "clips %d   accuracy %.4f   macro F1 %.4f   weighted F1 %.4f%n",
                clips, accuracy, macroF1, weightedF1));
        if (nothingClass != null) {
            out.append(String.format(Locale.ROOT, "macro F1 over the gesture classes (without %s) %.4f%n",
                    nothingClass, gestureMacroF1()));
        }
        int width = Math.max(5, classes.stream().mapToInt(String::length).max().orElse(5));
        out.append(String.format(Locale.ROOT, "%n%3s  %-" + width + "s  %9s  %6s  %6s  %7s%n", "#", "class",
                "precision", "recall", "F1", "support"));
        for (int c = 0; c < perClass.size(); c++) {
            ClassMetrics m = perClass.get(c);
            out.append(String.format(Locale.ROOT, "%3d  %-" + width + "s  %9.3f  %6.3f  %6.3f  %7d%n", c, m.name(),
                    m.precision(), m.recall(), m.f1(), m.support()));
        }
        out.append(String.format("%nconfusion matrix (rows: true class, columns: predicted)%n"));
        int cell = Math.max(3, String.valueOf(clips).length() + 1);
        out.append(" ".repeat(4));
        for (int c = 0; c < classes.size(); c++) {
            out.append(String.format(Locale.ROOT, "%" + cell + "d", c));
        }
        out.append(System.lineSeparator());
        for (int r = 0; r < confusionMatrix.length; r++) {
            out.append(String.format(Locale.ROOT, "%3d ", r));
            for (int value : confusionMatrix[r]) {
                out.append(String.format(Locale.ROOT, "%" + cell + "d", value));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}

package org.gesturelab.workflow.persons;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.gesturelab.classify.Evaluation;

/**
 * A model's figures per person and their mean and spread over people: the honest answer to "does it work on
 * someone else?". An immutable value, written to JSON with snake-case names.
 *
 * <p>Each person's macro F1 counts the classes that occur in that person's truth or predictions, as
 * {@link Evaluation#macroF1()} does. The spread is the sample standard deviation over people ({@code n - 1}), 0 for
 * a single person. Clips without a person tag belong to no one: they are counted in {@code untaggedClips} and left out
 * of the figures.
 *
 * @param persons one row per person, sorted by name
 * @param meanMacroF1 the mean of the people's macro F1
 * @param spreadMacroF1 its standard deviation over people
 * @param meanAccuracy the mean of the people's accuracy
 * @param spreadAccuracy its standard deviation over people
 * @param untaggedClips clips left out because nobody is named in them
 */
@JsonPropertyOrder({"persons", "mean_macro_f1", "spread_macro_f1", "mean_accuracy", "spread_accuracy",
    "untagged_clips"})
public record PersonScores(List<Person> persons, @JsonProperty("mean_macro_f1") double meanMacroF1,
        @JsonProperty("spread_macro_f1") double spreadMacroF1, @JsonProperty("mean_accuracy") double meanAccuracy,
        @JsonProperty("spread_accuracy") double spreadAccuracy,
        @JsonProperty("untagged_clips") int untaggedClips) {

    /**
     * One person's figures.
     *
     * @param person the person's name
     * @param clips how many of their clips were scored
     * @param accuracy the share predicted correctly
     * @param macroF1 the macro F1 over their clips
     */
    @JsonPropertyOrder({"person", "clips", "accuracy", "macro_f1"})
    public record Person(String person, int clips, double accuracy, @JsonProperty("macro_f1") double macroF1) {
    }

    /** Copies the rows. */
    public PersonScores {
        persons = List.copyOf(persons);
    }

    /**
     * Scores predictions person by person.
     *
     * @param classes the class names
     * @param persons the person of each clip, null where unknown
     * @param truth the true class of each clip
     * @param predicted the predicted class of each clip
     * @return the scores
     * @throws IllegalArgumentException if the arrays differ in length or no clip names a person
     */
    public static PersonScores of(List<String> classes, List<String> persons, int[] truth, int[] predicted) {
        if (persons.size() != truth.length || truth.length != predicted.length) {
            throw new IllegalArgumentException("persons, truth and predictions differ in length");
        }
        Map<String, List<Integer>> byPerson = new TreeMap<>();
        int untagged = 0;
        for (int i = 0; i < truth.length; i++) {
            if (persons.get(i) == null) {
                untagged++;
            } else {
                byPerson.computeIfAbsent(persons.get(i), p -> new ArrayList<>()).add(i);
            }
        }
        List<Person> rows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> entry : byPerson.entrySet()) {
            List<Integer> index = entry.getValue();
            int[] t = index.stream().mapToInt(i -> truth[i]).toArray();
            int[] p = index.stream().mapToInt(i -> predicted[i]).toArray();
            rows.add(of(entry.getKey(), Evaluation.of(classes, t, p)));
        }
        return of(rows, untagged);
    }

    /**
     * Returns a person's row from their evaluation.
     *
     * @param person the person
     * @param evaluation the model's evaluation on their clips
     * @return the row
     */
    public static Person of(String person, Evaluation evaluation) {
        return new Person(person, evaluation.clips(), evaluation.accuracy(), evaluation.macroF1());
    }

    /**
     * Summarises rows over people.
     *
     * @param rows one row per person
     * @param untagged clips left out for want of a person
     * @return the scores, rows sorted by person
     * @throws IllegalArgumentException if there are no rows
     */
    public static PersonScores of(List<Person> rows, int untagged) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no clip names a person");
        }
        List<Person> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(Person::person));
        double[] f1 = sorted.stream().mapToDouble(Person::macroF1).toArray();
        double[] accuracy = sorted.stream().mapToDouble(Person::accuracy).toArray();
        return new PersonScores(sorted, mean(f1), spread(f1), mean(accuracy), spread(accuracy), untagged);
    }

    /**
     * Renders the scores as a plain-text table: one line per person, then the mean and spread.
     *
     * @return the table, lines ending in a line break
     */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-20s %6s %12s %12s%n", "person", "clips", "accuracy", "macro F1"));
        for (Person row : persons) {
            out.append(String.format(Locale.ROOT, "%-20s %6d %12.4f %12.4f%n", row.person(), row.clips(),
                    row.accuracy(), row.macroF1()));
        }
        out.append(String.format(Locale.ROOT, "%-20s %6s %12s %12s%n", "mean ± spread (" + persons.size() + ")", "",
                format(meanAccuracy, spreadAccuracy), format(meanMacroF1, spreadMacroF1)));
        if (untaggedClips > 0) {
            out.append(untaggedClips).append(" clips name no person and are left out.\n");
        }
        return out.toString();
    }

    /** Formats a mean and its spread as {@code 0.712±0.081}. */
    public static String format(double mean, double spread) {
        return String.format(Locale.ROOT, "%.3f±%.3f", mean, spread);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    static double spread(double[] values) {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean(values);
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (values.length - 1));
    }
}

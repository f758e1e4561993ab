package org.gesturelab.workflow.persons;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipBatch;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;

/**
 * A train/test split that holds out whole people, as {@code gesturelab project split --by-person} does it: every
 * labeled clip of the test people goes to the test split and every other labeled clip to the training split, so
 * that no person is in both. Labeled clips without a person tag go to the training split: a clip of nobody known
 * cannot stand for a person the model never saw.
 */
public final class SplitByPerson {

    /**
     * What was done.
     *
     * @param testPersons the people now in the test split, sorted
     * @param trainPersons the people now in the training split, sorted
     * @param toTest clips moved to the test split
     * @param toTrain clips moved to the training split
     * @param untagged labeled clips without a person (all in the training split now)
     */
    public record Result(List<String> testPersons, List<String> trainPersons, int toTest, int toTrain,
            int untagged) {
    }

    private SplitByPerson() {
    }

    /**
     * Picks the test people at random: a share of the people, rounded, at least one and never all.
     *
     * @param persons the people with labeled clips
     * @param fraction the share of people to hold out, between 0 and 1
     * @param seed the random seed
     * @return the chosen people, sorted
     * @throws GestureLabException with fewer than two people or a fraction outside (0, 1)
     */
    public static Set<String> choose(List<String> persons, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new GestureLabException("The test fraction must be between 0 and 1, not " + fraction + ".");
        }
        if (persons.size() < 2) {
            throw new GestureLabException("Holding out whole people needs labeled clips of at least two people; "
                    + "there " + (persons.size() == 1 ? "is one (" + persons.get(0) + ")" : "are none") + ". Tag "
                    + "clips with their person (the Dataset screen, or 'gesturelab import --person NAME').");
        }
        List<String> shuffled = new ArrayList<>(persons);
        Collections.shuffle(shuffled, new Random(seed));
        int take = Math.max(1, Math.min(persons.size() - 1, (int) Math.round(persons.size() * fraction)));
        return new TreeSet<>(shuffled.subList(0, take));
    }

    /**
     * Splits.
     *
     * @param project the open, writable project
     * @param testPersons the people to hold out
     * @return what moved
     * @throws GestureLabException if a test person has no labeled clips, or nobody would be left for training
     */
    public static Result run(Project project, Set<String> testPersons) {
        List<Clip> labeled = project.clips(ClipState.TRAIN, ClipState.TEST);
        Set<String> persons = new TreeSet<>();
        labeled.stream().map(Clip::person).filter(p -> p != null).forEach(persons::add);
        for (String person : new TreeSet<>(testPersons)) {
            if (!persons.contains(person)) {
                throw new GestureLabException("Nobody called '" + person + "' has labeled clips in "
                        + project.directory() + "; the people are " + (persons.isEmpty() ? "none (tag clips with "
                        + "their person first)" : String.join(", ", persons)) + ".");
            }
        }
        Set<String> trainPersons = new TreeSet<>(persons);
        trainPersons.removeAll(testPersons);
        if (testPersons.isEmpty() || trainPersons.isEmpty()) {
            throw new GestureLabException("Hold out some people but not all: the test split would have "
                    + testPersons.size() + " of the " + persons.size() + " people.");
        }
        List<Long> toTest = new ArrayList<>();
        List<Long> toTrain = new ArrayList<>();
        int untagged = 0;
        for (Clip clip : labeled) {
            boolean test = clip.person() != null && testPersons.contains(clip.person());
            untagged += clip.person() == null ? 1 : 0;
            if (test && clip.state() != ClipState.TEST) {
                toTest.add(clip.id());
            } else if (!test && clip.state() != ClipState.TRAIN) {
                toTrain.add(clip.id());
            }
        }
        // Both moves in one transaction: a batch holds it open, and the moves join it, so a failure leaves the
        // split as it was rather than half-moved.
        try (ClipBatch batch = project.beginBatch()) {
            project.moveAll(toTest, ClipState.TEST, LabelSource.USER);
            project.moveAll(toTrain, ClipState.TRAIN, LabelSource.USER);
            batch.commit();
        }
        return new Result(List.copyOf(new TreeSet<>(testPersons)), List.copyOf(trainPersons), toTest.size(),
                toTrain.size(), untagged);
    }
}

package org.gesturelab.workflow.persons;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.Baseline;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.ModelComparison;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.CanonicalSide;
import org.gesturelab.workflow.PersonBalance;

/**
 * Leave-one-person-out: for each person, every model is trained on the labeled clips (training and test) of all
 * other people and scored on that person's, as {@code gesturelab compare --cv person} and the Train screen's
 * "accuracy on people it was not trained on" do it. Saves nothing.
 *
 * <p>Clips without a person tag are left out entirely: as training clips they might show the person being held
 * out, and as test clips they belong to no one.
 */
public final class CrossPersonValidation {

    /**
     * What to compare.
     *
     * @param architectures the networks
     * @param baselines the classical models
     * @param config the network settings (its architecture is replaced by each network); its subset, sequence
     *     length and seed also serve the baselines
     * @param detectParts whether to replace the config's body parts by whatever the labeled clips contain
     */
    public record Request(List<Architecture> architectures, List<Baseline> baselines, TrainingConfig config,
            boolean detectParts) {

        /** Copies the lists. */
        public Request {
            architectures = List.copyOf(architectures);
            baselines = List.copyOf(baselines);
        }

        /** A request that uses the config's body parts as they are. */
        public Request(List<Architecture> architectures, List<Baseline> baselines, TrainingConfig config) {
            this(architectures, baselines, config, false);
        }
    }

    /**
     * One model's result.
     *
     * @param model the model's name ({@link Architecture#id()} or {@link Baseline#id()})
     * @param scores its figures on each held-out person, or null when it failed
     * @param trainSeconds its training time summed over the folds
     * @param failure why it could not be trained, or null
     */
    public record ModelResult(String model, PersonScores scores, double trainSeconds, String failure) {
    }

    /**
     * The comparison.
     *
     * @param persons the people, each held out once, sorted
     * @param clips the labeled clips that took part
     * @param untaggedClips labeled clips left out for want of a person
     * @param models one result per model, networks first
     */
    public record Result(List<String> persons, int clips, int untaggedClips, List<ModelResult> models) {
    }

    private CrossPersonValidation() {
    }

    /**
     * Returns the people whose labeled clips can be held out: with fewer than two, there is nothing to hold out.
     *
     * @param project the open project
     * @return the people of its labeled clips, sorted
     */
    public static List<String> labeledPersons(Project project) {
        TreeSet<String> persons = new TreeSet<>();
        for (Clip clip : project.clips(ClipState.TRAIN, ClipState.TEST)) {
            if (clip.person() != null) {
                persons.add(clip.person());
            }
        }
        return List.copyOf(persons);
    }

    /**
     * Runs the comparison.
     *
     * @param project the open project
     * @param request the models and settings
     * @param monitor progress (one unit per model and person) and cancellation
     * @return the result
     * @throws GestureLabException when fewer than two people have labeled clips
     */
    public static Result run(Project project, Request request, TaskMonitor monitor) {
        List<Clip> labeled = project.clips(ClipState.TRAIN, ClipState.TEST);
        List<Clip> tagged = labeled.stream().filter(clip -> clip.person() != null).toList();
        List<String> persons = List.copyOf(new TreeSet<>(tagged.stream().map(Clip::person).toList()));
        if (persons.size() < 2) {
            throw new GestureLabException("Leaving one person out needs labeled clips of at least two people; "
                    + "the project " + project.directory() + " has " + persons.size() + (persons.isEmpty() ? ""
                    : " (" + persons.get(0) + ")") + ". Tag clips with their person (the Dataset screen, or "
                    + "'gesturelab import --person NAME').");
        }
        monitor.update("Loading " + tagged.size() + " labeled clips", 0, -1);
        LabeledClips all = project.labeledClips(tagged, Clip::label);
        TrainingConfig config = request.detectParts()
                ? request.config().withSubset(FeatureSubset.detect(all.clips())) : request.config();
        int models = request.architectures().size() + request.baselines().size();
        long total = (long) models * persons.size();
        Map<String, List<PersonScores.Person>> rows = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, String> failures = new LinkedHashMap<>();
        for (int p = 0; p < persons.size(); p++) {
            String person = persons.get(p);
            LabeledClips train = subset(all, tagged, person, false);
            LabeledClips test = subset(all, tagged, person, true);
            long before = (long) p * models;
            TaskMonitor fold = new TaskMonitor() {
                @Override
                public void update(String message, long done, long foldTotal) {
                    monitor.update(message + " without " + person + " (" + (persons.indexOf(person) + 1) + " of "
                            + persons.size() + " people)", before + Math.max(0, done), total);
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            };
            // Each fold trains on everybody but one person: the canonical side once that is two people or more.
            TrainingConfig foldConfig = config.withCanonicalSide(CanonicalSide.suitsPeople(persons.size() - 1));
            for (ModelComparison.Row row : ModelComparison.run(train, test, foldConfig,
                    request.architectures(), request.baselines(), fold)) {
                rows.computeIfAbsent(row.model(), m -> new ArrayList<>());
                if (row.failure() != null) {
                    failures.putIfAbsent(row.model(), row.failure());
                    continue;
                }
                rows.get(row.model()).add(PersonScores.of(person, row.evaluation()));
                seconds.merge(row.model(), row.trainSeconds(), Double::sum);
            }
        }
        monitor.update("Compared on " + persons.size() + " people", total, total);
        List<ModelResult> results = new ArrayList<>();
        for (Map.Entry<String, List<PersonScores.Person>> entry : rows.entrySet()) {
            String failure = failures.get(entry.getKey());
            results.add(failure != null
                    ? new ModelResult(entry.getKey(), null, Double.NaN, failure)
                    : new ModelResult(entry.getKey(), PersonScores.of(entry.getValue(), 0),
                            seconds.getOrDefault(entry.getKey(), 0.0), null));
        }
        return new Result(persons, tagged.size(), labeled.size() - tagged.size(), results);
    }

    /** The clips of one person ({@code of} true) or of everybody else. */
    private static LabeledClips subset(LabeledClips all, List<Clip> clips, String person, boolean of) {
        List<float[][]> frames = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Clip> kept = new ArrayList<>();
        for (int i = 0; i < clips.size(); i++) {
            if (person.equals(clips.get(i).person()) == of) {
                frames.add(all.clips().get(i));
                labels.add(all.labels()[i]);
                kept.add(clips.get(i));
            }
        }
        // Training folds weigh each remaining person the same, as Retrain does; a test fold is not weighed.
        return new LabeledClips(frames, labels.stream().mapToInt(Integer::intValue).toArray(), all.classes())
                .withWeights(of ? null : PersonBalance.weights(kept));
    }
}

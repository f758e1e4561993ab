package org.gesturelab.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.core.LabeledClips;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.Project;

/**
 * Training weights that make every person count the same, whatever the number of clips each recorded. When a user
 * adds someone new with one example of each gesture beside people who recorded three, the newcomer's clips would
 * otherwise weigh a third as much, and the model would barely learn how they move: on bodygesture15 the default
 * network scored 0.61 on a new person with their 15 clips at equal weight and 0.68 when those clips counted as much
 * as another person's 45 (docs/decisions/1730). Only where the clips show several people, the rule of
 * {@link CanonicalSide}; clips without a person form one group of their own.
 */
public final class PersonBalance {

    private PersonBalance() {
    }

    /**
     * Computes the weights: a clip of a person with {@code k} of the {@code n} clips, among {@code g} groups, weighs
     * {@code n / (g k)}, so each group weighs {@code n / g} in all and the weights still add up to {@code n}.
     *
     * @param clips the training clips, in the order of the labeled clips they weigh
     * @return one weight per clip, or null (every clip counts the same) when they show fewer than two tagged people
     */
    public static double[] weights(List<Clip> clips) {
        if (!CanonicalSide.suits(clips)) {
            return null;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (Clip clip : clips) {
            counts.merge(group(clip), 1, Integer::sum);
        }
        double[] weights = new double[clips.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (double) clips.size() / (counts.size() * counts.get(group(clips.get(i))));
        }
        return weights;
    }

    /**
     * Loads training clips with their labels and these weights: what {@code train}, the app's retraining and
     * {@code compare} train on.
     *
     * @param project the project
     * @param clips its labeled training clips
     * @return the clips, weighted when they show several people
     */
    public static LabeledClips trainingClips(Project project, List<Clip> clips) {
        return project.labeledClips(clips, Clip::label).withWeights(weights(clips));
    }

    /** The person, or "" for clips nobody is tagged in (a name is never empty). */
    private static String group(Clip clip) {
        return clip.person() == null ? "" : clip.person();
    }
}

package org.gesturelab.app.label;

import java.util.List;
import java.util.Locale;

import org.gesturelab.active.RankedClip;

/**
 * Says in words why a clip was asked about: which classes the model hesitates between, with their probabilities,
 * rather than a raw score ("entropy 1.307").
 */
final class Reason {

    /** Below this probability the runner-up is not worth naming. */
    private static final double RUNNER_UP = 0.05;

    private Reason() {
    }

    /**
     * Returns the reason shown for a clip.
     *
     * @param why the strategy's reason
     * @param probabilities the current model's class probabilities, or null without a model
     * @param classNames the class names
     * @return for example "The model is split between no (48 %) and please (41 %)."
     */
    static String of(RankedClip.Why why, float[] probabilities, List<String> classNames) {
        if (probabilities == null || probabilities.length < 2 || classNames.size() < probabilities.length) {
            return "random".equals(why.measure()) ? "Picked at random: there is no model yet to ask."
                    : "Picked by " + why.measure() + ".";
        }
        int first = -1;
        int second = -1;
        for (int i = 0; i < probabilities.length; i++) {
            if (first < 0 || probabilities[i] > probabilities[first]) {
                second = first;
                first = i;
            } else if (second < 0 || probabilities[i] > probabilities[second]) {
                second = i;
            }
        }
        String text;
        if (probabilities[second] < RUNNER_UP) {
            text = String.format(Locale.ROOT, "The model is fairly sure it is %s (%s)", classNames.get(first),
                    percent(probabilities[first]));
        } else {
            text = String.format(Locale.ROOT, "The model is split between %s (%s) and %s (%s)",
                    classNames.get(first), percent(probabilities[first]), classNames.get(second),
                    percent(probabilities[second]));
        }
        if ("random".equals(why.measure())) {
            text += "; this clip was picked at random for comparison";
        }
        if (why.penalty() > 0) {
            text += "; ranked lower for being close to another clip of the batch";
        }
        return text + ".";
    }

    private static String percent(float p) {
        return Math.round(p * 100) + " %";
    }
}

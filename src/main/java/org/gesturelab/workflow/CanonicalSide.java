package org.gesturelab.workflow;

import java.util.Collection;
import java.util.Objects;

import org.gesturelab.dataset.Clip;

/**
 * When a model is trained with the canonical side ({@code TrainingConfig.canonicalSide}, feature version 2): only
 * when its training clips show at least two tagged people. Different people raise different arms for the same
 * gesture, and putting the leading arm on one side lifted leave-one-person-out macro F1 on bodygesture15 from 0.52
 * to 0.62; one signer in one session is consistent already, and there the flips of two-handed signs whose arms move
 * about equally cost ksl13 up to 0.14 (docs/decisions/1700).
 */
public final class CanonicalSide {

    /** The fewest tagged people in the training clips for the canonical side. */
    public static final int MIN_PEOPLE = 2;

    private CanonicalSide() {
    }

    /**
     * Tells whether a model trained on these clips should use the canonical side.
     *
     * @param trainingClips the clips the model trains on
     * @return whether they show at least {@link #MIN_PEOPLE} tagged people
     */
    public static boolean suits(Collection<Clip> trainingClips) {
        return suitsPeople(trainingClips.stream().map(Clip::person).filter(Objects::nonNull).distinct().count());
    }

    /**
     * Tells whether a model trained on clips of this many tagged people should use the canonical side.
     *
     * @param people distinct tagged people in the training clips
     * @return whether there are at least {@link #MIN_PEOPLE}
     */
    public static boolean suitsPeople(long people) {
        return people >= MIN_PEOPLE;
    }
}

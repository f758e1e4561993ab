package org.gesturelab.active;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Labels every queried clip with its true label: the simulated user of {@code gesturelab simulate}. */
public final class OracleLabeler implements Labeler {

    private final Map<Long, Integer> truth;

    /**
     * Creates the oracle.
     *
     * @param truth the true class of every pool clip, by clip id
     */
    public OracleLabeler(Map<Long, Integer> truth) {
        this.truth = Map.copyOf(truth);
    }

    @Override
    public Result label(RankedBatch batch) {
        List<Answer> answers = new ArrayList<>();
        for (RankedClip clip : batch.clips()) {
            Integer label = truth.get(clip.clipId());
            if (label == null) {
                throw new IllegalStateException("the oracle does not know clip " + clip.clipId());
            }
            answers.add(new Answer(clip.clipId(), label));
        }
        return new Result(answers, false);
    }
}

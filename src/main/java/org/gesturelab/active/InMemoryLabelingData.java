package org.gesturelab.active;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.core.LabeledClips;

/**
 * Labeling data held in memory: the simulation's store, and a fixture for tests. Labels are kept in labeling order,
 * so the training set grows the way it would in a project.
 */
public final class InMemoryLabelingData implements LabelingData {

    private final List<String> classes;
    private final LabeledClips test;
    private final Map<Long, PoolClip> pool = new LinkedHashMap<>();
    private final List<float[][]> labeledClips = new ArrayList<>();
    private final List<Integer> labels = new ArrayList<>();
    private final List<Long> labeledIds = new ArrayList<>();
    private final List<RankedBatch> batches = new ArrayList<>();
    private final List<CurvePoint> iterations = new ArrayList<>();

    /**
     * Creates the store.
     *
     * @param initial the clips labeled before the loop starts
     * @param pool the unlabeled clips
     * @param test the fixed test split, with the same classes as {@code initial}
     */
    public InMemoryLabelingData(LabeledClips initial, List<PoolClip> pool, LabeledClips test) {
        if (!initial.classes().equals(test.classes())) {
            throw new IllegalArgumentException("training and test classes differ: " + initial.classes() + " vs "
                    + test.classes());
        }
        this.classes = initial.classes();
        this.test = test;
        for (int i = 0; i < initial.size(); i++) {
            labeledClips.add(initial.clips().get(i));
            labels.add(initial.labels()[i]);
            labeledIds.add(-1L - i);
        }
        for (PoolClip clip : pool) {
            if (this.pool.put(clip.id(), clip) != null) {
                throw new IllegalArgumentException("pool clip id " + clip.id() + " appears twice");
            }
        }
    }

    @Override
    public LabeledClips labeled() {
        return new LabeledClips(labeledClips, labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    @Override
    public LabeledClips test() {
        return test;
    }

    @Override
    public List<PoolClip> pool() {
        return List.copyOf(pool.values());
    }

    @Override
    public void apply(List<Labeler.Answer> answers) {
        for (Labeler.Answer answer : answers) {
            if (answer.skipped()) {
                continue;
            }
            PoolClip clip = pool.remove(answer.clipId());
            if (clip == null) {
                throw new IllegalArgumentException("clip " + answer.clipId() + " is not in the pool");
            }
            if (answer.label() < 0 || answer.label() >= classes.size()) {
                throw new IllegalArgumentException("label " + answer.label() + " out of range");
            }
            labeledClips.add(clip.frames());
            labels.add(answer.label());
            labeledIds.add(clip.id());
        }
    }

    @Override
    public void recordBatch(RankedBatch batch) {
        batches.add(batch);
    }

    @Override
    public void recordIteration(CurvePoint iteration) {
        iterations.add(iteration);
    }

    /** Returns the pool ids labeled so far, in labeling order (the initial clips have negative ids). */
    public List<Long> labeledIds() {
        return List.copyOf(labeledIds);
    }

    /** Returns the recorded query batches. */
    public List<RankedBatch> batches() {
        return List.copyOf(batches);
    }

    /** Returns the recorded iterations. */
    public List<CurvePoint> iterations() {
        return List.copyOf(iterations);
    }
}

package org.gesturelab.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.gesturelab.active.Labeler;
import org.gesturelab.active.PoolClip;
import org.gesturelab.active.StoredLabelingData;
import org.gesturelab.active.QueryStep;
import org.gesturelab.active.QueryStrategies;
import org.gesturelab.active.RankedBatch;
import org.gesturelab.active.RankedClip;
import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.LabelEvent;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;

/**
 * The user's labeling rounds on a project, as the Label screen and {@code gesturelab label} run them: query a batch
 * with the current model (at random without one) through the same {@link QueryStep} as the active-learning loop,
 * record it, and store each label, skip or undo the moment it is given. Retraining after a batch is
 * {@link Retrain}'s job.
 */
public final class LabelingRound {

    /**
     * What to query.
     *
     * @param strategy the query strategy's name (see {@link QueryStrategies#NAMES})
     * @param batchSize how many clips
     * @param seed the strategy's seed, or null: the round's number with a model, the clock without
     */
    public record Request(String strategy, int batchSize, Long seed) {
    }

    /**
     * One queried clip, ready to show.
     *
     * @param ranked why the strategy picked it
     * @param clip the stored clip
     * @param frames its keypoints
     * @param probabilities the model's class probabilities for it, or null without a model
     */
    public record Item(RankedClip ranked, Clip clip, float[][] frames, float[] probabilities) {
    }

    /**
     * A queried batch.
     *
     * @param batch the recorded batch; its strategy is {@code random} when there was no model
     * @param items its clips, best first; empty when the pool is empty
     */
    public record Batch(RankedBatch batch, List<Item> items) {

        /** Copies the items. */
        public Batch {
            items = List.copyOf(items);
        }

        /** Returns whether the clips were picked at random, for want of a model. */
        public boolean random() {
            return batch != null && batch.strategy().equals("random");
        }
    }

    /**
     * The model that ranks the first batch of a session when the project has none yet.
     *
     * @param model the model, owned by the caller
     * @param quick whether it is a {@link Retrain#quick} model, to be followed by a full training in the background;
     *     false when it is the full model, saved as the project's current one
     * @param seconds how long it took
     */
    public record FirstModel(TrainedClassifier model, boolean quick, double seconds) {
    }

    private final Project project;
    private final StoredLabelingData data;
    private int round;

    /**
     * Starts labeling a project as the user.
     *
     * @param project the open, writable project
     */
    public LabelingRound(Project project) {
        this.project = project;
        this.data = new StoredLabelingData(project, Iteration.INTERACTIVE, LabelSource.USER);
    }

    /** Returns where the rounds' clips live and their labels, batches and iterations go. */
    public StoredLabelingData data() {
        return data;
    }

    /**
     * Loads the project's current model if it still fits the project.
     *
     * @param project the project
     * @return the model, owned by the caller, or empty when there is none or it is from before a class was added
     */
    public static Optional<TrainedClassifier> currentModel(Project project) {
        if (ModelStore.current(project.directory()).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelStore.loadCurrent(project.directory(), project.classNames(),
                    project.sequenceLength(), project.settings().features()));
        } catch (RuntimeException e) {
            // A model that no longer fits is no model: query at random until retrained.
            return Optional.empty();
        }
    }

    /**
     * Returns whether a model can be trained: whether labeled training clips of two classes or more exist.
     *
     * @param project the project
     * @return whether {@link #firstModel} can train
     */
    public static boolean canTrain(Project project) {
        return project.stats().perClass().stream().filter(c -> c.train() > 0).count() >= 2;
    }

    /**
     * Trains the model that ranks the first batch when the project has none: the full model, saved and recorded as
     * a retraining, when the training clips are few enough ({@value Retrain#QUICK_ABOVE}) to train in a few seconds;
     * else a {@link Retrain#quick} model, and the caller starts the full training in the background.
     *
     * @param project the open, writable project with labeled clips of two classes or more
     * @param monitor progress and cancellation
     * @return the model
     * @throws java.io.IOException if a full model cannot be saved
     */
    public static FirstModel firstModel(Project project, TaskMonitor monitor) throws java.io.IOException {
        long start = System.nanoTime();
        if (project.count(org.gesturelab.dataset.ClipQuery.inState(org.gesturelab.dataset.ClipState.TRAIN))
                <= Retrain.QUICK_ABOVE) {
            Retrain.Result full = Retrain.run(project, Retrain.Request.interactive(null, "random"), monitor);
            return new FirstModel(full.model(), false, full.seconds());
        }
        TrainedClassifier quick = Retrain.quick(project, monitor);
        return new FirstModel(quick, true, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Queries and records the next batch.
     *
     * @param model the current model, or null to pick at random
     * @param request the strategy and batch size
     * @param monitor progress and cancellation
     * @return the batch; without clips in the pool, an empty one that is not recorded
     */
    public Batch query(GestureClassifier model, Request request, TaskMonitor monitor) {
        List<PoolClip> pool = data.pool();
        if (pool.isEmpty()) {
            return new Batch(null, List.of());
        }
        round++;
        long seed = request.seed() != null ? request.seed() : model == null ? System.nanoTime() : round;
        RankedBatch batch = QueryStep.pick(data, pool, model, QueryStrategies.forName(request.strategy(),
                project.settings().nothingIndex()), round,
                request.batchSize(), seed, monitor);
        Map<Long, PoolClip> byId = new HashMap<>();
        pool.forEach(p -> byId.put(p.id(), p));
        List<float[][]> frames = batch.clips().stream().map(r -> byId.get(r.clipId()).frames()).toList();
        float[][] probabilities = model == null || frames.isEmpty() ? null : model.predict(frames);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            monitor.checkCancelled();
            RankedClip ranked = batch.clips().get(i);
            items.add(new Item(ranked, project.requireClip(ranked.clipId()), frames.get(i),
                    probabilities == null ? null : probabilities[i]));
        }
        return new Batch(batch, items);
    }

    /**
     * Labels a clip: it joins the training clips, or the test clips when the project's automatic hold-out
     * ({@link TestHoldOut#stateForNewLabel}) asks for one more test clip of its class.
     *
     * @param clipId the clip
     * @param classIndex its class
     * @return the stored event
     */
    public LabelEvent label(long clipId, int classIndex) {
        return TestHoldOut.label(project, clipId, classIndex, LabelSource.USER);
    }

    /**
     * Skips a clip: it is set aside without a label and may be offered again later.
     *
     * @param clipId the clip
     * @return the stored event
     */
    public LabelEvent skip(long clipId) {
        return project.skip(clipId, LabelSource.USER);
    }

    /**
     * Stores one answer, a label or a skip.
     *
     * @param answer the answer
     * @return the stored event
     */
    public LabelEvent answer(Labeler.Answer answer) {
        return answer.skipped() ? skip(answer.clipId()) : label(answer.clipId(), answer.label());
    }

    /**
     * Undoes the last label or skip.
     *
     * @return what was undone, or empty when there is nothing to undo
     */
    public Optional<LabelEvent> undo() {
        List<LabelEvent> undone = project.undo(1);
        return undone.isEmpty() ? Optional.empty() : Optional.of(undone.get(0));
    }
}

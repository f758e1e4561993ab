package org.gesturelab.active;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;

/**
 * The active-learning loop: train, score the pool with the current model, let the labeler label the top k, retrain,
 * evaluate on the fixed test split, record the iteration, and repeat until the target F1 is reached or the pool is
 * empty.
 *
 * <p>Every round is scored with the model trained in the previous round, never with the initial one: a model that
 * has already learned a gesture is no longer unsure of it, and asking an outdated model keeps querying clips that
 * no longer help.
 */
public final class ActiveLearningLoop {

    /** Why the loop stopped. */
    public enum StopReason {
        /** Macro F1 reached the target. */
        TARGET_REACHED,
        /** No unlabeled clips are left. */
        POOL_EXHAUSTED,
        /** The round or label limit was reached. */
        LIMIT_REACHED,
        /** The labeler asked to stop. */
        STOPPED_BY_USER
    }

    /**
     * What a run of the loop produced.
     *
     * @param iterations the learning curve, round 0 first
     * @param batches every query batch
     * @param reason why the loop stopped
     * @param model the last model, owned by the caller
     */
    public record Outcome(List<CurvePoint> iterations, List<RankedBatch> batches, StopReason reason,
            GestureClassifier model) {

        /** Copies the lists. */
        public Outcome {
            iterations = List.copyOf(iterations);
            batches = List.copyOf(batches);
        }

        /** Returns the last iteration. */
        public CurvePoint last() {
            return iterations.get(iterations.size() - 1);
        }
    }

    private final Learner learner;
    private final Labeler labeler;
    private final LoopSettings settings;

    /**
     * Creates the loop.
     *
     * @param learner trains the models
     * @param labeler labels the queried clips
     * @param settings the strategy, batch size, target and limits
     */
    public ActiveLearningLoop(Learner learner, Labeler labeler, LoopSettings settings) {
        this.learner = learner;
        this.labeler = labeler;
        this.settings = settings;
    }

    /**
     * Runs the loop, training the first model on the clips labeled so far.
     *
     * @param data the clips, and where labels and records go
     * @param monitor progress and cancellation
     * @return the learning curve and the last model
     */
    public Outcome run(LabelingData data, TaskMonitor monitor) {
        long start = System.nanoTime();
        GestureClassifier model = learner.fit(data.labeled(), null, monitor);
        return run(data, model, (System.nanoTime() - start) / 1e9, monitor);
    }

    /**
     * Runs the loop from an already trained model (for example the project's last one).
     *
     * @param data the clips, and where labels and records go
     * @param initial the current model; the loop takes ownership and closes it when it is replaced
     * @param initialSeconds the time it took to train the initial model, for the record
     * @param monitor progress and cancellation
     * @return the learning curve and the last model
     */
    public Outcome run(LabelingData data, GestureClassifier initial, double initialSeconds, TaskMonitor monitor) {
        List<CurvePoint> iterations = new ArrayList<>();
        List<RankedBatch> batches = new ArrayList<>();
        GestureClassifier model = initial;
        try {
            long start = System.nanoTime();
            Evaluation evaluation = evaluate(model, data.test());
            CurvePoint first = iteration(0, data.labeled().size(), evaluation, "initial",
                    initialSeconds + (System.nanoTime() - start) / 1e9);
            iterations.add(first);
            data.recordIteration(first);
            // Clip id -> the last round in which a skipped clip is still kept out.
            Map<Long, Integer> skippedUntil = new HashMap<>();
            int round = 0;
            while (true) {
                monitor.checkCancelled();
                if (evaluation != null && evaluation.macroF1() >= settings.targetF1()) {
                    return new Outcome(iterations, batches, StopReason.TARGET_REACHED, model);
                }
                if ((settings.maxRounds() > 0 && round >= settings.maxRounds())
                        || (settings.maxLabels() > 0 && data.labeled().size() >= settings.maxLabels())) {
                    return new Outcome(iterations, batches, StopReason.LIMIT_REACHED, model);
                }
                round++;
                List<PoolClip> remaining = data.pool();
                List<PoolClip> pool = offerable(remaining, skippedUntil, round);
                boolean onlySkippedLeft = pool.isEmpty() && !remaining.isEmpty();
                if (onlySkippedLeft) {
                    // Only skipped clips are left: offer them again rather than stop with unlabeled clips.
                    pool = remaining;
                }
                if (pool.isEmpty()) {
                    return new Outcome(iterations, batches, StopReason.POOL_EXHAUSTED, model);
                }
                long roundStart = System.nanoTime();
                int k = settings.batchSize();
                if (settings.maxLabels() > 0) {
                    k = Math.min(k, settings.maxLabels() - data.labeled().size());
                }
                RankedBatch batch = QueryStep.pick(data, pool, model, settings.strategy(), round, k,
                        settings.seed() + round, monitor);
                batches.add(batch);
                Labeler.Result result = labeler.label(batch);
                data.apply(result.answers());
                for (Labeler.Answer answer : result.answers()) {
                    if (answer.skipped()) {
                        skippedUntil.put(answer.clipId(), round + settings.skipCooldown());
                    }
                }
                boolean learned = result.answers().stream().anyMatch(a -> !a.skipped());
                if (learned) {
                    monitor.checkCancelled();
                    GestureClassifier next = learner.fit(data.labeled(), settings.warmStart() ? model : null,
                            monitor);
                    if (next != model) {
                        model.close();
                    }
                    model = next;
                    evaluation = evaluate(model, data.test());
                }
                CurvePoint iteration = iteration(round, data.labeled().size(), evaluation,
                        settings.strategy().name(), (System.nanoTime() - roundStart) / 1e9);
                if (learned) {
                    iterations.add(iteration);
                    data.recordIteration(iteration);
                }
                monitor.update(String.format("Round %d: %d labels, macro F1 %.3f", round, iteration.labels(),
                        iteration.macroF1()), iteration.labels(), iteration.labels() + data.pool().size());
                if (!learned && onlySkippedLeft) {
                    // Everything left was skipped twice over: asking again would loop for ever.
                    return new Outcome(iterations, batches, StopReason.POOL_EXHAUSTED, model);
                }
                if (result.stop()) {
                    return new Outcome(iterations, batches, StopReason.STOPPED_BY_USER, model);
                }
            }
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Scores a model on the test split.
     *
     * @param model the model
     * @param test the test clips
     * @return the evaluation, or null when there are no test clips to measure on
     */
    static Evaluation evaluate(GestureClassifier model, LabeledClips test) {
        if (test.size() == 0) {
            return null;
        }
        return Evaluation.ofProbabilities(test.classes(), test.labels(), model.predict(test.clips()));
    }

    private static CurvePoint iteration(int round, int labels, Evaluation evaluation, String strategy,
            double seconds) {
        // Without test clips nothing is measured: NaN says so, and never reaches a target.
        return evaluation == null
                ? new CurvePoint(round, labels, Double.NaN, Double.NaN, Double.NaN, strategy, seconds)
                : new CurvePoint(round, labels, evaluation.macroF1(), evaluation.weightedF1(), evaluation.accuracy(),
                        strategy, seconds);
    }

    private static List<PoolClip> offerable(List<PoolClip> pool, Map<Long, Integer> skippedUntil, int round) {
        List<PoolClip> offerable = new ArrayList<>(pool.size());
        for (PoolClip clip : pool) {
            Integer until = skippedUntil.get(clip.id());
            if (until == null || round > until) {
                offerable.add(clip);
            }
        }
        return offerable;
    }
}

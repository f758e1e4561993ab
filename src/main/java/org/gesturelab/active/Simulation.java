package org.gesturelab.active;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongFunction;

import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;

/**
 * Replays the labeling loop with the true labels as the oracle, for several strategies and seeds, to measure how
 * many labels each strategy needs. Every strategy of one seed starts from the same initial labels and trains with
 * the same learner seed, so the strategies differ only in what they query.
 */
public final class Simulation {

    /**
     * What to simulate.
     *
     * @param strategies the strategy names, see {@link QueryStrategies#NAMES}
     * @param seeds how many seeds (repetitions) per strategy
     * @param initPerClass labeled clips per class before the first query
     * @param batchSize clips queried per round
     * @param targetF1 the absolute target macro F1; ignored when {@code targetFraction} is positive
     * @param targetFraction when positive, the target is this fraction of the macro F1 of a model trained on the
     *     whole pool with the same seed
     * @param maxLabels stop a run once this many clips are labeled, or 0 to run until the target or an empty pool
     * @param warmStart whether retraining continues from the previous round's model
     * @param baseSeed seed {@code i} is {@code baseSeed + i}
     * @param testFraction the share of each class held out for testing when no test set is given
     * @param runPastTarget whether runs go on after reaching the target, up to {@code maxLabels} or an empty pool,
     *     to draw whole learning curves (labels to target are still measured)
     * @param nothingClass the pool's Nothing class, or -1 when it has none (for {@code gesture-first})
     */
    public record Settings(List<String> strategies, int seeds, int initPerClass, int batchSize, double targetF1,
            double targetFraction, int maxLabels, boolean warmStart, long baseSeed, double testFraction,
            boolean runPastTarget, int nothingClass) {

        /** Checks the fields. */
        public Settings {
            strategies = List.copyOf(strategies);
            if (strategies.isEmpty() || seeds < 1 || initPerClass < 1 || batchSize < 1) {
                throw new IllegalArgumentException("need at least one strategy, seed, initial label per class "
                        + "and clip per batch");
            }
            strategies.forEach(QueryStrategies::forName);
        }

        /** Returns whether the target is relative to the full-pool model. */
        public boolean relativeTarget() {
            return targetFraction > 0;
        }
    }

    /**
     * One strategy's run with one seed.
     *
     * @param strategy the strategy name
     * @param seed the seed
     * @param targetF1 the target this run aimed for
     * @param iterations its learning curve
     * @param reason why it stopped
     * @param queriedLabels the true class of every clip the strategy queried, in query order
     */
    public record Run(String strategy, long seed, double targetF1, List<CurvePoint> iterations,
            ActiveLearningLoop.StopReason reason, List<Integer> queriedLabels) {

        /** Copies the curve. */
        public Run {
            iterations = List.copyOf(iterations);
            queriedLabels = List.copyOf(queriedLabels);
        }

        /** A run whose queries were not recorded. */
        public Run(String strategy, long seed, double targetF1, List<CurvePoint> iterations,
                ActiveLearningLoop.StopReason reason) {
            this(strategy, seed, targetF1, iterations, reason, List.of());
        }

        /**
         * Counts the gesture clips among the first queries: how fast a strategy digs the gestures out of a pool
         * that is mostly Nothing.
         *
         * @param k how many queries count
         * @param nothing the Nothing class's index, or -1 when every class is a gesture
         * @return how many of the first {@code k} queried clips are of a gesture class
         */
        public int gesturesInFirst(int k, int nothing) {
            return (int) queriedLabels.stream().limit(k).filter(label -> label != nothing).count();
        }

        /** Returns the labels at the first iteration that reached the target, or null if none did. */
        public Integer labelsToTarget() {
            for (CurvePoint iteration : iterations) {
                if (iteration.macroF1() >= targetF1) {
                    return iteration.labels();
                }
            }
            return null;
        }

        /**
         * Returns the macro F1 of the model a user would hold with {@code labels} labels: the last iteration at or
         * below that count (a run that stopped keeps its last model).
         *
         * @param labels the label count
         * @return the macro F1, or NaN before the first iteration
         */
        public double macroF1At(int labels) {
            double value = Double.NaN;
            for (CurvePoint iteration : iterations) {
                if (iteration.labels() > labels) {
                    break;
                }
                value = iteration.macroF1();
            }
            return value;
        }

        /**
         * Returns the normalized area under the learning curve between two label counts: the mean macro F1 over
         * that range, in [0, 1]. The curve is linear between iterations and flat after the last one.
         *
         * @param from the first label count
         * @param to the last label count
         * @return the area divided by {@code to - from}
         */
        public double aulc(int from, int to) {
            if (to <= from) {
                return macroF1At(from);
            }
            double area = 0;
            for (int i = 0; i + 1 < iterations.size(); i++) {
                CurvePoint a = iterations.get(i);
                CurvePoint b = iterations.get(i + 1);
                area += (b.labels() - a.labels()) * (a.macroF1() + b.macroF1()) / 2;
            }
            CurvePoint last = iterations.get(iterations.size() - 1);
            area += (to - last.labels()) * last.macroF1();
            return area / (to - from);
        }
    }

    /**
     * One strategy's figures over all seeds.
     *
     * @param strategy the strategy name
     * @param labelsToTarget the median over seeds of the labels needed to reach the target (a run that never
     *     reached it counts as infinite), or null when the median is infinite
     * @param reached how many runs reached the target
     * @param runs how many runs there were
     * @param aulc the mean normalized area under the learning curve
     * @param finalF1 the mean macro F1 of the last model
     * @param ratioToRandom {@code labelsToTarget} divided by random's, or null when either is unknown
     */
    public record Summary(String strategy, Double labelsToTarget, int reached, int runs, double aulc,
            double finalF1, Double ratioToRandom) {
    }

    /**
     * The outcome of a simulation.
     *
     * @param targetF1 the target macro F1 (the mean over seeds when relative)
     * @param fullPoolF1 the mean macro F1 of models trained on the whole pool
     * @param initialLabels labels before the first query
     * @param maxLabels the largest label count any run reached; the areas are measured up to it
     * @param poolSize clips in the pool, the initial labels included
     * @param testSize clips in the test split
     * @param runs every run
     * @param summaries one per strategy, in the order asked
     * @param seconds the wall time
     */
    public record Result(double targetF1, double fullPoolF1, int initialLabels, int maxLabels, int poolSize,
            int testSize, List<Run> runs, List<Summary> summaries, double seconds) {

        /** Copies the lists. */
        public Result {
            runs = List.copyOf(runs);
            summaries = List.copyOf(summaries);
        }
    }

    private final LongFunction<Learner> learners;

    /**
     * Creates a simulation.
     *
     * @param learners makes the learner for a seed; it is called once per run
     */
    public Simulation(LongFunction<Learner> learners) {
        this.learners = Objects.requireNonNull(learners, "learners");
    }

    /**
     * Runs the simulation.
     *
     * @param data the pool, with its true labels
     * @param test the test set, or null to hold out a stratified share of {@code data}
     * @param settings what to simulate
     * @param monitor progress and cancellation
     * @return the curves and the summary
     */
    public Result run(GestureSet data, GestureSet test, Settings settings, TaskMonitor monitor) {
        long start = System.nanoTime();
        GestureSet pool = data;
        if (test == null) {
            int[] held = Splits.stratifiedFraction(data.labels(), data.classes().size(), settings.testFraction(),
                    settings.baseSeed());
            test = data.subset(held);
            pool = data.subset(Splits.complement(data.size(), held));
        }
        if (!test.classes().equals(pool.classes())) {
            throw new IllegalArgumentException("pool and test classes differ");
        }
        LabeledClips testClips = test.toLabeledClips();
        int strategies = settings.strategies().size();
        int total = settings.seeds() * (strategies + 1);
        int done = 0;
        TaskMonitor quiet = new TaskMonitor() {
            @Override
            public void update(String message, long unitsDone, long units) {
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
        monitor.update("Simulating", 0, total);
        // Runs go one after another: DJL's PyTorch engine allows one gradient collector per process.
        double[] fullF1 = new double[settings.seeds()];
        for (int s = 0; s < settings.seeds(); s++) {
            // The full-pool model comes first: a relative target must be known before the runs start.
            monitor.checkCancelled();
            monitor.update("Training on the whole pool, seed " + (settings.baseSeed() + s), done, total);
            try (GestureClassifier model = learners.apply(settings.baseSeed() + s).fit(pool.toLabeledClips(), null,
                    quiet)) {
                fullF1[s] = ActiveLearningLoop.evaluate(model, testClips).macroF1();
            }
            monitor.update("Simulating", ++done, total);
        }
        List<Run> runs = new ArrayList<>();
        for (int s = 0; s < settings.seeds(); s++) {
            long seed = settings.baseSeed() + s;
            double target = settings.relativeTarget() ? settings.targetFraction() * fullF1[s] : settings.targetF1();
            for (String name : settings.strategies()) {
                monitor.update("Simulating " + name + ", seed " + seed, done, total);
                runs.add(runOne(pool, testClips, name, seed, target, settings, quiet));
                monitor.update("Simulating", ++done, total);
            }
        }
        double meanTarget = settings.relativeTarget()
                ? settings.targetFraction() * Arrays.stream(fullF1).average().orElse(0) : settings.targetF1();
        int initial = runs.stream().mapToInt(r -> r.iterations().get(0).labels()).min().orElse(0);
        int last = runs.stream().mapToInt(r -> r.iterations().get(r.iterations().size() - 1).labels()).max()
                .orElse(initial);
        return new Result(meanTarget, Arrays.stream(fullF1).average().orElse(0), initial, last, pool.size(),
                test.size(), runs, summarize(runs, settings.strategies(), initial, last),
                (System.nanoTime() - start) / 1e9);
    }

    private Run runOne(GestureSet pool, LabeledClips test, String strategy, long seed, double target,
            Settings settings, TaskMonitor monitor) {
        int[] initial = Splits.perClass(pool.labels(), pool.classes().size(), settings.initPerClass(), seed);
        int[] rest = Splits.complement(pool.size(), initial);
        List<PoolClip> unlabeled = new ArrayList<>();
        Map<Long, Integer> truth = new HashMap<>();
        for (int index : rest) {
            unlabeled.add(new PoolClip(index, pool.recordings().get(index), 0, pool.clips().get(index)));
            truth.put((long) index, pool.labels()[index]);
        }
        InMemoryLabelingData data = new InMemoryLabelingData(pool.subset(initial).toLabeledClips(), unlabeled, test);
        double stopAt = settings.runPastTarget() ? Double.POSITIVE_INFINITY : target;
        LoopSettings loop = new LoopSettings(QueryStrategies.forName(strategy, settings.nothingClass()),
                settings.batchSize(), stopAt,
                settings.warmStart(), 1, 0, settings.maxLabels(), seed);
        OracleLabeler oracle = new OracleLabeler(truth);
        List<Integer> queried = new ArrayList<>();
        Labeler recording = batch -> {
            Labeler.Result answers = oracle.label(batch);
            answers.answers().forEach(answer -> queried.add(answer.label()));
            return answers;
        };
        ActiveLearningLoop.Outcome outcome = new ActiveLearningLoop(learners.apply(seed), recording, loop)
                .run(data, monitor);
        outcome.model().close();
        return new Run(strategy, seed, target, outcome.iterations(), outcome.reason(), queried);
    }

    /**
     * Summarizes runs per strategy.
     *
     * @param runs the runs
     * @param strategies the strategies, in report order
     * @param from the initial label count
     * @param to the label count up to which areas are measured
     * @return one summary per strategy
     */
    static List<Summary> summarize(List<Run> runs, List<String> strategies, int from, int to) {
        Map<String, Double> needed = new HashMap<>();
        List<Summary> partial = new ArrayList<>();
        for (String strategy : strategies) {
            List<Run> mine = runs.stream().filter(r -> r.strategy().equals(strategy)).toList();
            double[] labels = mine.stream().mapToDouble(r -> r.labelsToTarget() == null
                    ? Double.POSITIVE_INFINITY : r.labelsToTarget()).sorted().toArray();
            double median = median(labels);
            Double labelsToTarget = Double.isFinite(median) ? median : null;
            needed.put(strategy, labelsToTarget);
            int reached = (int) Arrays.stream(labels).filter(Double::isFinite).count();
            double aulc = mine.stream().mapToDouble(r -> r.aulc(from, to)).average().orElse(0);
            double finalF1 = mine.stream()
                    .mapToDouble(r -> r.iterations().get(r.iterations().size() - 1).macroF1()).average().orElse(0);
            partial.add(new Summary(strategy, labelsToTarget, reached, mine.size(), aulc, finalF1, null));
        }
        Double random = needed.get("random");
        List<Summary> summaries = new ArrayList<>();
        for (Summary s : partial) {
            Double ratio = random != null && s.labelsToTarget() != null ? s.labelsToTarget() / random : null;
            summaries.add(new Summary(s.strategy(), s.labelsToTarget(), s.reached(), s.runs(), s.aulc(),
                    s.finalF1(), ratio));
        }
        return summaries;
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.POSITIVE_INFINITY;
        }
        int middle = sorted.length / 2;
        if (sorted.length % 2 == 1) {
            return sorted[middle];
        }
        // Infinity in either middle value makes the median unknown rather than infinite-averaged.
        return sorted[middle - 1] / 2 + sorted[middle] / 2;
    }
}

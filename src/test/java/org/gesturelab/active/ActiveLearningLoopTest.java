package org.gesturelab.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gesturelab.SharedData;
import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.CancelledException;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The loop on real ksl13 keypoints with a small, really trained network. */
class ActiveLearningLoopTest {

    private static GestureSet pool;
    private static GestureSet test;

    @BeforeAll
    static void readData() {
        Path root = SharedData.require("ksl13-posehands");
        pool = GestureSet.readMpData(root.resolve("MP_Data"), null);
        test = GestureSet.readMpData(root.resolve("MP_Data1"), pool.classes());
    }

    private static InMemoryLabelingData data(long seed, Map<Long, Integer> truth) {
        int[] initial = Splits.perClass(pool.labels(), pool.classes().size(), 2, seed);
        List<PoolClip> unlabeled = new ArrayList<>();
        for (int index : Splits.complement(pool.size(), initial)) {
            unlabeled.add(new PoolClip(index, pool.recordings().get(index), 0, pool.clips().get(index)));
            truth.put((long) index, pool.labels()[index]);
        }
        return new InMemoryLabelingData(pool.subset(initial).toLabeledClips(), unlabeled, test.toLabeledClips());
    }

    @Test
    void readsKsl13IntoThe1662Layout() {
        assertEquals(13, pool.classes().size());
        assertEquals(650, pool.size());
        assertEquals(130, test.size());
        assertEquals(1662, pool.clips().get(0)[0].length);
        assertEquals(30, pool.clips().get(0).length);
        assertTrue(pool.classes().contains("Let's go"));
    }

    @Test
    void loopScoresEachRoundWithTheCurrentModelAndImproves() {
        Map<Long, Integer> truth = new HashMap<>();
        InMemoryLabelingData data = data(3, truth);
        List<GestureClassifier> trained = new ArrayList<>();
        Learner learner = (labeled, previous, monitor) -> {
            GestureClassifier model = new TinyMlpLearner(3, 60, 20).fit(labeled, previous, monitor);
            trained.add(model);
            return model;
        };
        List<GestureClassifier> askedModels = new ArrayList<>();
        QueryStrategy entropy = new UncertaintyStrategy(UncertaintyStrategy.Measure.ENTROPY);
        QueryStrategy recording = new QueryStrategy() {
            @Override
            public String name() {
                return entropy.name();
            }

            @Override
            public List<RankedClip> select(GestureClassifier model, List<PoolClip> clips, int k, long seed,
                    TaskMonitor monitor) {
                askedModels.add(model);
                return entropy.select(model, clips, k, seed, monitor);
            }
        };
        LoopSettings settings = new LoopSettings(recording, 10, 0.99, true, 1, 6, 0, 3);
        ActiveLearningLoop.Outcome outcome = new ActiveLearningLoop(learner, new OracleLabeler(truth), settings)
                .run(data, TaskMonitor.SILENT);

        assertEquals(ActiveLearningLoop.StopReason.LIMIT_REACHED, outcome.reason());
        assertEquals(7, outcome.iterations().size());
        assertEquals(26, outcome.iterations().get(0).labels());
        assertEquals(86, outcome.last().labels());
        assertEquals(86, data.labeled().size());
        assertEquals(650 - 86, data.pool().size());
        // Round r is scored by the model trained after round r-1, never by the initial one.
        for (int round = 0; round < askedModels.size(); round++) {
            assertTrue(askedModels.get(round) == trained.get(round), "round " + (round + 1) + " used a stale model");
        }
        assertNotSame(askedModels.get(0), askedModels.get(5));
        // No clip is queried twice, and the records match what happened.
        Set<Long> queried = new HashSet<>();
        outcome.batches().forEach(b -> b.clips().forEach(c -> assertTrue(queried.add(c.clipId()))));
        assertEquals(60, queried.size());
        assertEquals(outcome.iterations(), data.iterations());
        assertEquals(outcome.batches(), data.batches());
        // A real model on real data: far above chance (1/13) and better than where it started.
        CurvePoint first = outcome.iterations().get(0);
        assertTrue(outcome.last().macroF1() > 0.5, "final macro F1 " + outcome.last().macroF1());
        assertTrue(outcome.last().macroF1() > first.macroF1(), first.macroF1() + " -> " + outcome.last().macroF1());
        outcome.model().close();
    }

    @Test
    void skippedClipsStayInThePoolButSkipTheNextBatch() {
        Map<Long, Integer> truth = new HashMap<>();
        InMemoryLabelingData data = data(4, truth);
        OracleLabeler oracle = new OracleLabeler(truth);
        Set<Long> skippedInRound1 = new HashSet<>();
        List<RankedBatch> seen = new ArrayList<>();
        Labeler skipsFirstThree = batch -> {
            seen.add(batch);
            List<Labeler.Answer> answers = new ArrayList<>(oracle.label(batch).answers());
            if (batch.round() == 1) {
                for (int i = 0; i < 3; i++) {
                    skippedInRound1.add(answers.get(i).clipId());
                    answers.set(i, new Labeler.Answer(answers.get(i).clipId(), Labeler.Answer.SKIPPED));
                }
            }
            return new Labeler.Result(answers, false);
        };
        LoopSettings settings = new LoopSettings(new UncertaintyStrategy(UncertaintyStrategy.Measure.MARGIN), 10,
                0.95, false, 1, 3, 0, 4);
        ActiveLearningLoop.Outcome outcome = new ActiveLearningLoop(
                (labeled, previous, monitor) -> new TinyMlpLearner(4, 60, 20).fit(labeled, null, monitor),
                skipsFirstThree, settings).run(data, TaskMonitor.SILENT);

        assertEquals(ActiveLearningLoop.StopReason.LIMIT_REACHED, outcome.reason());
        assertEquals(3, skippedInRound1.size());
        assertEquals(3, seen.size());
        seen.get(1).clips().forEach(c -> assertFalse(skippedInRound1.contains(c.clipId()),
                "skipped clip offered again in the next batch"));
        // Skipped clips stay in the pool.
        Set<Long> poolIds = new HashSet<>();
        data.pool().forEach(c -> poolIds.add(c.id()));
        assertTrue(poolIds.containsAll(skippedInRound1));
        assertEquals(7, outcome.iterations().get(1).labels() - outcome.iterations().get(0).labels());
    }

    @Test
    void cancellationStopsTheLoop() {
        Map<Long, Integer> truth = new HashMap<>();
        InMemoryLabelingData data = data(5, truth);
        int[] updates = {0};
        TaskMonitor cancelsAfterFirstRound = new TaskMonitor() {
            @Override
            public void update(String message, long done, long total) {
                if (message.startsWith("Round")) {
                    updates[0]++;
                }
            }

            @Override
            public boolean isCancelled() {
                return updates[0] >= 1;
            }
        };
        LoopSettings settings = new LoopSettings(new RandomStrategy(), 10, 0.99, true, 1, 0, 0, 5);
        try {
            new ActiveLearningLoop(new TinyMlpLearner(5, 30, 10), new OracleLabeler(truth), settings)
                    .run(data, cancelsAfterFirstRound);
            throw new AssertionError("the loop ignored cancellation");
        } catch (CancelledException expected) {
            assertEquals(36, data.labeled().size());
        }
    }

    @Test
    void everyStrategyRunsOnARealModel() {
        LabeledClips initial = pool.subset(Splits.perClass(pool.labels(), 13, 3, 1)).toLabeledClips();
        List<PoolClip> clips = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            clips.add(new PoolClip(i, "r" + (i / 4), (i % 4) * 5, pool.clips().get(i * 3)));
        }
        try (GestureClassifier model = new TinyMlpLearner(1, 60, 20).fit(initial, null, TaskMonitor.SILENT)) {
            for (String name : QueryStrategies.NAMES) {
                List<RankedClip> batch = QueryStrategies.forName(name).select(model, clips, 10, 9,
                        TaskMonitor.SILENT);
                assertEquals(10, batch.size(), name);
                assertEquals(10, batch.stream().mapToLong(RankedClip::clipId).distinct().count(), name);
                for (int i = 1; i < batch.size(); i++) {
                    if (!name.equals("claus")) {
                        assertTrue(batch.get(i - 1).score() >= batch.get(i).score(), name + " not ranked");
                    }
                    assertEquals(i + 1, batch.get(i).rank());
                }
                if (name.equals("claus")) {
                    assertTrue(batch.stream().allMatch(c -> c.why().cluster() >= 0));
                    // CLAUS's cap: at most 3 of a batch of 10 from one cluster.
                    Map<Integer, Integer> perCluster = new HashMap<>();
                    batch.forEach(c -> perCluster.merge(c.why().cluster(), 1, Integer::sum));
                    assertTrue(perCluster.values().stream().allMatch(n -> n <= 3), perCluster.toString());
                }
            }
        }
    }
}

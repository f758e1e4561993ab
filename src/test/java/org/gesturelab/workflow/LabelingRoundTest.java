package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.active.Labeler;
import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.LabelEvent;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.QueryBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelingRoundTest {

    @TempDir
    Path folder;

    @Test
    void withoutAModelTheFirstBatchIsRandomAndRecorded() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 0, 0);
        try (Project project = Project.open(dir)) {
            assertTrue(LabelingRound.currentModel(project).isEmpty());
            LabelingRound rounds = new LabelingRound(project);
            LabelingRound.Batch batch = rounds.query(null, new LabelingRound.Request("entropy", 4, 3L),
                    TaskMonitor.SILENT);
            assertTrue(batch.random());
            assertEquals(4, batch.items().size());
            assertTrue(batch.items().stream().allMatch(item -> item.probabilities() == null
                    && item.frames().length == project.sequenceLength()
                    && item.clip().state() == ClipState.POOL));
            List<QueryBatch> stored = project.queryBatches();
            assertEquals(1, stored.size());
            assertEquals("random", stored.get(0).strategy());
            assertEquals(batch.items().stream().map(item -> item.clip().id()).toList(),
                    stored.get(0).items().stream().map(QueryBatch.Item::clipId).toList());
        }
    }

    @Test
    void labelSkipAndUndoAreStoredAsTheUsersEvents() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 0, 0);
        try (Project project = Project.open(dir)) {
            LabelingRound rounds = new LabelingRound(project);
            List<LabelingRound.Item> items = rounds.query(null, new LabelingRound.Request("margin", 3, 1L),
                    TaskMonitor.SILENT).items();
            long first = items.get(0).clip().id();
            long second = items.get(1).clip().id();
            long third = items.get(2).clip().id();
            rounds.label(first, 1);
            rounds.answer(new Labeler.Answer(second, Labeler.Answer.SKIPPED));
            rounds.answer(new Labeler.Answer(third, 0));
            assertEquals(ClipState.TRAIN, project.requireClip(first).state());
            assertEquals(1, project.requireClip(first).label());
            assertEquals(ClipState.SKIPPED, project.requireClip(second).state());
            assertEquals(0, project.requireClip(third).label());
            assertEquals(LabelSource.USER, project.labelEvents(1).get(0).source());

            LabelEvent undone = rounds.undo().orElseThrow();
            assertEquals(third, undone.clipId());
            assertEquals(ClipState.POOL, project.requireClip(third).state());
            // The skipped clip is offered again: the pool is pool and skipped clips.
            assertEquals(project.stats().pool() + project.stats().skipped(), rounds.data().pool().size());
        }
    }

    @Test
    void withTheCurrentModelTheStrategyPicksAndEveryClipHasProbabilities() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 3, 0);
        try (Project project = Project.open(dir)) {
            Retrain.run(project, new Retrain.Request(Architecture.DEFAULT, null, 2, 5L, null, Iteration.INTERACTIVE,
                    "random"), TaskMonitor.SILENT).model().close();
            try (TrainedClassifier model = LabelingRound.currentModel(project).orElseThrow()) {
                LabelingRound rounds = new LabelingRound(project);
                LabelingRound.Batch batch = rounds.query(model, new LabelingRound.Request("entropy", 5, null),
                        TaskMonitor.SILENT);
                assertFalse(batch.random());
                assertEquals("entropy", batch.batch().strategy());
                assertEquals(6, batch.batch().labelsBefore());
                assertEquals(5, batch.items().size());
                for (LabelingRound.Item item : batch.items()) {
                    assertNotNull(item.probabilities());
                    assertEquals(2, item.probabilities().length);
                }
                // Best first: entropy scores do not increase down the batch.
                for (int i = 1; i < batch.items().size(); i++) {
                    assertTrue(batch.items().get(i - 1).ranked().score() >= batch.items().get(i).ranked().score());
                }
                assertEquals("entropy", project.queryBatches().get(0).strategy());
            }
        }
    }

    @Test
    void anEmptyPoolGivesAnEmptyBatchAndRecordsNothing() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello"), 0, 0);
        try (Project project = Project.open(dir)) {
            for (var clip : project.clips(ClipState.POOL)) {
                project.label(clip.id(), 0, LabelSource.IMPORT);
            }
            LabelingRound.Batch batch = new LabelingRound(project).query(null,
                    new LabelingRound.Request("entropy", 5, null), TaskMonitor.SILENT);
            assertTrue(batch.items().isEmpty());
            assertNull(batch.batch());
            assertTrue(project.queryBatches().isEmpty());
            assertTrue(new LabelingRound(project).undo().isPresent());
        }
    }
}

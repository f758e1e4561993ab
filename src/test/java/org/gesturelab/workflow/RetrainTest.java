package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.FeatureExtractor;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.core.CancelledException;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.TrainingRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainTest {

    @TempDir
    Path folder;

    private static Retrain.Request quick(TrainedClassifier warm, String session) {
        return new Retrain.Request(Architecture.DEFAULT, null, 3, 7L, warm, session, "entropy");
    }

    @Test
    void trainsEvaluatesSavesAndRecordsTheRunAndTheIterationTogether() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 4, 3);
        try (Project project = Project.open(dir)) {
            Retrain.Result first = Retrain.run(project, quick(null, Iteration.INTERACTIVE), TaskMonitor.SILENT);
            try (TrainedClassifier model = first.model()) {
                assertEquals(8, first.labels());
                assertEquals(6, first.testClips());
                assertNotNull(first.evaluation());
                assertFalse(first.warmStarted());
                assertEquals(30, first.config().sequenceLength());
                assertEquals(first.folder(), ModelStore.current(dir).orElseThrow());
                List<TrainingRun> runs = project.trainingRuns();
                assertEquals(1, runs.size());
                assertEquals(first.run().id(), runs.get(0).id());
                assertEquals(8, runs.get(0).trainClips());
                List<Iteration> history = project.iterations(Iteration.INTERACTIVE);
                assertEquals(1, history.size());
                assertEquals(1, history.get(0).number());
                assertEquals(runs.get(0).id(), history.get(0).trainingRunId());
                assertEquals("entropy", history.get(0).strategy());
                assertEquals(first.evaluation().accuracy(), history.get(0).testAccuracy(), 1e-9);

                Retrain.Result second = Retrain.run(project, quick(model, Iteration.INTERACTIVE),
                        TaskMonitor.SILENT);
                second.model().close();
                assertTrue(second.warmStarted());
                assertEquals(2, project.iterations(Iteration.INTERACTIVE).get(1).number());
                assertEquals(2, project.trainingRuns().size());
            }
        }
    }

    @Test
    void trainingClipsOfSeveralPeoplePutTheLeadingArmOnOneSide() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 4, 0);
        try (Project project = Project.open(dir)) {
            try (TrainedClassifier alone = Retrain.run(project, quick(null, null), TaskMonitor.SILENT).model()) {
                assertEquals(FeatureExtractor.VERSION_AS_RECORDED, alone.card().featureVersion(), "nobody tagged");
            }
            List<Long> ids = project.clips(ClipState.TRAIN).stream().map(Clip::id).toList();
            project.setPerson(ids, "Ann");
            try (TrainedClassifier one = Retrain.run(project, quick(null, null), TaskMonitor.SILENT).model()) {
                assertEquals(FeatureExtractor.VERSION_AS_RECORDED, one.card().featureVersion(), "one person");
                assertFalse(one.card().training().weightedClips(), "one person: every clip weighs the same");
            }
            project.setPerson(ids.subList(0, ids.size() / 2), "Bo");
            try (TrainedClassifier two = Retrain.run(project, quick(null, null), TaskMonitor.SILENT).model()) {
                assertEquals(FeatureExtractor.VERSION, two.card().featureVersion(), "two people");
                assertTrue(two.card().config().canonicalSide());
                assertTrue(two.card().training().weightedClips(), "two people: each weighs the same");
            }
            // The saved model loads with the features it was trained on.
            try (TrainedClassifier loaded = ModelStore.load(ModelStore.current(dir).orElseThrow())) {
                assertEquals(FeatureExtractor.VERSION, loaded.card().featureVersion());
                assertTrue(loaded.card().training().weightedClips(), "the card says so on disk too");
                assertEquals(2, loaded.predict(project.labeledClips(ClipState.TRAIN).clips())[0].length);
            }
        }
    }

    @Test
    void aPlainTrainingRecordsTheRunButNoIteration() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 4, 0);
        try (Project project = Project.open(dir)) {
            Retrain.Result result = Retrain.run(project, quick(null, null), TaskMonitor.SILENT);
            result.model().close();
            assertNull(result.evaluation());
            assertEquals(1, project.trainingRuns().size());
            assertNull(project.trainingRuns().get(0).testAccuracy());
            assertTrue(project.iterations(null).isEmpty());
        }
    }

    @Test
    void oneGestureIsRefusedWithOneMessageAndNothingIsRecorded() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 0, 0);
        try (Project project = Project.open(dir)) {
            project.label(project.clips(org.gesturelab.dataset.ClipState.POOL).get(0).id(), 0,
                    org.gesturelab.dataset.LabelSource.USER);
            GestureLabException error = assertThrows(GestureLabException.class,
                    () -> Retrain.run(project, quick(null, Iteration.INTERACTIVE), TaskMonitor.SILENT));
            assertTrue(error.getMessage().startsWith("Training needs labeled clips of at least two gestures"),
                    error.getMessage());
            assertTrue(error.getMessage().contains("1 gesture(s) with training clips"), error.getMessage());
            assertTrue(project.trainingRuns().isEmpty());
            assertTrue(ModelStore.current(dir).isEmpty());
        }
    }

    @Test
    void aRetrainingCancelledWhileTrainingLeavesNoModelAndNoRecord() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 4, 1);
        // Cancel is pressed once training has reported its first progress.
        AtomicBoolean pressed = new AtomicBoolean();
        TaskMonitor cancelled = new TaskMonitor() {
            @Override
            public void update(String message, long done, long total) {
                pressed.set(true);
            }

            @Override
            public boolean isCancelled() {
                return pressed.get();
            }
        };
        try (Project project = Project.open(dir)) {
            assertThrows(CancelledException.class,
                    () -> Retrain.run(project, quick(null, Iteration.INTERACTIVE), cancelled));
            assertTrue(project.trainingRuns().isEmpty());
            assertTrue(project.iterations(null).isEmpty());
            assertTrue(ModelStore.current(dir).isEmpty());
        }
    }
}

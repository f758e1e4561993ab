package org.gesturelab.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.gesturelab.SharedData;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipBatch;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop against a real project on disk: labels become label events, batches and iterations are stored. */
public class StoredLabelingDataTest {

    /**
     * Creates a project of three ksl13 gestures: 2 training clips each, 12 pool clips each (true label hidden),
     * and the separately recorded MP_Data1 clips as the test split.
     *
     * @param dir where to create it
     * @return the open project
     */
    public static Project smallKsl13Project(Path dir) throws Exception {
        Path root = SharedData.require("ksl13-posehands");
        List<String> classes = List.of("bad", "good", "yes");
        GestureSet pool = GestureSet.readMpData(root.resolve("MP_Data"), classes);
        GestureSet test = GestureSet.readMpData(root.resolve("MP_Data1"), classes);
        Project project = Project.create(dir, "ksl3", classes);
        try (ClipBatch batch = project.beginBatch()) {
            int[] seen = new int[classes.size()];
            for (int i = 0; i < pool.size(); i++) {
                int label = pool.labels()[i];
                int n = seen[label]++;
                if (n < 2) {
                    batch.add(NewClip.labeled(pool.clips().get(i), ClipState.TRAIN, label, pool.recordings().get(i)));
                } else if (n < 14) {
                    batch.add(NewClip.ofClass(pool.clips().get(i), ClipState.POOL, label, pool.recordings().get(i)));
                }
            }
            for (int i = 0; i < test.size(); i++) {
                batch.add(NewClip.labeled(test.clips().get(i), ClipState.TEST, test.labels()[i],
                        "MP_Data1/" + test.recordings().get(i)));
            }
            batch.commit();
        }
        return project;
    }

    @Test
    void loopLabelsThroughTheProjectAndStoresItsHistory(@TempDir Path dir) throws Exception {
        try (Project project = smallKsl13Project(dir)) {
            Map<Long, Integer> truth = new HashMap<>();
            for (Clip clip : project.clips(ClipState.POOL)) {
                truth.put(clip.id(), clip.hiddenLabel());
            }
            StoredLabelingData data = new StoredLabelingData(project, "test-session", LabelSource.SIMULATION);
            assertEquals(6, data.labeled().size());
            assertEquals(30, data.test().size());
            assertEquals(36, data.pool().size());
            OracleLabeler oracle = new OracleLabeler(truth);
            // Skip the first clip of every batch, label the rest; skipped clips stay out for the rest of the run.
            Labeler skipsOne = batch -> {
                List<Labeler.Answer> answers = new ArrayList<>(oracle.label(batch).answers());
                answers.set(0, new Labeler.Answer(answers.get(0).clipId(), Labeler.Answer.SKIPPED));
                return new Labeler.Result(answers, false);
            };
            LoopSettings settings = new LoopSettings(new ClausStrategy(ClausStrategy.Settings.DEFAULT), 5, 1.01,
                    true, 10, 3, 0, 7);
            ActiveLearningLoop.Outcome outcome = new ActiveLearningLoop(new TinyMlpLearner(7, 60, 20), skipsOne,
                    settings).run(data, TaskMonitor.SILENT);

            assertEquals(ActiveLearningLoop.StopReason.LIMIT_REACHED, outcome.reason());
            assertEquals(6 + 3 * 4, project.clips(ClipState.TRAIN).size());
            assertEquals(3, project.clips(ClipState.SKIPPED).size());
            for (Clip clip : project.clips(ClipState.TRAIN)) {
                if (clip.hiddenLabel() != null) {
                    assertEquals(clip.hiddenLabel(), clip.label(), "oracle label stored for clip " + clip.id());
                }
            }
            assertEquals(3, project.queryBatches().size());
            assertEquals("claus", project.queryBatches().get(0).strategy());
            assertEquals(5, project.queryBatches().get(0).items().size());
            List<org.gesturelab.dataset.Iteration> stored = project.iterations("test-session");
            assertEquals(4, stored.size());
            assertEquals(List.of(6, 10, 14, 18), stored.stream().map(i -> i.labeledClips()).toList());
            assertEquals(project.queryBatches().get(2).id(), stored.get(3).queryBatchId());
            assertTrue(stored.get(3).details().contains("\"macro_f1\""));
            assertEquals(outcome.last().accuracy(), stored.get(3).testAccuracy(), 1e-9);
            // Labels are events: undo brings the last one back to the pool.
            project.undo(1);
            assertEquals(17, project.clips(ClipState.TRAIN).size());
        }
    }
}

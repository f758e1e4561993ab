package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.Npy;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestHoldOutTest {

    @TempDir
    Path folder;

    private static float[][] clip(int seed) {
        float[][] frames = new float[30][1662];
        frames[0][0] = seed;
        return frames;
    }

    private static List<Long> pool(Project project, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(project.addClip(NewClip.unlabeled(clip(i), "pool " + i)).id());
        }
        return ids;
    }

    @Test
    void labelsAsTheyArriveHoldOutAShareOfEachClassAndOneUndoTakesItBack() throws Exception {
        try (Project project = Project.create(folder.resolve("p"), "p", List.of("a", "b"))) {
            List<Long> ids = pool(project, 12);
            LabelingRound rounds = new LabelingRound(project);
            List<ClipState> states = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                rounds.label(ids.get(i), 0);
                states.add(project.requireClip(ids.get(i)).state());
            }
            // 20 %: the 3rd and the 8th clip of the class are held out; the class keeps 8 to train on.
            for (int i = 0; i < 10; i++) {
                assertEquals(i == 2 || i == 7 ? ClipState.TEST : ClipState.TRAIN, states.get(i), "clip " + (i + 1));
            }
            // The other class counts on its own.
            rounds.label(ids.get(10), 1);
            assertEquals(ClipState.TRAIN, project.requireClip(ids.get(10)).state());
            // One undo takes the held-out label back whole: the clip returns to the pool.
            project.undo(1);
            project.undo(1);
            assertEquals(ClipState.POOL, project.requireClip(ids.get(9)).state());
            project.undo(1);
            assertEquals(ClipState.POOL, project.requireClip(ids.get(8)).state());
            project.undo(1);
            assertEquals(ClipState.POOL, project.requireClip(ids.get(7)).state(), "a held-out clip undone");
            assertNull(project.requireClip(ids.get(7)).label());
            // A correction of a labeled clip keeps its place.
            rounds.label(ids.get(2), 1);
            assertEquals(ClipState.TEST, project.requireClip(ids.get(2)).state());
            assertEquals("Test: 1 clip (20 % held out per class)", TestHoldOut.describe(project));
        }
    }

    @Test
    void aShareOfZeroTurnsTheHoldOutOffAndTheShareIsStoredInTheProject() throws Exception {
        Path dir = folder.resolve("p");
        try (Project project = Project.create(dir, "p", List.of("a", "b"))) {
            assertTrue(!Files.readString(dir.resolve(Project.SETTINGS_FILE)).contains("testShare"),
                    "no share written until one is chosen");
            TestHoldOut.split(project, 0.0, TestHoldOut.DEFAULT_SEED, TaskMonitor.SILENT);
            List<Long> ids = pool(project, 6);
            LabelingRound rounds = new LabelingRound(project);
            for (long id : ids) {
                rounds.label(id, 0);
            }
            assertEquals(0, project.count(ClipQuery.inState(ClipState.TEST)));
            assertEquals("Test: 0 clips (automatic hold-out off)", TestHoldOut.describe(project));
            TestHoldOut.split(project, 0.5, TestHoldOut.DEFAULT_SEED, TaskMonitor.SILENT);
        }
        assertTrue(Files.readString(dir.resolve(Project.SETTINGS_FILE)).contains("\"testShare\" : 0.5"));
        try (Project project = Project.open(dir)) {
            assertEquals(0.5, project.settings().testShareOrDefault());
            assertEquals(3, project.count(ClipQuery.inState(ClipState.TEST)));
            assertThrows(GestureLabException.class, () -> project.setTestShare(0.95));
            assertThrows(GestureLabException.class,
                    () -> TestHoldOut.split(project, -0.1, 1, TaskMonitor.SILENT));
        }
    }

    @Test
    void aSplitTopsEachClassUpDeterministicallyAndNeverTouchesThePool() throws Exception {
        List<List<Long>> picks = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            try (Project project = Project.create(folder.resolve(name), name, List.of("a", "b", "c"))) {
                for (int i = 0; i < 10; i++) {
                    project.addClip(NewClip.labeled(clip(i), ClipState.TRAIN, 0, "a " + i));
                }
                for (int i = 0; i < 4; i++) {
                    project.addClip(NewClip.labeled(clip(i), ClipState.TRAIN, 1, "b " + i));
                }
                project.addClip(NewClip.labeled(clip(0), ClipState.TRAIN, 2, "c"));
                project.addClip(NewClip.labeled(clip(1), ClipState.TEST, 1, "b test"));
                List<Long> pool = pool(project, 5);
                TestHoldOut.Split split = TestHoldOut.split(project, 0.3, 7, TaskMonitor.SILENT);
                // a: 3 of 10; b: round(0.3 x 5) = 2, one already there; c: its only clip stays for training.
                assertEquals(3 + 1, split.moved());
                assertEquals(3, project.count(ClipQuery.inState(ClipState.TEST).withLabel(0)));
                assertEquals(2, project.count(ClipQuery.inState(ClipState.TEST).withLabel(1)));
                assertEquals(1, project.count(ClipQuery.inState(ClipState.TRAIN).withLabel(2)));
                assertEquals(5, split.testClips());
                assertEquals(16, split.labeledClips());
                for (long id : pool) {
                    assertEquals(ClipState.POOL, project.requireClip(id).state());
                }
                // A second split has nothing left to do.
                assertEquals(0, TestHoldOut.split(project, 0.3, 7, TaskMonitor.SILENT).moved());
                picks.add(project.clips(ClipQuery.inState(ClipState.TEST)).stream().map(Clip::id).toList());
            }
        }
        assertEquals(picks.get(0), picks.get(1), "the same clips give the same split");
    }

    @Test
    void importsOfTrainingClipsAreHeldOutButImportsWithTheirOwnTestClipsKeepThem() throws Exception {
        Path source = folder.resolve("MP_Data");
        for (String sign : List.of("hello", "thanks")) {
            for (int s = 0; s < 5; s++) {
                Path seq = Files.createDirectories(source.resolve(sign).resolve(Integer.toString(s)));
                for (int f = 0; f < 30; f++) {
                    float[] values = new float[1662];
                    java.util.Arrays.fill(values, 0.1f * s + 0.01f * f);
                    Npy.write(seq.resolve(f + ".npy"), new Npy.Array(new int[] {values.length}, values));
                }
            }
        }
        try (Project project = Project.create(folder.resolve("train"), "t", List.of())) {
            ImportData.run(project, ImportData.Request.of(ImportFormat.MP_DATA, source, ClipState.TRAIN, null)
                    .withHoldOut(true),
                    null, TaskMonitor.SILENT);
            assertEquals(1, project.count(ClipQuery.inState(ClipState.TEST).withLabel(project.classIndex("hello"))));
            assertEquals(1, project.count(ClipQuery.inState(ClipState.TEST).withLabel(project.classIndex("thanks"))));
        }
        try (Project project = Project.create(folder.resolve("test"), "t", List.of())) {
            ImportData.run(project, ImportData.Request.of(ImportFormat.MP_DATA, source, ClipState.TEST, null)
                    .withHoldOut(true),
                    null, TaskMonitor.SILENT);
            ImportData.run(project, ImportData.Request.of(ImportFormat.MP_DATA, source, ClipState.POOL, null)
                    .withHoldOut(true),
                    null, TaskMonitor.SILENT);
            assertEquals(10, project.count(ClipQuery.inState(ClipState.TEST)));
            assertEquals(10, project.count(ClipQuery.inState(ClipState.POOL)));
        }
    }
}

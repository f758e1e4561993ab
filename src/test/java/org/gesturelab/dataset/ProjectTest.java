package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {

    @TempDir
    Path temp;

    @Test
    void createWritesSettingsWithDefaultsAndReopens() throws IOException {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("Like", "Fire works", "Heart"))) {
            assertEquals(List.of("Like", "Fire works", "Heart"), project.classNames());
            assertEquals("1", project.classes().get(0).shortcut());
            assertEquals("3", project.classes().get(2).shortcut());
            assertTrue(project.classes().get(1).color().matches("#[0-9A-F]{6}"));
            assertEquals(30, project.sequenceLength());
        }
        String json = Files.readString(dir.resolve(Project.SETTINGS_FILE));
        assertTrue(json.contains("\"Fire works\""), json);
        assertTrue(json.contains("\"sequenceLength\" : 30"), json);
        try (Project project = Project.open(dir)) {
            assertEquals("Demo", project.name());
            assertEquals(3, project.classes().size());
            assertTrue(project.check().isEmpty(), project.check().toString());
        }
        GestureLabException e = assertThrows(GestureLabException.class, () -> Project.create(dir, "Again", List.of()));
        assertTrue(e.getMessage().contains("already holds"), e.getMessage());
        assertThrows(GestureLabException.class, () -> Project.open(temp.resolve("nothing")));
    }

    @Test
    void clipsKeepKeypointsStatesAndLabels() throws IOException {
        try (Project project = Project.create(temp.resolve("p"), "Demo", List.of("a", "b"))) {
            float[][] frames = TestClips.random(30, 1);
            Clip train = project.addClip(NewClip.labeled(frames, ClipState.TRAIN, 1, "test"));
            Clip pool = project.addClip(NewClip.ofClass(TestClips.random(30, 2), ClipState.POOL, 0, "test"));
            assertEquals(ClipState.TRAIN, train.state());
            assertEquals(1, train.label());
            assertNull(pool.label());
            assertEquals(0, pool.hiddenLabel());
            assertArrayEquals(frames[29], project.loadKeypoints(project.requireClip(train.id()))[29]);
            assertEquals(List.of(pool), project.clips(ClipState.POOL));
            assertEquals(List.of(train), project.clips(ClipQuery.all().withLabel(1)));
            assertEquals(List.of(pool), project.clips(ClipQuery.all().withHiddenLabel(0)));

            GestureLabException unlabeled = assertThrows(GestureLabException.class, () -> project.addClip(
                    new NewClip(frames, ClipState.TRAIN, null, null, "x", null, null, null)));
            assertTrue(unlabeled.getMessage().contains("needs a label"), unlabeled.getMessage());
            float[][] bad = TestClips.random(2, 3);
            bad[1][5] = Float.NaN;
            assertThrows(GestureLabException.class, () -> project.addClip(NewClip.unlabeled(bad, "nan")));
            assertEquals(2, project.clips(ClipQuery.all()).size());

            LabeledClips labeled = project.labeledClips(ClipState.TRAIN);
            assertEquals(1, labeled.size());
            assertArrayEquals(new int[] {1}, labeled.labels());
            assertEquals(List.of("a", "b"), labeled.classes());
            LabeledClips revealed = project.labeledClips(project.clips(ClipState.POOL), Clip::hiddenLabel);
            assertArrayEquals(new int[] {0}, revealed.labels());
        }
    }

    @Test
    void labelSkipMoveAndUndoRestoreEarlierStates() throws IOException {
        try (Project project = Project.create(temp.resolve("p"), "Demo", List.of("a", "b"))) {
            long id = project.addClip(NewClip.unlabeled(TestClips.random(3, 1), "t")).id();
            long other = project.addClip(NewClip.unlabeled(TestClips.random(3, 2), "t")).id();
            project.label(id, 0, LabelSource.USER);
            project.label(id, 1, LabelSource.USER);
            project.skip(other, LabelSource.USER);
            project.moveTo(id, ClipState.TEST, LabelSource.USER);
            assertEquals(ClipState.TEST, project.requireClip(id).state());
            project.label(id, 0, LabelSource.USER);
            assertEquals(ClipState.TEST, project.requireClip(id).state(), "relabeling keeps a test clip in test");
            assertThrows(GestureLabException.class, () -> project.moveTo(other, ClipState.TRAIN, LabelSource.USER));

            List<LabelEvent> undone = project.undo(2);
            assertEquals(2, undone.size());
            assertEquals(LabelSource.UNDO, undone.get(0).source());
            Clip clip = project.requireClip(id);
            assertEquals(ClipState.TRAIN, clip.state());
            assertEquals(1, clip.label());
            project.undo(1);
            assertEquals(ClipState.POOL, project.requireClip(other).state());
            project.undo(5);
            assertEquals(ClipState.POOL, project.requireClip(id).state());
            assertNull(project.requireClip(id).label());
            assertTrue(project.undo(1).isEmpty(), "nothing left to undo");
            assertEquals(10, project.labelEvents(0).size(), "undo events are history too");
        }
    }

    @Test
    void bulkChangesAreAllOrNothing() throws IOException {
        try (Project project = Project.create(temp.resolve("p"), "Demo", List.of("a", "b"))) {
            List<Long> ids = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                ids.add(project.addClip(NewClip.ofClass(TestClips.random(2, i), ClipState.POOL, i % 2, "t")).id());
            }
            java.util.Map<Long, Integer> reveal = new java.util.LinkedHashMap<>();
            for (Clip clip : project.clips(ClipState.POOL).subList(0, 3)) {
                reveal.put(clip.id(), clip.hiddenLabel());
            }
            assertEquals(3, project.labelAll(reveal, LabelSource.SIMULATION).size());
            assertEquals(3, project.count(ClipQuery.inState(ClipState.TRAIN)));
            assertEquals(2, project.count(ClipQuery.inState(ClipState.TRAIN).withLabel(0)));
            assertEquals(1, project.count(ClipQuery.inState(ClipState.POOL)));

            // The last clip is unlabeled, so moving all four to test fails and moves none.
            assertThrows(GestureLabException.class, () -> project.moveAll(ids, ClipState.TEST, LabelSource.USER));
            assertEquals(0, project.count(ClipQuery.inState(ClipState.TEST)));
            project.moveAll(ids.subList(0, 2), ClipState.TEST, LabelSource.USER);
            assertEquals(2, project.count(ClipQuery.inState(ClipState.TEST)));
            assertEquals(5, project.labelEvents(0).size());
        }
    }

    @Test
    void deleteRemovesRowAndFile() throws IOException {
        try (Project project = Project.create(temp.resolve("p"), "Demo", List.of("a"))) {
            Clip clip = project.addClip(NewClip.labeled(TestClips.random(2, 1), ClipState.TRAIN, 0, "t"));
            project.label(clip.id(), 0, LabelSource.USER);
            project.delete(clip.id());
            assertFalse(Files.exists(clip.keypoints()));
            assertTrue(project.clips(ClipQuery.all()).isEmpty());
            assertTrue(project.labelEvents(0).isEmpty());
            Clip next = project.addClip(NewClip.labeled(TestClips.random(2, 1), ClipState.TRAIN, 0, "t"));
            assertTrue(next.id() > clip.id(), "ids are never reused");
        }
    }

    @Test
    void abandonedBatchLeavesNothingBehind() throws IOException {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("a"))) {
            try (ClipBatch batch = project.beginImport("test", "here")) {
                int added = batch.classIndex("new class");
                batch.add(NewClip.labeled(TestClips.random(2, 1), ClipState.TRAIN, added, "t"));
                assertEquals(List.of("a", "new class"), project.classNames());
            }
            assertEquals(List.of("a"), project.classNames());
            assertTrue(project.clips(ClipQuery.all()).isEmpty());
            assertEquals(List.of(), TestClips.fileNames(dir.resolve(Project.CLIPS_DIR)));
        }
        try (Project project = Project.open(dir)) {
            assertEquals(List.of("a"), project.classNames());
        }
    }

    @Test
    void openFinishesAnInterruptedCommitAndSetsAsideOrphans() throws IOException {
        Path dir = temp.resolve("p");
        Clip clip;
        try (Project project = Project.create(dir, "Demo", List.of("a"))) {
            clip = project.addClip(NewClip.labeled(TestClips.random(2, 1), ClipState.TRAIN, 0, "t"));
        }
        // Simulate a crash after the commit but before the move, and a leftover file of a deleted clip.
        Path stage = Files.createDirectories(dir.resolve("clips/.incoming-crash"));
        Files.move(clip.keypoints(), stage.resolve(clip.keypoints().getFileName()));
        Files.writeString(stage.resolve("c99999999.npy"), "uncommitted");
        Files.writeString(dir.resolve("clips/c00000077.npy"), "deleted");
        try (Project project = Project.open(dir)) {
            assertTrue(Files.exists(clip.keypoints()));
            assertFalse(Files.exists(stage));
            assertTrue(Files.exists(dir.resolve("clips/.orphaned/c00000077.npy")));
            assertTrue(project.check().isEmpty(), project.check().toString());
        }
    }

    @Test
    void secondOpenIsRefusedWithThePid() throws IOException {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("a"))) {
            GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
            assertTrue(e.getMessage().contains("is in use by another GestureLab (pid "
                    + ProcessHandle.current().pid()), e.getMessage());
        }
        try (Project project = Project.open(dir)) {
            assertEquals("Demo", project.name());
            long id = project.addClip(NewClip.unlabeled(TestClips.random(2, 1), "t")).id();
            try (Project reader = Project.openReadOnly(dir)) {
                assertTrue(reader.isReadOnly());
                assertEquals(1, reader.stats().pool());
                project.label(id, 0, LabelSource.USER);
                assertEquals(1, reader.stats().train(), "the reader sees the owner's commits");
                assertThrows(IllegalStateException.class, () -> reader.label(id, 0, LabelSource.USER));
                assertThrows(IllegalStateException.class, () -> reader.addClass("b"));
                assertThrows(IllegalStateException.class, reader::beginBatch);
            }
        }
        try (Project reader = Project.openReadOnly(dir)) {
            assertEquals(1, reader.stats().train(), "read-only open of a closed project");
        }
    }

    @Test
    void databaseCarriesTheSchemaVersionAndANewerOneIsRefused() throws Exception {
        Path dir = temp.resolve("p");
        Project.create(dir, "Demo", List.of("a")).close();
        String url = "jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url)) {
            assertEquals(Schema.VERSION, Schema.version(db));
            try (java.sql.Statement statement = db.createStatement();
                    java.sql.ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
                assertTrue(rs.next());
                assertEquals("wal", rs.getString(1));
            }
            try (java.sql.Statement statement = db.createStatement()) {
                statement.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
            }
        }
        GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
        assertTrue(e.getMessage().contains("newer than this GestureLab"), e.getMessage());
        // The refusal released the project: fixing the version makes it open again.
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(url);
                java.sql.Statement statement = db.createStatement()) {
            statement.execute("PRAGMA user_version = " + Schema.VERSION);
        }
        Project.open(dir).close();
    }

    @Test
    void classesCanBeAddedRenamedRecolouredAndRekeyed() throws IOException {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("a", "b"))) {
            long id = project.addClip(NewClip.labeled(TestClips.random(2, 1), ClipState.TRAIN, 1, "t")).id();
            assertEquals(2, project.addClass("c"));
            assertEquals(2, project.addClass("c"));
            project.renameClass(1, "Let's go");
            project.recolorClass(1, "#123abc");
            project.setShortcut(1, "g");
            assertThrows(GestureLabException.class, () -> project.setShortcut(0, "G"));
            assertThrows(GestureLabException.class, () -> project.renameClass(0, "c"));
            assertThrows(GestureLabException.class, () -> project.renameClass(0, "a/b"));
            assertEquals(1, project.requireClip(id).label());
        }
        try (Project project = Project.open(dir)) {
            assertEquals(new GestureClass("Let's go", "#123ABC", "g"), project.classes().get(1));
            assertEquals("3", project.classes().get(2).shortcut());
        }
    }

    @Test
    void activeLearningHistoryIsStored() throws IOException {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("a"))) {
            long clip = project.addClip(NewClip.unlabeled(TestClips.random(2, 1), "t")).id();
            TrainingRun run = project.saveTrainingRun(new TrainingRun(0, Instant.ofEpochMilli(1000), null, null, 10,
                    5, null, null));
            run = project.saveTrainingRun(new TrainingRun(run.id(), run.startedAt(), Instant.ofEpochMilli(2000),
                    "models/run1", 10, 5, 0.8, "{\"epochs\":3}"));
            QueryBatch batch = project.saveQueryBatch(QueryBatch.of("entropy", run.id(),
                    List.of(new QueryBatch.Item(clip, 1.5, 0))));
            project.saveIteration(new Iteration(0, Iteration.INTERACTIVE, 1, Instant.ofEpochMilli(3000), "entropy",
                    batch.id(), run.id(), 10, 0.8, null));
        }
        try (Project project = Project.open(dir)) {
            TrainingRun run = project.trainingRuns().get(0);
            assertEquals(0.8, run.testAccuracy());
            assertEquals(Instant.ofEpochMilli(2000), run.finishedAt());
            QueryBatch batch = project.queryBatches().get(0);
            assertEquals("entropy", batch.strategy());
            assertEquals(1.5, batch.items().get(0).score());
            Iteration iteration = project.iterations(Iteration.INTERACTIVE).get(0);
            assertEquals(batch.id(), iteration.queryBatchId());
            assertEquals(1, project.iterations(null).size());
            assertTrue(project.iterations("other").isEmpty());
        }
    }

    @Test
    void statsCountStatesAndClasses() throws IOException {
        try (Project project = Project.create(temp.resolve("p"), "Demo", List.of("a", "b"))) {
            project.addClip(NewClip.labeled(TestClips.random(2, 1), ClipState.TRAIN, 0, "t"));
            project.addClip(NewClip.labeled(TestClips.random(2, 1), ClipState.TEST, 1, "t"));
            project.addClip(NewClip.ofClass(TestClips.random(2, 1), ClipState.POOL, 1, "t"));
            project.addClip(NewClip.unlabeled(TestClips.random(2, 1), "t"));
            ProjectStats stats = project.stats();
            assertEquals(4, stats.clips());
            assertEquals(1, stats.train());
            assertEquals(1, stats.test());
            assertEquals(2, stats.pool());
            assertEquals(2, stats.classes());
            assertEquals(new ProjectStats.ClassCount("b", 0, 1, 1), stats.perClass().get(1));
        }
    }
}

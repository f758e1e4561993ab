package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.gesturelab.core.GestureLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose database is missing, emptied, unusable or corrupt is refused instead of silently becoming an empty
 * project, and {@link Project#repair} rebuilds it from the clip files without deleting anything (issue 17, items 2,
 * 8 and 12).
 */
class DamagedProjectTest {

    @TempDir
    Path temp;

    /** Three clips, one labeled train, one labeled test, one in the pool; returns the folder. */
    private Path project() throws IOException {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("hello", "thanks"))) {
            long a = project.addClip(NewClip.unlabeled(TestClips.random(3, 1), "t")).id();
            project.addClip(NewClip.labeled(TestClips.random(3, 2), ClipState.TEST, 1, "t"));
            project.addClip(NewClip.unlabeled(TestClips.random(3, 3), "t"));
            project.label(a, 1, LabelSource.USER);
        }
        return dir;
    }

    private static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertDamagedRefusal(Path dir, String what) {
        GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
        assertTrue(e.getMessage().contains("is damaged: " + what), e.getMessage());
        assertTrue(e.getMessage().contains("gesturelab project repair"), e.getMessage());
        assertTrue(e.getMessage().contains("from a backup"), e.getMessage());
    }

    @Test
    void missingDatabaseIsRefusedThenRepairedFromTheClipFiles() throws IOException {
        Path dir = project();
        List<String> clipFiles = files(dir.resolve("clips"));
        assertEquals(3, clipFiles.size());
        Files.delete(dir.resolve(Project.DATABASE_FILE));

        assertDamagedRefusal(dir, "its database gesturelab.db is missing, but it has 3 clip files");
        assertFalse(Files.exists(dir.resolve(Project.DATABASE_FILE)), "no new empty database was started");
        assertEquals(clipFiles, files(dir.resolve("clips")), "no clip file was set aside");
        assertEquals(List.of(), files(dir.resolve("clips/.orphaned")));

        RepairReport report = Project.repair(dir);
        assertTrue(report.repaired());
        assertEquals(3, report.clipsRestored());
        assertEquals(0, report.labelsRestored(), "the labels were only in the lost database");
        try (Project project = Project.open(dir)) {
            assertEquals(List.of(1L, 2L, 3L), project.clips(ClipQuery.all()).stream().map(Clip::id).toList());
            assertEquals(3, project.stats().pool());
            assertArrayEquals(TestClips.random(3, 2)[2], project.loadKeypoints(project.requireClip(2))[2]);
            assertEquals(4, project.addClip(NewClip.unlabeled(TestClips.random(2, 9), "t")).id(),
                    "new ids continue after the rebuilt ones, so no file name is reused");
            assertEquals(List.of("hello", "thanks"), project.classNames());
        }
        assertEquals(clipFiles.size() + 1, files(dir.resolve("clips")).size());
    }

    @Test
    void emptiedDatabaseIsRefused() throws IOException {
        Path dir = project();
        Files.write(dir.resolve(Project.DATABASE_FILE), new byte[0]);
        assertDamagedRefusal(dir, "its database gesturelab.db is empty");
        assertEquals(0, Files.size(dir.resolve(Project.DATABASE_FILE)));
        assertEquals(3, files(dir.resolve("clips")).size());
        GestureLabException readOnly = assertThrows(GestureLabException.class, () -> Project.openReadOnly(dir));
        assertTrue(readOnly.getMessage().contains("is damaged"), readOnly.getMessage());
    }

    @Test
    void unusableDatabaseIsRefusedAndRepairKeepsItAside() throws IOException {
        Path dir = project();
        byte[] garbage = "this is not an SQLite database, but somebody's notes".repeat(200).getBytes();
        Files.write(dir.resolve(Project.DATABASE_FILE), garbage);
        assertDamagedRefusal(dir, "its database gesturelab.db cannot be used");
        assertArrayEquals(garbage, Files.readAllBytes(dir.resolve(Project.DATABASE_FILE)));

        RepairReport report = Project.repair(dir);
        assertEquals(3, report.clipsRestored());
        assertNotNull(report.databaseSetAside());
        assertArrayEquals(garbage, Files.readAllBytes(report.databaseSetAside()), "the old database is kept");
        Project.open(dir).close();
    }

    @Test
    void repairReadsBackTheLabelsTheOldDatabaseStillHolds() throws Exception {
        Path dir = project();
        // A database that lost its schema version: its tables are there, but it cannot be opened as a project.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE));
                Statement statement = db.createStatement()) {
            statement.execute("PRAGMA user_version = 0");
        }
        assertDamagedRefusal(dir, "its database gesturelab.db cannot be used");
        RepairReport report = Project.repair(dir);
        assertEquals(3, report.clipsRestored());
        assertEquals(2, report.labelsRestored());
        try (Project project = Project.open(dir)) {
            assertEquals(ClipState.TRAIN, project.requireClip(1).state());
            assertEquals(1, project.requireClip(1).label());
            assertEquals(ClipState.TEST, project.requireClip(2).state());
            assertEquals(ClipState.POOL, project.requireClip(3).state());
        }
    }

    @Test
    void repairBringsBackClipsAnEarlierVersionSetAside() throws Exception {
        Path dir = project();
        // What the old code did to a project without a database: a new empty one, every clip file set aside.
        Files.delete(dir.resolve(Project.DATABASE_FILE));
        Path orphans = Files.createDirectories(dir.resolve("clips/.orphaned"));
        for (String name : files(dir.resolve("clips"))) {
            Files.move(dir.resolve("clips").resolve(name), orphans.resolve(name));
        }
        Project.create(temp.resolve("fresh"), "Demo", List.of("hello", "thanks")).close();
        Files.copy(temp.resolve("fresh").resolve(Project.DATABASE_FILE), dir.resolve(Project.DATABASE_FILE));
        try (Project project = Project.open(dir)) {
            assertEquals(0, project.stats().clips());
        }
        RepairReport report = Project.repair(dir);
        assertEquals(3, report.filesMovedBack());
        assertEquals(3, report.clipsRestored());
        assertEquals(List.of(), files(orphans));
        try (Project project = Project.open(dir)) {
            assertEquals(3, project.stats().clips());
        }
        assertFalse(Project.repair(dir).repaired(), "a sound project needs no repair");
    }

    @Test
    void orphanMovesNeverOverwriteAnEarlierOrphan() throws IOException {
        Path dir = temp.resolve("p");
        Project.create(dir, "Demo", List.of("a")).close();
        Files.writeString(dir.resolve("clips/c00000077.npy"), "first");
        Project.open(dir).close();
        Files.writeString(dir.resolve("clips/c00000077.npy"), "second");
        Project.open(dir).close();
        assertEquals("first", Files.readString(dir.resolve("clips/.orphaned/c00000077.npy")));
        assertEquals("second", Files.readString(dir.resolve("clips/.orphaned/c00000077-2.npy")));
    }

    @Test
    void corruptDatabaseIsFoundOnOpenForWriting() throws Exception {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("a", "b"))) {
            try (ClipBatch batch = project.beginBatch()) {
                for (int i = 0; i < 300; i++) {
                    batch.add(NewClip.labeled(TestClips.random(1, i), ClipState.TRAIN, i % 2, "source " + i));
                }
                batch.commit();
            }
        }
        Path file = dir.resolve(Project.DATABASE_FILE);
        int pageSize;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = db.createStatement();
                var rs = statement.executeQuery("PRAGMA page_size")) {
            pageSize = rs.getInt(1);
        }
        long pages = Files.size(file) / pageSize;
        assertTrue(pages > 4, "pages: " + pages);
        // Scribble over the middle of the file, as a failing disk or a bad copy would.
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(pageSize * (pages / 2));
            byte[] junk = new byte[pageSize * 2];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            raf.write(junk);
        }
        GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
        assertTrue(e.getMessage().contains("is corrupt"), e.getMessage());
        assertTrue(e.getMessage().contains("gesturelab project repair"), e.getMessage());
    }

    @Test
    void openingTenThousandClipsWithTheQuickCheckStaysUnderASecond() throws Exception {
        Path dir = temp.resolve("p");
        Project.create(dir, "Demo", List.of("a", "b")).close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE))) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO clips (id, state, label, source, frames, "
                    + "keypoints, created_at, updated_at) VALUES (?, 'TRAIN', ?, 'bulk', 30, ?, 0, 0)")) {
                for (int id = 1; id <= 10_000; id++) {
                    insert.setInt(1, id);
                    insert.setInt(2, id % 2);
                    insert.setString(3, String.format("clips/c%08d.npy", id));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            db.commit();
        }
        Project.open(dir).close();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            try (Project project = Project.open(dir)) {
                best = Math.min(best, System.nanoTime() - t0);
                assertEquals(10_000, project.stats().train());
            }
        }
        long t0 = System.nanoTime();
        try (Project project = Project.openReadOnly(dir)) {
            assertEquals(10_000, project.clips(ClipQuery.all()).size());
        }
        long listing = System.nanoTime() - t0;
        System.out.printf("open (quick_check, recovery, class check) of 10,000 clips: %d ms; "
                + "listing 10,000 clips with confined paths: %d ms%n", best / 1_000_000, listing / 1_000_000);
        assertTrue(best < 1_000_000_000L, "open took " + best / 1_000_000 + " ms");
    }

    @Test
    void statsOnANewerSchemaSaysANewerGestureLabWroteIt() throws Exception {
        Path dir = temp.resolve("p");
        Project.create(dir, "Demo", List.of("a")).close();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE));
                Statement statement = db.createStatement()) {
            statement.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
        }
        GestureLabException e = assertThrows(GestureLabException.class, () -> Project.openReadOnly(dir));
        assertTrue(e.getMessage().contains("written by a newer GestureLab"), e.getMessage());
        assertFalse(e.getMessage().contains("open the project normally"), e.getMessage());
    }
}

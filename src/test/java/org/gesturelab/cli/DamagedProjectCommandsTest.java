package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Random;

import org.gesturelab.core.KeypointLayout;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.TmpfsMount;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line side of issue 17's project items: repair, archive, refusals and read-only folders. */
class DamagedProjectCommandsTest {

    @TempDir
    Path temp;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CliRunner runner = new CliRunner();
        int code = runner.run(args);
        return new Result(code, runner.out(), runner.err());
    }

    private static float[][] frames(int count, long seed) {
        Random random = new Random(seed);
        float[][] frames = new float[count][KeypointLayout.FEATURES];
        for (float[] frame : frames) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = random.nextFloat();
            }
        }
        return frames;
    }

    private static Path project(Path dir) throws IOException {
        try (Project project = Project.create(dir, "Demo", List.of("hello", "thanks"))) {
            for (int i = 0; i < 4; i++) {
                project.addClip(NewClip.labeled(frames(3, i), i == 3 ? ClipState.TEST : ClipState.TRAIN, i % 2, "t"));
            }
        }
        return dir;
    }

    private static void sql(Path dir, String statement) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE));
                Statement s = db.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void aProjectWithoutItsDatabaseIsRefusedThenRepaired() throws IOException {
        Path dir = project(temp.resolve("p"));
        Files.delete(dir.resolve(Project.DATABASE_FILE));
        Result split = run("project", "split", dir.toString());
        assertEquals(1, split.code());
        assertTrue(split.err().contains("is damaged") && split.err().contains("project repair"), split.err());
        assertFalse(Files.exists(dir.resolve(Project.DATABASE_FILE)));

        Result repair = run("project", "repair", dir.toString());
        assertEquals(0, repair.code(), repair.err());
        assertTrue(repair.out().contains("Rebuilt 4 clips"), repair.out());
        Result again = run("project", "repair", dir.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Nothing to repair"), again.out());
        Result stats = run("stats", dir.toString());
        assertEquals(0, stats.code(), stats.err());
        assertTrue(stats.out().contains("4 clips"), stats.out());
    }

    @Test
    void archiveWritesOneZipWithEverything() throws IOException {
        Path dir = project(temp.resolve("p"));
        Path zip = temp.resolve("p.zip");
        Result archive = run("project", "archive", dir.toString(), "--out", zip.toString());
        assertEquals(0, archive.code(), archive.err());
        assertTrue(archive.out().contains("Archived 4 clips"), archive.out());
        assertTrue(Files.size(zip) > 0);
        Result twice = run("project", "archive", dir.toString(), "--out", zip.toString());
        assertEquals(1, twice.code());
        assertTrue(twice.err().contains("already exists"), twice.err());
    }

    @Test
    void statsOnANewerSchemaDoesNotAdviseAnUpgrade() throws Exception {
        Path dir = project(temp.resolve("p"));
        sql(dir, "PRAGMA user_version = 99");
        Result stats = run("stats", dir.toString());
        assertEquals(1, stats.code());
        assertTrue(stats.err().contains("written by a newer GestureLab"), stats.err());
        assertFalse(stats.err().contains("open the project normally"), stats.err());
    }

    @Test
    void exportRefusesAClipPathThatLeavesTheProject() throws Exception {
        Path dir = project(temp.resolve("p"));
        Path outside = Files.writeString(temp.resolve("outside.npy"), "not yours");
        sql(dir, "UPDATE clips SET keypoints = '../outside.npy' WHERE id = 2");
        Result export = run("export", dir.toString(), "--format", "npy", "--out", temp.resolve("out").toString());
        assertEquals(1, export.code(), export.out());
        assertTrue(export.err().contains("points outside"), export.err());
        assertFalse(Files.exists(temp.resolve("out")));
        assertEquals("not yours", Files.readString(outside));
    }

    @Test
    void readOnlyCommandsWorkOnAReadOnlyFolderAndWritingOnesSayWhy() throws Exception {
        try (TmpfsMount mount = TmpfsMount.tryMount(temp.resolve("ro"), 8192)) {
            Assumptions.assumeTrue(mount != null, "cannot mount a tmpfs here");
            Path dir = project(mount.dir().resolve("p"));
            mount.remountReadOnly();
            Result stats = run("stats", dir.toString());
            assertEquals(0, stats.code(), stats.err());
            Result export = run("export", dir.toString(), "--format", "npy", "--out", temp.resolve("out").toString());
            assertEquals(0, export.code(), export.err());
            assertTrue(export.out().contains("Exported 4 clips"), export.out());
            Result evaluate = run("evaluate", dir.toString());
            assertFalse(evaluate.err().contains("Read-only file system"), evaluate.err());
            assertFalse(evaluate.err().contains("Internal error"), evaluate.err());
            Result split = run("project", "split", dir.toString());
            assertEquals(1, split.code());
            assertTrue(split.err().contains("is read-only"), split.err());
        }
    }
}

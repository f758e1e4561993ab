package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, items 1, 3, 6 and 13: a project never touches files outside itself, refuses a class list that no longer
 * covers its labels, keeps what it does not understand in {@code project.json}, cleans up after killed imports, and
 * can be archived consistently.
 */
class ProjectHardeningTest {

    @TempDir
    Path temp;

    private static void sql(Path dir, String statement) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE));
                Statement s = db.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void pathsInTheDatabaseCannotReachOutsideTheProject() throws Exception {
        Path dir = temp.resolve("p");
        Path outside = Files.writeString(temp.resolve("outside.npy"), "precious");
        try (Project project = Project.create(dir, "Demo", List.of("a"))) {
            project.addClip(NewClip.labeled(TestClips.random(2, 1), ClipState.TRAIN, 0, "t"));
            project.addClip(NewClip.labeled(TestClips.random(2, 2), ClipState.TRAIN, 0, "t"));
            project.addClip(NewClip.labeled(TestClips.random(2, 3), ClipState.TRAIN, 0, "t"));
        }
        sql(dir, "UPDATE clips SET keypoints = '../outside.npy' WHERE id = 1");
        sql(dir, "UPDATE clips SET keypoints = '" + outside.toAbsolutePath() + "' WHERE id = 2");
        sql(dir, "UPDATE clips SET keypoints = 'gesturelab.db' WHERE id = 3");
        try (Project project = Project.open(dir)) {
            for (long id = 1; id <= 3; id++) {
                long clip = id;
                GestureLabException e = assertThrows(GestureLabException.class, () -> project.delete(clip));
                assertTrue(e.getMessage().contains("keypoints file of clip " + clip), e.getMessage());
            }
            GestureLabException export = assertThrows(GestureLabException.class, () -> NpyFolderFormat.export(
                    project, temp.resolve("out"), EnumSet.allOf(ClipState.class), TaskMonitor.SILENT));
            assertTrue(export.getMessage().contains("points outside") || export.getMessage().contains("not a clip"),
                    export.getMessage());
        }
        assertEquals("precious", Files.readString(outside));
        assertTrue(Files.size(dir.resolve(Project.DATABASE_FILE)) > 0);
        assertFalse(Files.exists(temp.resolve("out")));
    }

    @Test
    void aClipFileThatIsALinkOutsideIsNeitherReadNorCopied() throws Exception {
        Path dir = temp.resolve("p");
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        Clip clip;
        try (Project project = Project.create(dir, "Demo", List.of("a"))) {
            clip = project.addClip(NewClip.labeled(TestClips.random(2, 1), ClipState.TRAIN, 0, "t"));
        }
        Files.delete(clip.keypoints());
        Files.createSymbolicLink(clip.keypoints(), secret);
        try (Project project = Project.open(dir)) {
            Clip stored = project.requireClip(clip.id());
            GestureLabException e = assertThrows(GestureLabException.class, () -> project.loadKeypoints(stored));
            assertTrue(e.getMessage().contains("points outside"), e.getMessage());
            assertThrows(GestureLabException.class, () -> NpyFolderFormat.export(project, temp.resolve("out"),
                    EnumSet.allOf(ClipState.class), TaskMonitor.SILENT));
            project.delete(clip.id());
        }
        assertEquals("secret", Files.readString(secret), "deleting the clip removed the link, not its target");
    }

    @Test
    void aClassRemovedFromProjectJsonIsRefusedByName() throws Exception {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("hello", "thanks"))) {
            for (int i = 0; i < 25; i++) {
                project.addClip(NewClip.labeled(TestClips.random(1, i), ClipState.TRAIN, 1, "t"));
            }
            project.addClip(NewClip.labeled(TestClips.random(1, 99), ClipState.TRAIN, 0, "t"));
        }
        Path json = dir.resolve(Project.SETTINGS_FILE);
        String original = Files.readString(json);
        ProjectSettings settings = ProjectSettings.read(json);
        settings.withClasses(List.of(settings.classes().get(0))).write(json);

        GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
        assertTrue(e.getMessage().contains("'thanks' (class 2) is missing (25 clip labels)"), e.getMessage());
        assertThrows(GestureLabException.class, () -> Project.openReadOnly(dir));

        // Moving classes around would relabel just as silently.
        settings.withClasses(List.of(settings.classes().get(1), settings.classes().get(0))).write(json);
        e = assertThrows(GestureLabException.class, () -> Project.open(dir));
        assertTrue(e.getMessage().contains("'hello' moved from class 1 to class 2"), e.getMessage());

        // A rename by hand keeps every label where it was.
        Files.writeString(json, original.replace("\"thanks\"", "\"thank you\""));
        try (Project project = Project.open(dir)) {
            assertEquals(List.of("hello", "thank you"), project.classNames());
            assertEquals(25, project.count(ClipQuery.all().withLabel(1)));
        }
    }

    @Test
    void aSymlinkedClipsFolderIsNotFollowedAndOnlyOwnFilesAreSetAside() throws Exception {
        Path dir = temp.resolve("p");
        Project.create(dir, "Demo", List.of("a")).close();
        Path clips = dir.resolve("clips");
        Files.writeString(clips.resolve("c12.npy"), "a user's file");
        Files.writeString(clips.resolve("c00000005.NPY"), "a user's file");
        Project.open(dir).close();
        assertTrue(Files.exists(clips.resolve("c12.npy")), "not the project's naming: left alone");
        assertTrue(Files.exists(clips.resolve("c00000005.NPY")));

        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path stranger = Files.writeString(elsewhere.resolve("c00000001.npy"), "not the project's");
        Files.move(clips, temp.resolve("moved-clips"));
        Files.createSymbolicLink(clips, elsewhere);
        GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
        assertTrue(e.getMessage().contains("is a symbolic link"), e.getMessage());
        assertTrue(Files.exists(stranger), "the file behind the link was not moved");
        assertFalse(Files.exists(elsewhere.resolve(".orphaned")));
    }

    @Test
    void unknownFieldsInProjectJsonAreAcceptedAndKept() throws Exception {
        Path dir = temp.resolve("p");
        Project.create(dir, "Demo", List.of("a")).close();
        Path json = dir.resolve(Project.SETTINGS_FILE);
        Files.writeString(json, Files.readString(json)
                .replaceFirst("\\{", "{\n  \"futureField\" : { \"x\" : 1 },")
                .replace("\"name\" : \"a\",", "\"name\" : \"a\", \"icon\" : \"wave\","));
        try (Project project = Project.open(dir)) {
            project.addClass("b");
            project.recolorClass(0, "#123456");
        }
        String rewritten = Files.readString(json);
        assertTrue(rewritten.contains("\"futureField\""), rewritten);
        assertTrue(rewritten.contains("\"icon\" : \"wave\""), rewritten);
        assertTrue(rewritten.contains("\"b\""), rewritten);
    }

    @Test
    void anEmptyClassAKilledImportLeftIsCleanedButAHandAddedOneStays() throws Exception {
        Path dir = temp.resolve("p");
        Project.create(dir, "Demo", List.of("a")).close();
        // The state a killed import leaves: its new class in project.json, its staging folder remembering it.
        Path json = dir.resolve(Project.SETTINGS_FILE);
        ProjectSettings settings = ProjectSettings.read(json);
        settings.withClassAdded("manual").withClassAdded("ghost").write(json);
        Path staging = Files.createDirectories(dir.resolve("clips/" + Project.STAGING_PREFIX + "killed"));
        Files.writeString(staging.resolve("added-classes.txt"), "ghost\n");
        Files.writeString(staging.resolve("c00000001.npy"), "never committed");
        try (Project project = Project.open(dir)) {
            assertEquals(List.of("a", "manual"), project.classNames());
        }
        assertFalse(Files.exists(staging));
        assertFalse(Files.readString(json).contains("ghost"));
    }

    @Test
    void aBatchThatDoesNotCommitLeavesNoClassInTheDatabaseRecord() throws Exception {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Demo", List.of("a"))) {
            try (ClipBatch batch = project.beginImport("test", "x")) {
                batch.add(NewClip.labeled(TestClips.random(1, 1), ClipState.TRAIN, batch.classIndex("new"), "t"));
            }
            assertEquals(List.of("a"), project.classNames());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE));
                Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM classes")) {
            assertTrue(rs.next());
            assertEquals("a", rs.getString(1));
            assertFalse(rs.next());
        }
    }

    @Test
    void archiveIsAConsistentCopyIncludingWhatIsOnlyInTheWal() throws Exception {
        Path dir = temp.resolve("p");
        Path zip = temp.resolve("backup.zip");
        try (Project project = Project.create(dir, "Demo", List.of("a", "b"))) {
            for (int i = 0; i < 4; i++) {
                Clip clip = project.addClip(NewClip.unlabeled(TestClips.random(2, i), "t"));
                project.label(clip.id(), i % 2, LabelSource.USER);
            }
            assertTrue(Files.size(dir.resolve(Project.DATABASE_FILE + "-wal")) > 0, "the labels are in the WAL");
            assertEquals(4, project.archive(zip, TaskMonitor.SILENT));
            assertThrows(GestureLabException.class, () -> project.archive(zip, TaskMonitor.SILENT));
        }
        Path restored = temp.resolve("restored");
        Set<String> names = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                Path target = restored.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                Files.copy(in, target);
            }
        }
        assertTrue(names.contains("p/project.json") && names.contains("p/gesturelab.db")
                && names.contains("p/clips/c00000004.npy"), names.toString());
        try (Project copy = Project.open(restored.resolve("p"))) {
            assertEquals(4, copy.stats().train());
            assertEquals(List.of(), copy.check());
        }
    }

    @Test
    void deletingTheLockFileDoesNotLetASecondWriterIn() throws Exception {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "lock", List.of("a", "b"))) {
            for (int i = 0; i < 5; i++) {
                project.addClip(NewClip.unlabeled(TestClips.random(2, i), "seed"));
            }
        }
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Process child = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LabelingChild.class.getName(), dir.toString(), "1")
                .redirectError(temp.resolve("child.err").toFile()).start();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            assertNotNull(first, () -> "child ended: " + readQuietly(temp.resolve("child.err")));
            Files.delete(dir.resolve("gesturelab.lock"));
            GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
            assertTrue(e.getMessage().contains("in use by another GestureLab"), e.getMessage());
        } finally {
            child.toHandle().destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Project.open(dir).close();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}

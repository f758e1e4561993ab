package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import org.gesturelab.core.GestureLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Person and session tags: the schema migration that adds them, storing, editing and their rules. */
class PersonTagsTest {

    @TempDir
    Path temp;

    @Test
    void aVersion2ProjectMigratesKeepingEveryClipLabelAndEvent() throws Exception {
        Path dir = temp.resolve("p");
        List<Clip> before;
        List<LabelEvent> eventsBefore;
        float[][] frames = TestClips.random(30, 7);
        try (Project project = Project.create(dir, "Old", List.of("a", "b", "c"))) {
            project.addClip(NewClip.labeled(frames, ClipState.TRAIN, 1, "one"));
            project.addClip(NewClip.labeled(TestClips.random(30, 8), ClipState.TEST, 2, "two"));
            long pool = project.addClip(NewClip.ofClass(TestClips.random(30, 9), ClipState.POOL, 0, "three")).id();
            project.addClip(NewClip.unlabeled(TestClips.random(30, 10), "four"));
            project.label(pool, 2, LabelSource.USER);
            before = project.clips(ClipQuery.all());
            eventsBefore = project.labelEvents(0);
        }
        // Turn the database back into schema version 2, as GestureLab before person tags wrote it.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE));
                Statement statement = db.createStatement()) {
            statement.execute("DROP INDEX clips_by_person");
            statement.execute("ALTER TABLE clips DROP COLUMN person");
            statement.execute("ALTER TABLE clips DROP COLUMN session");
            statement.execute("PRAGMA user_version = 2");
        }
        GestureLabException readOnly = assertThrows(GestureLabException.class, () -> Project.openReadOnly(dir));
        assertTrue(readOnly.getMessage().contains("open the project normally once"), readOnly.getMessage());
        try (Project project = Project.open(dir)) {
            List<Clip> after = project.clips(ClipQuery.all());
            assertEquals(before.size(), after.size());
            for (int i = 0; i < before.size(); i++) {
                Clip was = before.get(i);
                Clip is = after.get(i);
                assertEquals(was, is, "clip " + was.id() + " unchanged by the migration");
                assertNull(is.person());
                assertNull(is.session());
            }
            assertEquals(eventsBefore, project.labelEvents(0));
            assertArrayEquals(frames[29], project.loadKeypoints(after.get(0))[29]);
            assertTrue(project.check().isEmpty(), project.check().toString());
            assertEquals(List.of(), project.persons());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE))) {
            assertEquals(3, Schema.version(db));
            assertEquals(Schema.VERSION, Schema.version(db));
        }
    }

    @Test
    void tagsAreStoredEditedAllOrNothingAndListed() throws Exception {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "Tags", List.of("a", "b"))) {
            Clip ann = project.addClip(NewClip.labeled(TestClips.random(5, 1), ClipState.TRAIN, 0, "x")
                    .withPerson("  Ann ").withSession("morning"));
            Clip blank = project.addClip(NewClip.labeled(TestClips.random(5, 2), ClipState.TRAIN, 1, "y")
                    .withPerson("   "));
            assertEquals("Ann", ann.person());
            assertEquals("morning", ann.session());
            assertNull(blank.person(), "blank is unknown");
            assertEquals(ann, project.requireClip(ann.id()));
            assertEquals(List.of("Ann"), project.persons());

            assertEquals(2, project.setPerson(List.of(ann.id(), blank.id()), "Bo"));
            assertEquals("Bo", project.requireClip(blank.id()).person());
            assertEquals("morning", project.requireClip(ann.id()).session(), "the session stays");
            GestureLabException missing = assertThrows(GestureLabException.class,
                    () -> project.setPerson(List.of(ann.id(), 999L), "Cy"));
            assertTrue(missing.getMessage().contains("no clip 999"), missing.getMessage());
            assertEquals("Bo", project.requireClip(ann.id()).person(), "nothing changed");
            assertThrows(GestureLabException.class, () -> project.setPerson(List.of(ann.id()), "a\tb"));
            assertThrows(GestureLabException.class, () -> project.setPerson(List.of(ann.id()), "x".repeat(101)));
            project.setPerson(List.of(blank.id()), "");
            assertNull(project.requireClip(blank.id()).person());
            assertEquals(List.of("Bo"), project.persons());
        }
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE));
                Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery("SELECT person, COUNT(*) FROM clips GROUP BY person")) {
            Map<String, Integer> counts = new java.util.HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
            assertEquals(Map.of("Bo", 1), Map.of("Bo", counts.get("Bo")));
            assertTrue(counts.containsKey(null), "an unknown person is NULL, not an empty string");
        }
    }

    @Test
    void repairKeepsTheTagsItSalvages() throws Exception {
        Path dir = temp.resolve("p");
        long id;
        try (Project project = Project.create(dir, "Repair", List.of("a", "b"))) {
            id = project.addClip(NewClip.labeled(TestClips.random(5, 1), ClipState.TRAIN, 1, "x").withPerson("Ann")
                    .withSession("1m")).id();
        }
        // A database that lost its schema version is rebuilt from the clip files and the rows still readable.
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Project.DATABASE_FILE));
                Statement statement = db.createStatement()) {
            statement.execute("PRAGMA user_version = 0");
        }
        assertTrue(Project.repair(dir).repaired());
        try (Project project = Project.open(dir)) {
            Clip clip = project.requireClip(id);
            assertEquals("Ann", clip.person());
            assertEquals("1m", clip.session());
            assertEquals(1, clip.label());
        }
    }
}

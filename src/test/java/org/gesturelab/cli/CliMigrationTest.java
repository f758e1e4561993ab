package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project made before every project had a Nothing class gains it when the command line opens it for writing, by
 * the rule the app uses ({@link ProjectMigration}); a read-only command leaves it as it is; no clip changes.
 */
class CliMigrationTest {

    @TempDir
    Path temp;

    @Test
    void writingCommandsMigrateReadingOnesDoNot() throws Exception {
        Path dir = temp.resolve("old");
        try (Project project = Project.create(dir, "old", List.of("hello", "thanks"))) {
            for (int i = 0; i < 6; i++) {
                float[][] frames = new float[30][1662];
                frames[0][0] = i;
                project.addClip(NewClip.labeled(frames, ClipState.TRAIN, i % 2, "t"));
            }
            project.addClip(NewClip.unlabeled(new float[30][1662], "t"));
        }
        byte[] before = Files.readAllBytes(dir.resolve("project.json"));
        Map<Long, Integer> labels = labels(dir);

        CliRunner stats = new CliRunner();
        assertEquals(0, stats.run("stats", dir.toString()), stats.err());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve("project.json")), "stats wrote project.json");

        CliRunner split = new CliRunner();
        assertEquals(0, split.run("project", "split", dir.toString(), "--test-fraction", "0.3"), split.err());
        assertTrue(split.out().contains("gained its Nothing class 'Nothing'"), split.out());
        try (Project project = Project.openReadOnly(dir)) {
            assertEquals(List.of("hello", "thanks", "Nothing"), project.classNames());
            assertTrue(project.classes().get(2).nothing(), "marked by its flag");
            assertEquals("0", project.classes().get(2).shortcut());
        }
        assertEquals(labels, labels(dir), "every clip keeps its label");

        // Once migrated, nothing more happens; a renamed Nothing class is not added again.
        try (Project project = Project.open(dir)) {
            project.renameClass(2, "Idle");
            assertTrue(ProjectMigration.migrate(project).isEmpty());
        }
        CliRunner again = new CliRunner();
        assertEquals(0, again.run("project", "split", dir.toString(), "--test-fraction", "0.3"), again.err());
        assertFalse(again.out().contains("gained"), again.out());
        try (Project project = Project.openReadOnly(dir)) {
            assertEquals(List.of("hello", "thanks", "Idle"), project.classNames());
        }
    }

    private static Map<Long, Integer> labels(Path dir) throws Exception {
        Map<Long, Integer> labels = new TreeMap<>();
        try (Project project = Project.openReadOnly(dir)) {
            for (Clip clip : project.clips(ClipState.TRAIN, ClipState.TEST, ClipState.POOL)) {
                labels.put(clip.id(), clip.label() == null ? -1 : clip.label());
            }
        }
        return labels;
    }
}

package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Nothing class every project gets: appended without touching labels, marked in project.json, renamable. */
class NothingClassProjectTest {

    @TempDir
    Path temp;

    private static float[][] frames() {
        return new float[30][org.gesturelab.core.KeypointLayout.FEATURES];
    }

    @Test
    void migrationAppendsNothingAndKeepsEveryLabel() throws IOException {
        Path dir = temp.resolve("old");
        long a;
        long b;
        try (Project project = Project.create(dir, "Old", List.of("wave", "stop"))) {
            assertEquals(Optional.empty(), project.nothingClass());
            a = project.addClip(NewClip.labeled(frames(), ClipState.TRAIN, 0, "a")).id();
            b = project.addClip(NewClip.labeled(frames(), ClipState.TRAIN, 1, "b")).id();
        }
        try (Project project = Project.open(dir)) {
            assertEquals(2, project.ensureNothingClass());
            assertEquals(List.of("wave", "stop", "Nothing"), project.classNames());
            assertEquals(Optional.of("Nothing"), project.nothingClass());
            assertEquals("0", project.classes().get(2).shortcut());
            assertEquals(0, project.requireClip(a).label());
            assertEquals(1, project.requireClip(b).label());
            assertEquals(2, project.ensureNothingClass(), "a second migration changes nothing");
            assertEquals(3, project.classes().size());
        }
        String json = Files.readString(dir.resolve(Project.SETTINGS_FILE));
        assertTrue(json.contains("\"nothing\" : true"), json);
        assertEquals(1, json.split("\"nothing\"", -1).length - 1, "only the Nothing class carries the mark: " + json);
        try (Project project = Project.open(dir)) {
            assertEquals(0, project.requireClip(a).label());
            assertEquals(List.of("wave", "stop", "Nothing"), project.classNames());
        }
    }

    @Test
    void renamedNothingStaysTheNothingClass() throws IOException {
        Path dir = temp.resolve("rename");
        try (Project project = Project.create(dir, "R", List.of("wave"))) {
            int nothing = project.ensureNothingClass();
            project.renameClass(nothing, "Idle");
            project.recolorClass(nothing, "#123456");
            assertEquals(Optional.of("Idle"), project.nothingClass());
        }
        try (Project project = Project.open(dir)) {
            assertEquals(Optional.of("Idle"), project.nothingClass());
            assertTrue(project.classes().get(1).nothing());
            assertEquals(1, project.ensureNothingClass(), "no second Nothing class after a rename");
            assertEquals(List.of("wave", "Idle"), project.classNames());
        }
    }

    @Test
    void aClassAlreadyNamedNothingIsMarkedNotDuplicated() throws IOException {
        Path dir = temp.resolve("named");
        try (Project project = Project.create(dir, "N", List.of("a", "b", "c", "d", "e", "f", "g", "h", "i",
                "j", "nothing"))) {
            assertEquals(Optional.of("nothing"), project.nothingClass(), "found by name before the mark");
            assertFalse(project.classes().get(10).nothing());
            assertEquals(10, project.ensureNothingClass());
            assertTrue(project.classes().get(10).nothing());
            assertEquals(11, project.classes().size());
        }
    }

    @Test
    void keyZeroOnlyWhenFree() throws IOException {
        Path dir = temp.resolve("keys");
        List<String> ten = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        try (Project project = Project.create(dir, "K", ten)) {
            assertEquals("0", project.classes().get(9).shortcut());
            int nothing = project.ensureNothingClass();
            assertEquals(10, nothing);
            assertNull(project.classes().get(nothing).shortcut(), "'0' belongs to class j already");
        }
    }
}

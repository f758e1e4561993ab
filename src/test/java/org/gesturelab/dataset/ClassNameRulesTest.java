package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classes added or renamed outside an import (Record screen, label command) follow the import's name rules. */
class ClassNameRulesTest {

    @TempDir
    Path temp;

    @Test
    void addingAClassNormalisesAndRefusesCaseDuplicates() throws Exception {
        try (Project project = Project.create(temp.resolve("p"), "Demo", List.of("Café"))) {
            String decomposed = "Cafe\u0301";
            assertEquals(0, project.addClass(decomposed), "the NFD spelling is the same class");
            assertEquals(0, project.addClass("\uFEFFCafé"), "a byte order mark does not make a new class");
            GestureLabException caseOnly = assertThrows(GestureLabException.class, () -> project.addClass("CAFÉ"));
            assertTrue(caseOnly.getMessage().contains("only by upper/lower case"), caseOnly.getMessage());
            assertThrows(GestureLabException.class, () -> project.addClass(".hidden"));
            assertEquals(List.of("Café"), project.classNames());
        }
    }

    @Test
    void renamingRefusesANameThatDiffersOnlyByCase() throws Exception {
        try (Project project = Project.create(temp.resolve("p"), "Demo", List.of("hello", "thanks"))) {
            assertThrows(GestureLabException.class, () -> project.renameClass(1, "Hello"));
            project.renameClass(0, "Hello");
            assertEquals(List.of("Hello", "thanks"), project.classNames());
        }
    }
}

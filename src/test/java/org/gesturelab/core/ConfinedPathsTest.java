package org.gesturelab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedPathsTest {

    @TempDir
    Path tmp;

    @Test
    void aRelativePathInsideTheRootResolves() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("project"));
        assertEquals(root.resolve("clips/c1.npy").toAbsolutePath(), ConfinedPaths.resolve(root, "clips/c1.npy", "clip 1"));
        assertEquals(root.resolve("clips/c1.npy").toAbsolutePath(),
                ConfinedPaths.resolve(root, "clips/../clips/c1.npy", "clip 1"));
    }

    @Test
    void absoluteAndParentPathsAreRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("project"));
        GestureLabException up = assertThrows(GestureLabException.class,
                () -> ConfinedPaths.resolve(root, "../../outside.npy", "the keypoints of clip 3"));
        assertTrue(up.getMessage().contains("the keypoints of clip 3 points outside"), up.getMessage());
        assertThrows(GestureLabException.class, () -> ConfinedPaths.resolve(root, "/etc/passwd", "clip"));
        assertThrows(GestureLabException.class, () -> ConfinedPaths.resolve(root, "", "clip"));
        assertThrows(GestureLabException.class, () -> ConfinedPaths.resolve(root, ".", "clip"));
    }

    @Test
    void aSymbolicLinkLeadingOutIsRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("project"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.npy"), "x");
        Files.createSymbolicLink(root.resolve("clips"), outside);
        assertThrows(GestureLabException.class, () -> ConfinedPaths.resolve(root, "clips/secret.npy", "clip"));
        assertFalse(ConfinedPaths.isInside(root, root.resolve("clips/secret.npy")));
        assertTrue(ConfinedPaths.isInside(root, root.resolve("other/new.npy")));
    }
}

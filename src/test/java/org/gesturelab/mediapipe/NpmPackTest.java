package org.gesturelab.mediapipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@link NpmPack} runs npm and reports its failures, with shell scripts in npm's place. */
class NpmPackTest {

    @TempDir
    Path workDir;

    @BeforeEach
    void needsAPosixShell() {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh; skipping.");
    }

    @Test
    void missingNpmSaysToInstallItOrPassFrom() {
        NpmPack npm = new NpmPack(List.of(workDir.resolve("no-such-npm").toString()));
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> npm.fetch(ModelPackage.HOLISTIC, workDir, TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("Install Node.js with npm"), e.getMessage());
        assertTrue(e.getMessage().contains("--from"), e.getMessage());
        assertTrue(e.getMessage().contains("npm pack @mediapipe/holistic@0.5.1675471629"), e.getMessage());
    }

    @Test
    void failingNpmShowsItsErrorOutput() {
        NpmPack npm = new NpmPack(List.of("/bin/sh", "-c",
                "echo 'npm error code E404' >&2; echo \"npm error 404 Not Found - GET $2\" >&2; exit 1", "npm"));
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> npm.fetch(ModelPackage.HOLISTIC, workDir, TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("failed with exit code 1"), e.getMessage());
        assertTrue(e.getMessage().contains("npm error 404 Not Found - GET @mediapipe/holistic@0.5.1675471629"),
                e.getMessage());
    }

    @Test
    void returnsTheTarballNpmNamesOnStandardOutput() throws IOException {
        NpmPack npm = new NpmPack(List.of("/bin/sh", "-c",
                "test \"$1\" = pack || exit 9; echo notice >&2; printf tgz > pkg-1.0.tgz; echo pkg-1.0.tgz", "npm"));
        Path tarball = npm.fetch(ModelPackage.HOLISTIC, workDir, TaskMonitor.SILENT);
        assertEquals(workDir.resolve("pkg-1.0.tgz"), tarball);
        assertEquals("tgz", Files.readString(tarball));
    }

    @Test
    void refusesANameOutsideTheWorkFolder() {
        NpmPack npm = new NpmPack(List.of("/bin/sh", "-c", "echo ../../etc/passwd", "npm"));
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> npm.fetch(ModelPackage.HOLISTIC, workDir, TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("did not name a tarball it wrote"), e.getMessage());
    }
}

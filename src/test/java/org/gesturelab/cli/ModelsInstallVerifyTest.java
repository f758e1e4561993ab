package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsInstallVerifyTest {

    @TempDir
    Path temp;

    private final CliRunner cli = new CliRunner();

    @Test
    void installFromAMissingTarballFailsWithExitCode1() {
        Path missing = temp.resolve("missing.tgz");
        assertEquals(1, cli.run("models", "install", "--from", missing.toString(), "--dir", temp.resolve("m").toString()));
        assertTrue(cli.err().contains("Error: The tarball " + missing + " does not exist"), cli.err());
        assertFalse(Files.exists(temp.resolve("m")));
    }

    @Test
    void installFromAnotherTarballNamesTheChecksums() throws IOException {
        Path other = Files.write(temp.resolve("other.tgz"), new byte[] {31, -117, 8, 0});
        assertEquals(1, cli.run("models", "install", "--from", other.toString(), "--dir", temp.resolve("m").toString()));
        assertTrue(cli.err().contains("is not @mediapipe/holistic@0.5.1675471629: its SHA-256 is"),
                cli.err());
        assertTrue(cli.err().contains("8a3c0632e40e761e637d020738e96dc54d9bbbd4330ce2b206469fe467fd708b"));
    }

    @Test
    void secondInstallSaysAlreadyInstalled() {
        Path dir = InstalledModels.require();
        assertEquals(0, cli.run("models", "install", "--dir", dir.toString()));
        assertEquals("Models already installed and verified at " + dir, cli.out().strip());
    }

    @Test
    void verifyOfAnEmptyDirectoryListsEveryModelAsMissingAndFails() {
        assertEquals(1, cli.run("models", "verify", "--dir", temp.toString(), "--video", "/no/such/video.avi"));
        assertTrue(cli.err().contains("Video /no/such/video.avi does not exist"), cli.err());

        assertEquals(1, cli.run("models", "verify", "--dir", temp.toString()));
        assertTrue(cli.out().contains("pose_landmark_full"), cli.out());
        assertTrue(cli.out().contains("MISSING: not installed in " + temp), cli.out());
        assertTrue(cli.out().contains("0 of 10 models within"), cli.out());
    }
}

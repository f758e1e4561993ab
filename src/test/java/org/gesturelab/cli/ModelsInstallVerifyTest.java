package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gesturelab.models.InstalledModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ModelsInstallVerifyTest {

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void installFromAMissingTarballFailsWithExitCode1() {
        Path missing = temp.resolve("missing.tgz");
        assertEquals(1, run("models", "install", "--from", missing.toString(), "--dir", temp.resolve("m").toString()));
        assertTrue(err.toString().contains("Error: The tarball " + missing + " does not exist"), err.toString());
        assertFalse(Files.exists(temp.resolve("m")));
    }

    @Test
    void installFromAnotherTarballNamesTheChecksums() throws IOException {
        Path other = Files.write(temp.resolve("other.tgz"), new byte[] {31, -117, 8, 0});
        assertEquals(1, run("models", "install", "--from", other.toString(), "--dir", temp.resolve("m").toString()));
        assertTrue(err.toString().contains("is not @mediapipe/holistic@0.5.1675471629: its SHA-256 is"),
                err.toString());
        assertTrue(err.toString().contains("8a3c0632e40e761e637d020738e96dc54d9bbbd4330ce2b206469fe467fd708b"));
    }

    @Test
    void secondInstallSaysAlreadyInstalled() {
        Path dir = InstalledModels.require();
        assertEquals(0, run("models", "install", "--dir", dir.toString()));
        assertEquals("Models already installed and verified at " + dir, out.toString().strip());
    }

    @Test
    void verifyOfAnEmptyDirectoryListsEveryModelAsMissingAndFails() {
        assertEquals(1, run("models", "verify", "--dir", temp.toString(), "--video", "/no/such/video.avi"));
        assertTrue(err.toString().contains("Video /no/such/video.avi does not exist"), err.toString());

        out.getBuffer().setLength(0);
        assertEquals(1, run("models", "verify", "--dir", temp.toString()));
        assertTrue(out.toString().contains("pose_landmark_full"), out.toString());
        assertTrue(out.toString().contains("MISSING: not installed in " + temp), out.toString());
        assertTrue(out.toString().contains("0 of 10 models within"), out.toString());
    }

    private int run(String... args) {
        CommandLine commandLine = GestureLabCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}

package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.SharedData;
import org.gesturelab.classify.ModelCard;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project of 9-frame clips ({@code project init --frames 9}): videos become 9-frame clips, a long recording is cut
 * into 9-frame pool windows, clips of another length are kept and noted, and both a network and a classical model
 * train on it and say so in their cards.
 */
class ClipLengthCommandsTest {

    private static final String VIDEOS = "bodygesture15/videos_1m_upper/";

    @TempDir
    Path temp;

    @Test
    void aNineFrameProjectImportsVideosAndTrainsANetworkAndAClassicalModel() throws IOException {
        Path models = InstalledModels.require();
        Path root = Files.createDirectories(temp.resolve("videos"));
        for (String person : List.of("S6", "S8")) {
            SharedData.linkInto(root.resolve("yes"), person + "_yes.avi", VIDEOS + person + "/videos/yes_1_1m_upper.avi");
            SharedData.linkInto(root.resolve("shrug"), person + "_shrug.avi",
                    VIDEOS + person + "/videos/shrug_1_1m_upper.avi");
        }
        Path dir = temp.resolve("nine");
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("project", "init", dir.toString(), "--frames", "9"), cli.err());
        assertTrue(cli.out().contains("clips of 9 frames"), cli.out());

        cli = new CliRunner();
        assertEquals(0, cli.run("import", dir.toString(), "--videos", root.toString(), "--models", models.toString()),
                cli.err());
        assertTrue(cli.out().contains("Imported 4 clips"), cli.out());
        try (Project project = Project.open(dir)) {
            assertEquals(9, project.sequenceLength());
            for (Clip clip : project.clips(ClipState.TRAIN)) {
                assertEquals(9, clip.frames(), clip.source());
                assertEquals(9, project.loadKeypoints(clip).length, clip.source());
            }
        }

        // A long recording is cut into windows of the project's length, starting every third of it.
        Path recording = SharedData.linkInto(temp.resolve("rec"), "left.avi", VIDEOS + "S7/videos/left_1_1m_upper.avi");
        cli = new CliRunner();
        assertEquals(0, cli.run("import", dir.toString(), "--recording", recording.toString(), "--models",
                models.toString()), cli.err());
        try (Project project = Project.open(dir)) {
            List<Clip> windows = project.clips(ClipState.POOL);
            int frames = project.recordings().get(0).frames();
            assertEquals((frames - 9) / 3 + 1, windows.size(), frames + " frames: " + windows);
            for (Clip window : windows) {
                assertEquals(0, window.startFrame() % 3, window.source());
                assertEquals(9, project.loadKeypoints(window).length);
            }
        }

        cli = new CliRunner();
        assertEquals(0, cli.run("train", dir.toString(), "--epochs", "3", "--seed", "1"), cli.err());
        assertTrue(cli.out().contains("Trained default"), cli.out());
        assertEquals(9, ModelCard.read(ModelStore.current(dir).orElseThrow()).sequenceLength());

        cli = new CliRunner();
        assertEquals(0, cli.run("train", dir.toString(), "--arch", "gradient-boosting"), cli.err());
        assertTrue(cli.out().contains("Trained gradient-boosting on") && cli.out().contains("(9 frames per clip)"),
                cli.out());
        ModelCard card = ModelCard.read(ModelStore.current(dir).orElseThrow());
        assertEquals("gradient-boosting", card.architecture());
        assertEquals(9, card.sequenceLength());

        // The model of a 9-frame project reads 9-frame clips: predict takes one.
        Path clip = temp.resolve("clip.npy");
        try (Project project = Project.open(dir)) {
            org.gesturelab.core.Npy.write(clip, project.loadKeypoints(project.clips(ClipState.TRAIN).get(0)));
        }
        cli = new CliRunner();
        assertEquals(0, cli.run("predict", dir.toString(), clip.toString()), cli.err());
    }

    @Test
    void clipsOfAnotherLengthAreKeptAndNoted() throws IOException {
        Path data = SharedData.require("asl6-holistic/MP_Data");
        Path subset = Files.createDirectories(temp.resolve("subset"));
        Files.createSymbolicLink(subset.resolve("hello"), data.resolve("hello"));
        Path dir = temp.resolve("nine");
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("project", "init", dir.toString(), "--frames", "9"), cli.err());
        cli = new CliRunner();
        assertEquals(0, cli.run("import", dir.toString(), "--mp-data", subset.toString()), cli.err());
        assertTrue(cli.out().contains("have another length than this project's 9 frames (30 frames)")
                && cli.out().contains("resample each to 9 frames"), cli.out());
        try (Project project = Project.open(dir)) {
            assertEquals(30, project.clips(ClipState.TRAIN).get(0).frames());
        }
    }
}

package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gesturelab.SharedData;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.Recording;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.mediapipe.InstalledModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --videos} and {@code import --recording VIDEO} on short real videos from bodygesture15 (19 to 22
 * frames each), linked into a temporary class folder: the holistic pipeline runs on every frame.
 */
class VideoImportCommandTest {

    private static final String VIDEOS = "bodygesture15/videos_1m_upper/";

    @TempDir
    Path temp;

    @Test
    void importsOneClipPerVideoLabeledByItsFolder() throws IOException {
        Path models = InstalledModels.require();
        Path root = Files.createDirectories(temp.resolve("videos"));
        link(root.resolve("yes"), "S8_yes.avi", VIDEOS + "S8/videos/yes_1_1m_upper.avi");
        link(root.resolve("shrug"), "S6_shrug.avi", VIDEOS + "S6/videos/shrug_1_1m_upper.avi");
        link(root.resolve("shrug"), "S8_shrug.avi", VIDEOS + "S8/videos/shrug_1_1m_upper.avi");
        Path dir = temp.resolve("project");
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("project", "init", dir.toString()), cli.err());

        cli = new CliRunner();
        assertEquals(0, cli.run("import", dir.toString(), "--videos", root.toString(), "--models", models.toString()),
                cli.err());

        assertTrue(cli.out().contains("Imported 3 clips"), cli.out());
        try (Project project = Project.open(dir)) {
            List<Clip> clips = project.clips(ClipState.TRAIN);
            assertEquals(3, clips.size());
            Map<String, String> labels = new TreeMap<>();
            for (Clip clip : clips) {
                labels.put(clip.source(), project.classNames().get(clip.label()));
                float[][] keypoints = project.loadKeypoints(clip);
                assertEquals(project.sequenceLength(), keypoints.length, "resampled to the sequence length");
                assertEquals(project.sequenceLength(), clip.frames());
                for (float[] frame : keypoints) {
                    assertEquals(KeypointLayout.FEATURES, frame.length);
                    assertTrue(nonZero(frame, 0, 132) > 100, clip.source() + ": a pose in every frame");
                    assertTrue(nonZero(frame, 132, 1404) > 1000, clip.source() + ": a face in every frame");
                }
            }
            assertEquals(Map.of("shrug/S6_shrug.avi", "shrug", "shrug/S8_shrug.avi", "shrug",
                    "yes/S8_yes.avi", "yes"), labels);
        }
    }

    @Test
    void cutsAVideoRecordingIntoOverlappingPoolWindows() throws IOException {
        Path models = InstalledModels.require();
        // 21 frames: windows of 10 every 5 frames start at 0, 5 and 10; the last frame fills no window.
        Path video = link(temp.resolve("rec"), "left.avi", VIDEOS + "S8/videos/left_1_1m_upper.avi");
        Path dir = temp.resolve("project");
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("project", "init", dir.toString(), "--classes", "left,right"), cli.err());

        cli = new CliRunner();
        assertEquals(0, cli.run("import", dir.toString(), "--recording", video.toString(), "--window", "10",
                "--stride", "5", "--models", models.toString()), cli.err());

        assertTrue(cli.out().contains("Imported 3 clips"), cli.out());
        assertTrue(cli.out().contains("The last 1 frames of left.avi do not fill a window"), cli.out());
        try (Project project = Project.open(dir)) {
            List<Recording> recordings = project.recordings();
            assertEquals(1, recordings.size());
            assertEquals(21, recordings.get(0).frames());
            List<Clip> windows = project.clips(ClipState.POOL).stream()
                    .sorted(Comparator.comparing(Clip::startFrame)).toList();
            assertEquals(List.of(0, 5, 10), windows.stream().map(Clip::startFrame).toList());
            float[][] first = project.loadKeypoints(windows.get(0));
            float[][] second = project.loadKeypoints(windows.get(1));
            for (Clip window : windows) {
                assertNull(window.label());
                assertEquals(recordings.get(0).id(), window.recordingId());
                assertEquals(10, project.loadKeypoints(window).length);
            }
            // Windows share frames of one extraction: frame 5 is the second window's first.
            for (int f = 0; f < 5; f++) {
                assertArrayEquals(first[5 + f], second[f], "frame " + (5 + f));
            }
            for (float[] frame : first) {
                assertTrue(nonZero(frame, 0, 132) > 100, "a pose in every frame");
            }
        }
    }

    @Test
    void refusesARecordingThatIsNeitherKeypointsNorVideo() throws IOException {
        Path dir = temp.resolve("project");
        Path text = Files.writeString(temp.resolve("notes.txt"), "not a recording");
        CliRunner cli = new CliRunner();
        assertEquals(0, cli.run("project", "init", dir.toString()), cli.err());

        cli = new CliRunner();
        assertEquals(1, cli.run("import", dir.toString(), "--recording", text.toString()));

        assertTrue(cli.err().contains("notes.txt is neither a .npy keypoint recording nor a video"), cli.err());
        try (Project project = Project.open(dir)) {
            assertTrue(project.clips(ClipState.POOL).isEmpty());
            assertTrue(project.recordings().isEmpty());
        }
    }

    private static Path link(Path folder, String name, String shared) throws IOException {
        return SharedData.linkInto(folder, name, shared);
    }

    private static int nonZero(float[] frame, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            if (frame[i] != 0f) {
                n++;
            }
        }
        return n;
    }
}

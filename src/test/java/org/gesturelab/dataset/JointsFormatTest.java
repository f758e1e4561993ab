package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.SharedData;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JointsFormatTest {

    private static final List<String> GESTURES = List.of("attention", "back", "come", "continue", "greeting", "left",
            "no", "random", "right", "shrug", "slowdown", "static", "stop", "turnback", "yes");

    @TempDir
    Path temp;

    @Test
    void importsBodyGesture15SplitByPerson() throws IOException {
        Path joints = SharedData.require("bodygesture15/joints");
        try (Project project = Project.create(temp.resolve("p"), "bg15", List.of())) {
            ImportResult result = JointsFormat.importInto(project, joints,
                    new JointsFormat.Options(Set.of("S7", "S8"), Set.of()), TaskMonitor.SILENT);
            System.out.printf("bodygesture15 joints import: %d clips in %d ms%n", result.count(),
                    result.elapsed().toMillis());
            // 8 people x 45 recordings (15 gestures at 1 m, 4 m and 6 m); S7 and S8 are the test people.
            assertEquals(360, result.count());
            assertEquals(270, project.stats().train());
            assertEquals(90, project.stats().test());
            assertEquals(GESTURES, project.classNames());
            assertTrue(project.clips(ClipState.TEST).stream().allMatch(c -> c.source().startsWith("joints/S7/")
                    || c.source().startsWith("joints/S8/")));
            assertFalse(project.clips(ClipState.TRAIN).stream().anyMatch(c -> c.source().startsWith("joints/S7/")
                    || c.source().startsWith("joints/S8/")));

            Clip clip = project.clips(ClipState.TRAIN).stream()
                    .filter(c -> c.source().equals("joints/S1/3Djoints/attention_1_1m_upper.npy")).findFirst()
                    .orElseThrow();
            assertEquals("attention", project.classNames().get(clip.label()));
            float[][] frames = project.loadKeypoints(clip);
            Npy.Array raw = Npy.read(joints.resolve("S1/3Djoints/attention_1_1m_upper.npy"));
            assertEquals(raw.rows(), frames.length);
            int last = frames.length - 1;
            assertArrayEquals(Arrays.copyOfRange(raw.data(), last * KeypointLayout.POSE_LENGTH,
                    (last + 1) * KeypointLayout.POSE_LENGTH), Arrays.copyOfRange(frames[last],
                    KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_OFFSET + KeypointLayout.POSE_LENGTH));
            for (float[] frame : frames) {
                assertTrue(KeypointLayout.present(frame, KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LENGTH));
                assertFalse(KeypointLayout.present(frame, KeypointLayout.FACE_OFFSET, KeypointLayout.FACE_LENGTH));
                assertFalse(KeypointLayout.present(frame, KeypointLayout.LEFT_HAND_OFFSET,
                        2 * KeypointLayout.HAND_LENGTH));
            }
        }
    }

    @Test
    void distanceFilterKeepsOnlyThoseRecordings() throws IOException {
        Path joints = SharedData.require("bodygesture15/joints");
        try (Project project = Project.create(temp.resolve("p"), "bg15", List.of())) {
            JointsFormat.importInto(project, joints, new JointsFormat.Options(Set.of("S7", "S8"), Set.of("1m")),
                    TaskMonitor.SILENT);
            assertEquals(90, project.stats().train());
            assertEquals(30, project.stats().test());
            assertEquals(15, project.stats().classes());
            assertTrue(project.clips(ClipQuery.all()).stream().allMatch(c -> c.source().endsWith("_1m_upper.npy")));
        }
    }

    @Test
    void truncatedFileRefusesTheWholeImport() throws IOException {
        Path joints = SharedData.require("bodygesture15/joints");
        Path copy = copyOf(joints, 6);
        List<String> lines = Files.readAllLines(copy.resolve(JointsFormat.INDEX_FILE));
        Path bad = copy.resolve(lines.get(4).split(",")[0]);
        byte[] bytes = Files.readAllBytes(bad);
        Files.write(bad, Arrays.copyOf(bytes, bytes.length - 100));
        TestClips.assertTruncatedFileRefusesImport(temp.resolve("p"), bad,
                project -> JointsFormat.importInto(project, copy, new JointsFormat.Options(Set.of("S1"), Set.of()),
                        TaskMonitor.SILENT));
    }

    @Test
    void refusesUnknownSubjectsDistancesAndWrongShapes() throws IOException {
        Path joints = SharedData.require("bodygesture15/joints");
        Path copy = copyOf(joints, 3);
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            String subject = assertThrows(GestureLabException.class, () -> JointsFormat.importInto(project, copy,
                    new JointsFormat.Options(Set.of("S9"), Set.of()), TaskMonitor.SILENT)).getMessage();
            assertTrue(subject.contains("No test subject 'S9'") && subject.contains("S1"), subject);
            String distance = assertThrows(GestureLabException.class, () -> JointsFormat.importInto(project, copy,
                    new JointsFormat.Options(Set.of(), Set.of("2m")), TaskMonitor.SILENT)).getMessage();
            assertTrue(distance.contains("No distance '2m'"), distance);

            Path flat = copy.resolve(Files.readAllLines(copy.resolve(JointsFormat.INDEX_FILE)).get(2).split(",")[0]);
            Npy.write(flat, new Npy.Array(new int[] {5, KeypointLayout.POSE_LENGTH},
                    new float[5 * KeypointLayout.POSE_LENGTH]));
            String shape = assertThrows(GestureLabException.class, () -> JointsFormat.importInto(project, copy,
                    new JointsFormat.Options(Set.of(), Set.of()), TaskMonitor.SILENT)).getMessage();
            assertTrue(shape.contains(flat.toString()) && shape.contains("[5, 132]"), shape);
            assertTrue(project.clips(ClipQuery.all()).isEmpty());
            assertTrue(project.classNames().isEmpty());
        }
    }

    /** Copies the first {@code count} files of the index, with an index trimmed to them, into the temp folder. */
    private Path copyOf(Path joints, int count) throws IOException {
        Path copy = temp.resolve("joints");
        List<String> lines = Files.readAllLines(joints.resolve(JointsFormat.INDEX_FILE), StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(lines.subList(0, count + 1));
        for (String line : kept.subList(1, kept.size())) {
            String file = line.split(",")[0];
            Path target = copy.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(joints.resolve(file), target);
        }
        Files.write(copy.resolve(JointsFormat.INDEX_FILE), kept, StandardCharsets.UTF_8);
        return copy;
    }
}

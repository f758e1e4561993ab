package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.SharedData;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MpDataFormatTest {

    @TempDir
    Path temp;

    @Test
    void importsAsl6Holistic() throws IOException {
        Path data = SharedData.require("asl6-holistic/MP_Data");
        try (Project project = Project.create(temp.resolve("p"), "asl6", List.of())) {
            ImportResult result = MpDataFormat.importInto(project, data, ClipState.TRAIN, TaskMonitor.SILENT);
            System.out.printf("asl6 MP_Data import: %d clips in %d ms%n", result.count(), result.elapsed().toMillis());
            assertEquals(180, result.count());
            assertEquals(List.of("hello", "iloveyou", "no", "please", "thanks", "yes"), project.classNames());
            assertEquals(180, project.stats().train());
            Clip first = project.clips(ClipState.TRAIN).get(0);
            assertEquals("MP_Data/hello/0", first.source());
            assertEquals(30, first.frames());
            float[] expected = Npy.read(data.resolve("hello/0/29.npy")).data();
            assertArrayEquals(expected, project.loadKeypoints(first)[29]);
        }
    }

    @Test
    void importsKsl13PoseHandsKeepingNames() throws IOException {
        // The full MP_Data + MP_Data1 check runs through the command line in DatasetCommandsTest.
        Path test = SharedData.require("ksl13-posehands/MP_Data1");
        try (Project project = Project.create(temp.resolve("p"), "ksl13", List.of())) {
            ImportResult result = MpDataFormat.importInto(project, test, ClipState.TEST, TaskMonitor.SILENT);
            System.out.printf("ksl13 MP_Data1 import: %d clips in %d ms%n", result.count(),
                    result.elapsed().toMillis());
            ProjectStats stats = project.stats();
            assertEquals(130, stats.test());
            assertEquals(13, stats.classes());
            assertTrue(project.classNames().contains("Let's go"), project.classNames().toString());
            assertTrue(project.classNames().contains("i'm fine"), project.classNames().toString());
            stats.perClass().forEach(c -> assertEquals(10, c.test(), c.name()));

            // 258 pose + hands values land in the 1662 layout with a zero face.
            Clip clip = project.clips(ClipQuery.inState(ClipState.TEST).withLabel(project.requireClass("Let's go")))
                    .get(0);
            float[] raw = Npy.read(test.resolve("Let's go/0/0.npy")).data();
            assertArrayEquals(KeypointLayout.fromPoseHands(raw), project.loadKeypoints(clip)[0]);
        }
    }

    @Test
    void poolImportHidesLabels() throws IOException {
        Path data = writeMpData(temp.resolve("MP_Data"), 2, 3, 4);
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            MpDataFormat.importInto(project, data, ClipState.POOL, TaskMonitor.SILENT);
            assertEquals(6, project.clips(ClipState.POOL).size());
            assertTrue(project.clips(ClipState.POOL).stream().allMatch(c -> c.label() == null));
            assertEquals(3, project.clips(ClipQuery.all().withHiddenLabel(1)).size());
        }
    }

    @Test
    void oneTruncatedFrameRefusesTheWholeFolder() throws IOException {
        Path data = writeMpData(temp.resolve("MP_Data"), 3, 4, 5);
        Path bad = data.resolve("class 1/2/3.npy");
        byte[] bytes = Files.readAllBytes(bad);
        Files.write(bad, Arrays.copyOf(bytes, bytes.length - 7));
        TestClips.assertTruncatedFileRefusesImport(temp.resolve("p"), bad,
                project -> MpDataFormat.importInto(project, data, ClipState.TRAIN, TaskMonitor.SILENT));
    }

    @Test
    void cancelledImportLeavesNothing() throws IOException {
        Path data = writeMpData(temp.resolve("MP_Data"), 2, 3, 2);
        TaskMonitor cancelAfterTwo = new TaskMonitor() {
            private long done;

            @Override
            public void update(String message, long units, long total) {
                done = total > 0 ? units : done;
            }

            @Override
            public boolean isCancelled() {
                return done >= 2;
            }
        };
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "demo", List.of())) {
            assertThrows(org.gesturelab.core.CancelledException.class,
                    () -> MpDataFormat.importInto(project, data, ClipState.TRAIN, cancelAfterTwo));
            assertTrue(project.clips(ClipQuery.all()).isEmpty());
            assertTrue(project.classNames().isEmpty());
            assertEquals(List.of(), TestClips.fileNames(dir.resolve(Project.CLIPS_DIR)));
        }
    }

    @Test
    void refusesGapsWrongWidthsAndEmptyFolders() throws IOException {
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            Path gap = writeMpData(temp.resolve("gap"), 1, 1, 3);
            Files.delete(gap.resolve("class 0/0/1.npy"));
            assertTrue(assertThrows(GestureLabException.class, () -> MpDataFormat.importInto(project, gap,
                    ClipState.TRAIN, TaskMonitor.SILENT)).getMessage().contains("lacks frame 1.npy"));

            Path wide = writeMpData(temp.resolve("wide"), 1, 1, 2);
            Npy.write(wide.resolve("class 0/0/1.npy"), new Npy.Array(new int[] {100}, new float[100]));
            assertTrue(assertThrows(GestureLabException.class, () -> MpDataFormat.importInto(project, wide,
                    ClipState.TRAIN, TaskMonitor.SILENT)).getMessage().contains("100 values"));

            Path empty = Files.createDirectories(temp.resolve("empty"));
            assertThrows(GestureLabException.class,
                    () -> MpDataFormat.importInto(project, empty, ClipState.TRAIN, TaskMonitor.SILENT));
            assertTrue(project.clips(ClipQuery.all()).isEmpty());
            assertTrue(project.classNames().isEmpty());
        }
    }

    @Test
    void exportThenImportGivesBackTheSameClips() throws IOException {
        try (Project source = Project.create(temp.resolve("a"), "a", List.of("Let's go", "b"))) {
            for (int i = 0; i < 5; i++) {
                source.addClip(NewClip.labeled(TestClips.random(30, i), i == 4 ? ClipState.TEST : ClipState.TRAIN,
                        i % 2, "t"));
            }
            Path out = temp.resolve("export/MP_Data");
            assertEquals(4, MpDataFormat.export(source, out, EnumSet.of(ClipState.TRAIN), TaskMonitor.SILENT));
            assertTrue(Files.exists(out.resolve("Let's go/1/29.npy")));
            try (Project copy = Project.create(temp.resolve("b"), "b", List.of())) {
                MpDataFormat.importInto(copy, out, ClipState.TRAIN, TaskMonitor.SILENT);
                // MP_Data groups clips by class folder: compare in that order, clip order kept within a class.
                List<Clip> expected = source.clips(ClipState.TRAIN).stream()
                        .sorted(java.util.Comparator.comparing(c -> source.classNames().get(c.label()),
                                MpDataFormat.NAME_ORDER))
                        .toList();
                RoundTrip.assertSameLabeledClips(source, expected, copy, copy.clips(ClipState.TRAIN));
            }
        }
    }

    /** Writes {@code classes x sequences} sequences of {@code frames} float64 frames of 258 values. */
    static Path writeMpData(Path root, int classes, int sequences, int frames) throws IOException {
        for (int c = 0; c < classes; c++) {
            for (int s = 0; s < sequences; s++) {
                Path dir = Files.createDirectories(root.resolve("class " + c).resolve(Integer.toString(s)));
                for (int f = 0; f < frames; f++) {
                    float[] values = new float[KeypointLayout.POSE_HANDS_FEATURES];
                    Arrays.fill(values, c + s / 10f + f / 100f);
                    Npy.write(dir.resolve(f + ".npy"), new Npy.Array(new int[] {values.length}, values));
                }
            }
        }
        return root;
    }
}

package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import org.gesturelab.keypoints.KeypointExtractor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.SharedData;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFolderAndRecordingTest {

    @TempDir
    Path temp;

    private static Path writeRecording(Path file, int frames) throws IOException {
        float[][] recording = new float[frames][KeypointLayout.FEATURES];
        for (int f = 0; f < frames; f++) {
            recording[f][0] = f;
        }
        Npy.write(file, recording);
        return file;
    }

    @Test
    void recordingIsCutIntoOverlappingPoolWindows() throws IOException {
        Path file = writeRecording(temp.resolve("session.npy"), 95);
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of("wave"))) {
            ImportResult result = RecordingImport.importNpy(project, file, RecordingImport.Options.pool(30, 10),
                    TaskMonitor.SILENT);
            assertEquals(7, result.count());
            assertTrue(result.warnings().get(0).contains("last 5 frames"), result.warnings().toString());
            Recording recording = project.recordings().get(0);
            assertEquals(95, recording.frames());
            List<Clip> windows = project.clips(ClipQuery.inState(ClipState.POOL).fromRecording(recording.id()));
            assertEquals(7, windows.size());
            for (int w = 0; w < windows.size(); w++) {
                Clip window = windows.get(w);
                assertEquals(10 * w, window.startFrame());
                assertNull(window.label());
                float[][] frames = project.loadKeypoints(window);
                assertEquals(30, frames.length);
                assertEquals(10f * w, frames[0][0]);
                assertEquals(10f * w + 29, frames[29][0]);
            }
            assertThrows(GestureLabException.class, () -> RecordingImport.importNpy(project, file,
                    RecordingImport.Options.pool(100, 10), TaskMonitor.SILENT));
            assertThrows(GestureLabException.class, () -> new RecordingImport.Options(30, 10, ClipState.TRAIN, null));
            ImportResult labeled = RecordingImport.importNpy(project, file,
                    new RecordingImport.Options(45, 50, ClipState.TRAIN, "wave"), TaskMonitor.SILENT);
            assertEquals(2, labeled.count());
            assertEquals(0, labeled.clips().get(1).label());
        }
    }

    @Test
    void bodyGesturePoseJointsImportAsARecording() throws IOException {
        Path joints = SharedData.require("bodygesture15/joints");
        Path file;
        try (var files = Files.walk(joints)) {
            file = files.filter(p -> p.toString().endsWith(".npy")).sorted().findFirst().orElseThrow();
        }
        Npy.Array array = Npy.read(file);
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            ImportResult result = RecordingImport.importNpy(project, file, RecordingImport.Options.pool(10, 5),
                    TaskMonitor.SILENT);
            assertEquals((array.rows() - 10) / 5 + 1, result.count());
            float[][] first = project.loadKeypoints(result.clips().get(0));
            assertEquals(array.data()[131], first[0][131], "pose (33 x 4) lands in the pose block");
            assertEquals(0f, first[0][KeypointLayout.FACE_OFFSET]);
        }
    }

    @Test
    void npyExportThenImportKeepsStatesHiddenLabelsAndRecordings() throws IOException {
        Path file = writeRecording(temp.resolve("session.npy"), 50);
        try (Project source = Project.create(temp.resolve("a"), "a", List.of("Let's go", "b"))) {
            source.addClip(NewClip.labeled(TestClips.random(30, 1), ClipState.TRAIN, 0, "one"));
            source.addClip(NewClip.labeled(TestClips.random(30, 2), ClipState.TEST, 1, "two"));
            source.addClip(NewClip.ofClass(TestClips.random(30, 3), ClipState.POOL, 1, "three"));
            long skipped = source.addClip(NewClip.unlabeled(TestClips.random(30, 4), "four")).id();
            source.skip(skipped, LabelSource.USER);
            RecordingImport.importNpy(source, file, RecordingImport.Options.pool(30, 10), TaskMonitor.SILENT);

            Path out = temp.resolve("export");
            assertEquals(7, NpyFolderFormat.export(source, out, EnumSet.allOf(ClipState.class), TaskMonitor.SILENT));
            try (Project copy = Project.create(temp.resolve("b"), "b", List.of())) {
                NpyFolderFormat.importInto(copy, out, null, TaskMonitor.SILENT);
                RoundTrip.assertSameLabeledClips(source, source.clips(ClipQuery.all()), copy,
                        copy.clips(ClipQuery.all()));
                List<Clip> windows = copy.clips(ClipQuery.all().fromRecording(copy.recordings().get(0).id()));
                assertEquals(List.of(0, 10, 20), windows.stream().map(Clip::startFrame).toList());
                assertEquals(50, copy.recordings().get(0).frames());
                assertEquals("one", copy.clips(ClipQuery.all()).get(0).source());
            }
            try (Project pool = Project.create(temp.resolve("c"), "c", List.of())) {
                NpyFolderFormat.importInto(pool, out, ClipState.POOL, TaskMonitor.SILENT);
                assertEquals(7, pool.stats().pool());
                assertEquals(1, pool.clips(ClipQuery.all().withHiddenLabel(pool.requireClass("Let's go"))).size());
            }
            try (Project test = Project.create(temp.resolve("d"), "d", List.of())) {
                GestureLabException e = assertThrows(GestureLabException.class,
                        () -> NpyFolderFormat.importInto(test, out, ClipState.TEST, TaskMonitor.SILENT));
                assertTrue(e.getMessage().contains("labels.csv line 5"), e.getMessage());
                assertTrue(test.clips(ClipQuery.all()).isEmpty());
                assertTrue(test.classNames().isEmpty());
            }
        }
    }

    @Test
    void videoFolderImportResamplesEachVideoToTheSequenceLength() throws IOException {
        Path videos = temp.resolve("videos");
        List<Path> seen = new ArrayList<>();
        for (String className : List.of("wave", "come")) {
            for (int i = 0; i < 2; i++) {
                Files.createDirectories(videos.resolve(className));
                Files.writeString(videos.resolve(className).resolve("take" + i + ".mp4"), "video " + i);
            }
        }
        Files.writeString(videos.resolve("wave/notes.txt"), "not a video");
        // Stands in for the keypoint engine: one frame per video "second", numbered, 45 or 12 frames long.
        KeypointExtractor extractor = (video, monitor) -> {
            seen.add(video);
            int frames = video.getFileName().toString().equals("take0.mp4") ? 45 : 12;
            float[][] keypoints = new float[frames][KeypointLayout.FEATURES];
            for (int f = 0; f < frames; f++) {
                keypoints[f][0] = f;
            }
            return keypoints;
        };
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            ImportResult result = VideoImport.importFolder(project, videos, extractor, ClipState.TRAIN,
                    TaskMonitor.SILENT);
            assertEquals(4, result.count());
            assertEquals(List.of("come", "wave"), project.classNames());
            assertEquals(4, seen.size());
            float[][] long0 = project.loadKeypoints(result.clips().get(0));
            assertEquals(30, long0.length);
            assertEquals(0f, long0[0][0]);
            assertEquals(44f, long0[29][0]);
            float[][] short1 = project.loadKeypoints(result.clips().get(1));
            assertEquals(30, short1.length);
            assertEquals(11f, short1[29][0]);
            assertEquals("come/take1.mp4", result.clips().get(1).source());
        }
    }
}

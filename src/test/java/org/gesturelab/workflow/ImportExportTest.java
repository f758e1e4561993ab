package org.gesturelab.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.ImportResult;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportExportTest {

    /** Must never be called: the formats below do not need keypoints from video. */
    private static final KeypointEngine NO_VIDEO = () -> {
        throw new AssertionError("MediaPipe was loaded for a format without video");
    };

    @TempDir
    Path folder;

    @Test
    void theRegistryKnowsEveryCommandLineName() {
        assertEquals(ImportFormat.MP_DATA, ImportFormat.byId("mp-data").orElseThrow());
        assertEquals(ImportFormat.RECORDING, ImportFormat.byId("Recording").orElseThrow());
        assertTrue(ImportFormat.byId("xml").isEmpty());
        for (String id : List.of("mp-data", "mpdata", "MP_DATA")) {
            assertEquals(ExportFormat.MP_DATA, ExportFormat.byId(id).orElseThrow());
        }
        assertEquals(Set.of(ClipState.TRAIN, ClipState.TEST), ExportFormat.CSV.defaultStates());
        assertEquals(Set.of(ClipState.values()), ExportFormat.NPY.defaultStates());
        assertEquals(ClipState.POOL, ImportFormat.RECORDING.defaultState());
        assertTrue(ImportFormat.isRecording(Path.of("take.npy")));
        assertFalse(ImportFormat.isRecording(Path.of("notes.txt")));
    }

    @Test
    void exportedClipsComeBackThroughTheSameRegistry() throws Exception {
        Path dir = WorkflowProjects.asl(folder, List.of("hello", "thanks"), 3, 2);
        Path npy = folder.resolve("npy");
        Path csv = folder.resolve("clips.csv");
        try (Project project = Project.open(dir)) {
            ProjectStats before = project.stats();
            ExportData.Result all = ExportData.run(project, new ExportData.Request(ExportFormat.NPY, npy, null),
                    TaskMonitor.SILENT);
            assertEquals(before.train() + before.test() + before.pool(), all.clips());
            ExportData.Result labeled = ExportData.run(project, new ExportData.Request(ExportFormat.CSV, csv,
                    Set.of()), TaskMonitor.SILENT);
            assertEquals(10, labeled.clips());
            assertTrue(Files.isRegularFile(labeled.out()));
        }
        try (Project copy = Project.create(folder.resolve("copy"), "copy", List.of())) {
            ImportResult result = ImportData.run(copy, ImportData.Request.of(ImportFormat.NPY, npy, null, null),
                    NO_VIDEO, TaskMonitor.SILENT);
            assertEquals(all(folder, dir), result.count());
            assertEquals(6, copy.stats().train());
            assertEquals(4, copy.stats().test());
        }
        try (Project copy = Project.create(folder.resolve("csv-copy"), "csv", List.of())) {
            ImportData.run(copy, ImportData.Request.of(ImportFormat.CSV, csv, null, null), NO_VIDEO,
                    TaskMonitor.SILENT);
            // CSV's default state is train: the test clips come back as training clips.
            assertEquals(10, copy.stats().train());
        }
    }

    @Test
    void aSkippedStateAndAFileThatIsNoRecordingAreRefusedInPlainWords() throws Exception {
        Path text = Files.writeString(folder.resolve("notes.txt"), "not a recording");
        try (Project project = Project.create(folder.resolve("p"), "p", List.of("a", "b"))) {
            GestureLabException skipped = assertThrows(GestureLabException.class, () -> ImportData.run(project,
                    ImportData.Request.of(ImportFormat.CSV, text, ClipState.SKIPPED, null), NO_VIDEO,
                    TaskMonitor.SILENT));
            assertEquals("Import as train, test or pool.", skipped.getMessage());
            GestureLabException notRecording = assertThrows(GestureLabException.class, () -> ImportData.run(project,
                    ImportData.Request.of(ImportFormat.RECORDING, text, null, null), NO_VIDEO, TaskMonitor.SILENT));
            assertTrue(notRecording.getMessage().startsWith("notes.txt is neither a keypoint recording (.npy) nor "
                    + "a video"), notRecording.getMessage());
            assertEquals(0, project.stats().pool());
        }
    }

    private static int all(Path folder, Path dir) throws Exception {
        try (Project project = Project.openReadOnly(dir)) {
            ProjectStats stats = project.stats();
            return stats.train() + stats.test() + stats.pool() + stats.skipped();
        }
    }
}

package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.Npy;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.keypoints.ExtractionManifest;

/**
 * {@code import --npy-from-manifest}: the manifest of a corpus extraction, written as the Spark job writes it, with
 * keypoint files of different lengths; classes from folders or a labels CSV, failed videos left out with a warning,
 * and every bad line refusing the whole import.
 */
class ManifestFormatTest {

    @TempDir
    Path dir;

    @Test
    void classesComeFromTheFoldersAndFailedVideosAreLeftOutWithAWarning() throws IOException {
        Path manifest = corpus(List.of(ok("wave/a.mp4", "wave/a.npy", 45), ok("wave/b.mp4", "wave/b.npy", 12),
                ok("Let's go/c.mp4", "Let's go/c.npy", 30),
                ExtractionManifest.Row.failed("wave/d.mp4", "Not a video, \"really\"")));
        try (Project project = Project.create(dir.resolve("p"), "p", List.of())) {
            ImportResult result = ManifestFormat.importInto(project, manifest, null, ClipState.TRAIN,
                    ClassMapping.NONE, "Ana", TaskMonitor.SILENT);
            assertEquals(3, result.count());
            // --person tags every extracted video's clip, as it does for the other formats.
            assertTrue(result.clips().stream().allMatch(clip -> "Ana".equals(clip.person())), result.clips()
                    .toString());
            assertTrue(result.classesAdded().containsAll(List.of("wave", "Let's go")), result.classesAdded()
                    .toString());
            assertEquals(1, result.warnings().size());
            assertTrue(result.warnings().get(0).contains("wave/d.mp4 (Not a video, \"really\")"),
                    result.warnings().get(0));
            for (Clip clip : result.clips()) {
                assertEquals(project.sequenceLength(), project.loadKeypoints(clip).length, "resampled like a video");
            }
        }
    }

    @Test
    void aLabelsFileNamesTheClassesAndThePoolHidesThem() throws IOException {
        Path manifest = corpus(List.of(ok("/data/x/v1.mp4", "v1.npy", 20), ok("s3a://b/y/v2.mp4", "v2.npy", 20)));
        Path labels = Files.writeString(dir.resolve("labels.csv"),
                "video,class\n/data/x/v1.mp4,up\ns3a://b/y/v2.mp4,down\n");
        try (Project project = Project.create(dir.resolve("p"), "p", List.of())) {
            ImportResult result = ManifestFormat.importInto(project, manifest, labels, ClipState.POOL,
                    ClassMapping.NONE, null, TaskMonitor.SILENT);
            assertEquals(2, result.count());
            assertTrue(result.clips().stream().allMatch(clip -> clip.label() == null && clip.hiddenLabel() != null));
            assertEquals(List.of("up", "down"), result.classesAdded());
        }
    }

    @Test
    void aVideoWithoutAClassAMissingFileOrAPathOutsideTheFolderRefusesEverything() throws IOException {
        try (Project project = Project.create(dir.resolve("p"), "p", List.of())) {
            Path noFolder = corpus(List.of(ok("wave/a.mp4", "wave/a.npy", 20), ok("b.mp4", "b.npy", 20)));
            GestureLabException error = assertThrows(GestureLabException.class, () -> ManifestFormat.importInto(
                    project, noFolder, null, ClipState.TRAIN, ClassMapping.NONE, null, TaskMonitor.SILENT));
            assertTrue(error.getMessage().contains("b.mp4 is in no class folder"), error.getMessage());

            Path missing = corpus(List.of(ok("wave/a.mp4", "wave/a.npy", 20)));
            Files.delete(dir.resolve("wave/a.npy"));
            assertThrows(Exception.class, () -> ManifestFormat.importInto(project, missing, null, ClipState.TRAIN,
                    ClassMapping.NONE, null, TaskMonitor.SILENT));

            Path escaping = corpus(List.of(ok("wave/a.mp4", "../outside.npy", 20)));
            error = assertThrows(GestureLabException.class, () -> ManifestFormat.importInto(project, escaping, null,
                    ClipState.TRAIN, ClassMapping.NONE, null, TaskMonitor.SILENT));
            assertTrue(error.getMessage().contains("line 2"), error.getMessage());
            assertEquals(0, project.stats().clips(), "nothing was imported");
        }
    }

    private ExtractionManifest.Row ok(String video, String npy, int frames) throws IOException {
        Path file = dir.resolve(npy).normalize();
        if (!file.startsWith(dir)) {
            // Only named, never written: the import must refuse it before looking.
            return new ExtractionManifest.Row(video, frames, 30, 1, 1, 0.5, 0.5, ExtractionManifest.OK, "", npy);
        }
        Files.createDirectories(file.getParent());
        float[][] rows = new float[frames][1662];
        for (int f = 0; f < frames; f++) {
            rows[f][0] = f;
        }
        Npy.write(file, rows);
        return new ExtractionManifest.Row(video, frames, 30, 1, 1, 0.5, 0.5, ExtractionManifest.OK, "", npy);
    }

    private Path corpus(List<ExtractionManifest.Row> rows) throws IOException {
        Path manifest = dir.resolve(ExtractionManifest.FILE);
        try (OutputStream out = Files.newOutputStream(manifest)) {
            ExtractionManifest.write(out, rows);
        }
        return manifest;
    }
}

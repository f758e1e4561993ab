package org.gesturelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gesturelab.cli.GestureLabCommand;
import org.gesturelab.core.Npy;
import org.gesturelab.dataset.Project;
import org.gesturelab.keypoints.ClipExtractor;
import org.gesturelab.keypoints.ExtractionManifest;
import org.gesturelab.keypoints.HolisticOptions;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.mediapipe.InstalledModels;

/**
 * The corpus job in local mode ({@code local[2]}), run once on four shared videos and a file that is not a video, as
 * {@code java -jar target/gesturelab-spark.jar --master local[2] INPUT --out OUT} runs it: the keypoints equal those of
 * {@code gesturelab extract}'s code on the same videos, the bad file is a failed manifest line while the job
 * succeeds, a re-run skips what is done, and the outputs import into a project that then trains.
 */
class SparkLocalJobTest {

    @TempDir
    static Path root;
    private static Path models;
    private static Path corpus;
    private static Path out;
    private static String broken;
    private static CorpusJob.Summary first;

    @BeforeAll
    static void runTheJobOnce() throws Exception {
        models = InstalledModels.require();
        corpus = SparkTestVideos.corpus(root.resolve("corpus"), 4);
        broken = SparkTestVideos.broken(corpus);
        out = root.resolve("out");
        first = ExtractCorpus.run("--master", "local[2]", corpus.toString(), "--out", out.toString(),
                "--models", models.toString(), "--conf", "spark.ui.enabled=false");
        assertNotNull(first, "the job ran");
    }

    @Test
    void keypointsEqualThoseOfExtract() throws Exception {
        Path reference = root.resolve("extract");
        ObjectMapper json = new ObjectMapper();
        try (HolisticPipeline pipeline = new HolisticPipeline(HolisticOptions.defaults().withModelDir(models))) {
            ClipExtractor extractor = new ClipExtractor(pipeline);
            for (String[] video : SparkTestVideos.VIDEOS) {
                Path file = corpus.resolve(video[0]).resolve(video[1]);
                ClipExtractor.Result expected = extractor.extract(file, reference.resolve(video[0]), false,
                        TaskMonitor.SILENT);
                Npy.Array want = Npy.read(expected.npy());
                Npy.Array got = Npy.read(out.resolve(video[0]).resolve(ClipExtractor.baseName(file) + ".npy"));
                assertEquals(want.rows(), got.rows(), video[2]);
                assertEquals(1662, got.columns(), video[2]);
                double worst = 0;
                for (int i = 0; i < want.data().length; i++) {
                    worst = Math.max(worst, Math.abs(want.data()[i] - got.data()[i]));
                }
                assertTrue(worst <= 1e-5, video[2] + ": max abs difference " + worst);
                JsonNode wantJson = json.readTree(expected.json().toFile());
                JsonNode gotJson = json.readTree(out.resolve(video[0]).resolve(
                        ClipExtractor.baseName(file) + ".json").toFile());
                for (String field : List.of("video", "frames", "fps", "features", "found")) {
                    assertEquals(wantJson.get(field), gotJson.get(field), video[2] + " " + field);
                }
                assertTrue(gotJson.get("median_ms").has("total"), "stage times as extract writes them");
            }
        }
    }

    @Test
    void aBadVideoIsListedAsFailedAndTheJobStillSucceeds() throws Exception {
        assertEquals(5, first.videos());
        assertEquals(4, first.extracted());
        assertEquals(1, first.failed());
        Map<String, ExtractionManifest.Row> rows = manifest();
        assertEquals(5, rows.size());
        ExtractionManifest.Row bad = rows.get(broken);
        assertEquals(ExtractionManifest.FAILED, bad.status());
        assertFalse(bad.error().isBlank(), "the reason is given");
        assertEquals("", bad.npy());
        assertFalse(Files.exists(out.resolve("come/broken.npy")));
        ExtractionManifest.Row good = rows.get("shrug/s6.avi");
        assertEquals(ExtractionManifest.OK, good.status());
        assertEquals("shrug/s6.npy", good.npy());
        assertEquals(20, good.frames());
        assertEquals(10.0, good.fps(), 1e-9);
        assertTrue(good.pose() > 0.9, "a person stands in every frame: " + good.pose());
    }

    @Test
    void aRerunSkipsTheFinishedVideosAndRetriesTheFailedOne() throws Exception {
        Path npy = out.resolve("shrug/s8.npy");
        FileTime before = Files.getLastModifiedTime(npy);
        CorpusJob.Summary again = ExtractCorpus.run("--master", "local[2]", corpus.toString(), "--out",
                out.toString(), "--models", models.toString(), "--conf", "spark.ui.enabled=false");
        assertNotNull(again);
        assertEquals(4, again.skipped());
        assertEquals(0, again.extracted());
        assertEquals(1, again.failed(), "the bad file was tried again and failed again");
        assertEquals(before, Files.getLastModifiedTime(npy), "a finished video is not extracted again");
        assertEquals(5, manifest().size());
    }

    @Test
    void theOutputsImportIntoAProjectThatTrains() throws Exception {
        Path project = root.resolve("project");
        assertEquals(0, GestureLabCommand.newCommandLine().execute("project", "init", project.toString()));
        var err = new java.io.StringWriter();
        var commandLine = GestureLabCommand.newCommandLine();
        commandLine.setErr(new java.io.PrintWriter(err, true));
        commandLine.setOut(new java.io.PrintWriter(new java.io.StringWriter(), true));
        assertEquals(0, commandLine.execute("import", project.toString(), "--npy-from-manifest",
                out.resolve(ExtractionManifest.FILE).toString()), err.toString());
        try (Project opened = Project.open(project)) {
            assertTrue(opened.classNames().containsAll(List.of("shrug", "come")), opened.classNames().toString());
            assertEquals(4, opened.stats().clips());
        }
        assertEquals(0, commandLine.execute("train", project.toString(), "--epochs", "2", "--seed", "1"),
                err.toString());
        assertTrue(Files.isRegularFile(project.resolve("models/current")), "a trained model is current");
    }

    private static Map<String, ExtractionManifest.Row> manifest() throws Exception {
        try (InputStream in = Files.newInputStream(out.resolve(ExtractionManifest.FILE))) {
            return ExtractionManifest.read(in, "manifest.csv").stream()
                    .collect(Collectors.toMap(ExtractionManifest.Row::video, Function.identity()));
        }
    }
}

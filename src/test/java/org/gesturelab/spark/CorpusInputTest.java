package org.gesturelab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.keypoints.ExtractionManifest;

/**
 * What the job reads, without starting Spark: the videos of a folder (sub-folders kept, hidden files, Hadoop's
 * {@code _} files and the output folder skipped) and of a list file, and the manifest's CSV round trip.
 */
class CorpusInputTest {

    @TempDir
    Path dir;

    private final HadoopConf conf = new HadoopConf(new Configuration());

    @Test
    void aFolderGivesItsVideosWithTheirClassFoldersAndSkipsTheRest() throws Exception {
        touch("in/wave/a.mp4", "in/wave/b.AVI", "in/Let's go/c d.mov", "in/notes.txt", "in/.cache/x.mp4",
                "in/_temporary/y.mp4", "in/out/z.mp4");
        List<VideoTask> videos = CorpusInput.list(dir.resolve("in").toString(),
                new org.apache.hadoop.fs.Path(dir.resolve("in/out").toUri()), conf);
        assertEquals(List.of("Let's go/c d.mov", "wave/a.mp4", "wave/b.AVI"),
                videos.stream().map(VideoTask::video).toList());
        assertEquals(List.of("Let's go/c d.npy", "wave/a.npy", "wave/b.npy"),
                videos.stream().map(VideoTask::npy).toList());
        assertTrue(videos.get(0).source().startsWith("file:/"), videos.get(0).source());
    }

    @Test
    void aListFileNamesVideosRelativeToItselfOrAnywhere() throws Exception {
        touch("lists/clips/one.mp4", "elsewhere/two.mp4");
        Path list = Files.writeString(dir.resolve("lists/videos.txt"), "# corpus\n\nclips/one.mp4\n"
                + dir.resolve("elsewhere/two.mp4") + "\n");
        List<VideoTask> videos = CorpusInput.list(list.toString(), new org.apache.hadoop.fs.Path("/nowhere"), conf);
        assertEquals(2, videos.size());
        assertEquals("clips/one", videos.stream().filter(v -> v.video().equals("clips/one.mp4")).findFirst()
                .orElseThrow().stem(), "a relative entry keeps its folders");
        assertEquals("two", videos.stream().filter(v -> v.video().endsWith("two.mp4")).findFirst().orElseThrow()
                .stem(), "an absolute entry keeps its name");
        Path bad = Files.writeString(dir.resolve("lists/bad.txt"), "clips/one.mp4\nreadme.md\n");
        GestureLabException error = assertThrows(GestureLabException.class,
                () -> CorpusInput.list(bad.toString(), new org.apache.hadoop.fs.Path("/nowhere"), conf));
        assertTrue(error.getMessage().contains("line 2"), error.getMessage());
    }

    @Test
    void aMissingOrEmptyInputIsRefusedInPlainWords() throws Exception {
        GestureLabException missing = assertThrows(GestureLabException.class, () -> CorpusInput.list(
                dir.resolve("nope").toString(), new org.apache.hadoop.fs.Path("/nowhere"), conf));
        assertTrue(missing.getMessage().startsWith("No such video folder"), missing.getMessage());
        touch("empty/readme.txt");
        GestureLabException empty = assertThrows(GestureLabException.class, () -> CorpusInput.list(
                dir.resolve("empty").toString(), new org.apache.hadoop.fs.Path("/nowhere"), conf));
        assertTrue(empty.getMessage().startsWith("No videos in"), empty.getMessage());
    }

    @Test
    void theManifestKeepsCommasQuotesAndLineBreaksOfErrors() throws Exception {
        List<ExtractionManifest.Row> rows = List.of(
                ExtractionManifest.Row.failed("a, \"b\".mp4", "Cannot decode, \"frame\" 3\nmore detail"),
                new ExtractionManifest.Row("c/d.mp4", 42, 29.97, 1, 0.5, 0.25, 0, "ok", "", "c/d.npy"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExtractionManifest.write(out, rows);
        String text = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.startsWith("video,frames,fps,pose,face,left_hand,right_hand,status,error,npy\n"), text);
        List<ExtractionManifest.Row> back = ExtractionManifest.read(new ByteArrayInputStream(out.toByteArray()), "m");
        assertEquals(ExtractionManifest.Row.failed("a, \"b\".mp4", "Cannot decode, \"frame\" 3"), back.get(0));
        assertEquals(rows.get(1), back.get(1));
    }

    private void touch(String... files) throws Exception {
        for (String file : files) {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, "x");
        }
    }
}

package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFormatTest {

    @TempDir
    Path temp;

    /** Writes frames the way the scikit-learn tutorial does: pose + face, four values per landmark, no clip column. */
    private Path tutorialCsv(int... framesPerClass) throws IOException {
        StringBuilder csv = new StringBuilder("class");
        for (int i = 1; i <= 501; i++) {
            csv.append(String.format(Locale.ROOT, ",x%d,y%d,z%d,v%d", i, i, i, i));
        }
        csv.append('\n');
        for (int c = 0; c < framesPerClass.length; c++) {
            for (int f = 0; f < framesPerClass[c]; f++) {
                csv.append(c == 0 ? "Happy" : "\"Victorious, very\"");
                for (int i = 0; i < 2004; i++) {
                    csv.append(',').append((i % 4 == 3) ? 0.5 : f + i / 10000.0);
                }
                csv.append('\n');
            }
        }
        return Files.writeString(temp.resolve("coords.csv"), csv);
    }

    @Test
    void tutorialFramesAreCutIntoClipsOfTheSequenceLength() throws IOException {
        Path csv = tutorialCsv(65, 30);
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            ImportResult result = CsvFormat.importInto(project, csv, ClipState.TRAIN, TaskMonitor.SILENT);
            assertEquals(3, result.count());
            assertEquals(List.of("Happy", "Victorious, very"), project.classNames());
            assertEquals(1, result.warnings().size(), result.warnings().toString());
            assertTrue(result.warnings().get(0).contains("last 5 frames"), result.warnings().get(0));
            float[][] second = project.loadKeypoints(result.clips().get(1));
            assertEquals(30, second.length);
            // Frame 30 of the take; pose copied as is, face keeps x, y, z and drops the tutorial's v.
            assertEquals(30f, second[0][0]);
            assertEquals(0.5f, second[0][3]);
            assertEquals((float) (30 + 132 / 10000.0), second[0][KeypointLayout.FACE_OFFSET]);
            assertEquals((float) (30 + 136 / 10000.0), second[0][KeypointLayout.FACE_OFFSET + 3]);
            assertEquals(0f, second[0][KeypointLayout.LEFT_HAND_OFFSET]);
        }
    }

    @Test
    void oneClipPerRowIsReadWhole() throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int row = 0; row < 2; row++) {
            csv.append(row == 0 ? "wave" : "stop");
            for (int i = 0; i < 3 * 258; i++) {
                csv.append(',').append(i);
            }
            csv.append('\n');
        }
        Path file = Files.writeString(temp.resolve("clips.csv"), csv);
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            ImportResult result = CsvFormat.importInto(project, file, ClipState.POOL, TaskMonitor.SILENT);
            assertEquals(2, result.count());
            Clip clip = result.clips().get(1);
            assertEquals(ClipState.POOL, clip.state());
            assertEquals(project.requireClass("stop"), clip.hiddenLabel());
            float[][] frames = project.loadKeypoints(clip);
            assertEquals(3, frames.length);
            assertEquals(258f + 132, frames[1][KeypointLayout.LEFT_HAND_OFFSET]);
        }
    }

    @Test
    void exportThenImportIsLossless() throws IOException {
        try (Project source = Project.create(temp.resolve("a"), "a", List.of("Fire works", "quote \"q\"", "c,d"))) {
            for (int i = 0; i < 6; i++) {
                float[][] frames = TestClips.random(i + 28, i);
                frames[0][0] = Float.MIN_VALUE;
                frames[0][1] = -0f;
                frames[0][2] = 1e-30f;
                source.addClip(NewClip.labeled(frames, i == 5 ? ClipState.TEST : ClipState.TRAIN, i % 3, "t"));
            }
            Path out = temp.resolve("out/all.csv");
            assertEquals(5, CsvFormat.export(source, out, EnumSet.of(ClipState.TRAIN), TaskMonitor.SILENT));
            assertTrue(Files.readString(out).startsWith("class,clip,frame,x1,y1,z1,v1,"));
            try (Project copy = Project.create(temp.resolve("b"), "b", List.of())) {
                CsvFormat.importInto(copy, out, ClipState.TRAIN, TaskMonitor.SILENT);
                RoundTrip.assertSameLabeledClips(source, source.clips(ClipState.TRAIN), copy,
                        copy.clips(ClipState.TRAIN));
                assertEquals(Float.floatToRawIntBits(-0f),
                        Float.floatToRawIntBits(copy.loadKeypoints(copy.clips(ClipState.TRAIN).get(0))[0][1]));
            }
            assertThrows(GestureLabException.class,
                    () -> CsvFormat.export(source, out, EnumSet.of(ClipState.TRAIN), TaskMonitor.SILENT));
            assertThrows(GestureLabException.class,
                    () -> CsvFormat.export(source, temp.resolve("x.csv"), EnumSet.of(ClipState.POOL),
                            TaskMonitor.SILENT));
        }
    }

    @Test
    void badRowsNameFileAndLineAndChangeNothing() throws IOException {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "demo", List.of("keep"))) {
            String row = "a" + ",0.5".repeat(1662) + "\n";
            List<String> bad = List.of(
                    "",
                    "class,x1\n",
                    row.repeat(30) + "a" + ",0.5".repeat(1661) + "\n",
                    row.repeat(3) + "a" + ",0.5".repeat(1661) + ",zz\n",
                    row.repeat(3) + "a" + ",0.5".repeat(1661) + ",NaN\n",
                    row.repeat(3) + "," + "0.5,".repeat(1661) + "0.5\n",
                    "\"unclosed" + ",0.5".repeat(1662) + "\n",
                    "a,1,2,3\n",
                    row.repeat(10));
            for (String text : bad) {
                Path file = Files.writeString(temp.resolve("bad.csv"), text);
                GestureLabException e = assertThrows(GestureLabException.class,
                        () -> CsvFormat.importInto(project, file, ClipState.TRAIN, TaskMonitor.SILENT),
                        () -> "accepted: " + text.substring(0, Math.min(60, text.length())));
                assertTrue(e.getMessage().contains("bad.csv"), e.getMessage());
            }
            assertEquals(List.of("keep"), project.classNames());
            assertTrue(project.clips(ClipQuery.all()).isEmpty());
            assertEquals(List.of(), TestClips.fileNames(dir.resolve(Project.CLIPS_DIR)));
        }
    }

    @Test
    void clipColumnGroupsRowsAndRefusesSplitClips() throws IOException {
        String frame = ",0.25".repeat(1662) + "\n";
        String header = "class,clip,frame" + ",f".repeat(1662) + "\n";
        Path ok = Files.writeString(temp.resolve("ok.csv"), header + "a,1,1" + frame + "a,1,0" + frame.replace("0.25",
                "0.75") + "b,1,0" + frame);
        Path split = Files.writeString(temp.resolve("split.csv"), header + "a,1,0" + frame + "b,2,0" + frame
                + "a,1,1" + frame);
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            ImportResult result = CsvFormat.importInto(project, ok, ClipState.TEST, TaskMonitor.SILENT);
            assertEquals(2, result.count());
            float[][] first = project.loadKeypoints(result.clips().get(0));
            assertEquals(2, first.length);
            assertArrayEquals(new float[] {0.75f, 0.25f}, new float[] {first[0][0], first[1][0]}, "frame order");
            GestureLabException e = assertThrows(GestureLabException.class,
                    () -> CsvFormat.importInto(project, split, ClipState.TEST, TaskMonitor.SILENT));
            assertTrue(e.getMessage().contains("split.csv line 4"), e.getMessage());
        }
    }
}

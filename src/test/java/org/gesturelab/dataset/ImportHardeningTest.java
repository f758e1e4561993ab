package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.Npy;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, the import side: paths in an import's index stay inside its folder (item 1), byte order marks and
 * class names a format cannot carry (item 5), non-finite keypoints (7), size limits (9), only regular files (10),
 * duplicate frame files (12), and strict number and {@code .npy} parsing (13). Every refusal must leave the
 * project as it was.
 */
class ImportHardeningTest {

    @TempDir
    Path temp;

    // ---- item 1: paths in labels.csv and index.csv ----

    @Test
    void labelsCsvPathsOutsideTheImportFolderAreRefused() throws IOException {
        Path outside = temp.resolve("outside.npy");
        Npy.write(outside, TestClips.random(30, 1));
        Path root = Files.createDirectories(temp.resolve("import"));
        for (String path : List.of(outside.toString(), "../outside.npy", "clips/../../outside.npy")) {
            Files.writeString(root.resolve(NpyFolderFormat.LABELS_FILE), "file,class\n" + path + ",hello\n");
            assertRefusedAndUnchanged(project -> NpyFolderFormat.importInto(project, root, null, TaskMonitor.SILENT),
                    "points outside");
        }
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheImportFolderIsRefused() throws IOException {
        Path outsideDir = Files.createDirectories(temp.resolve("elsewhere"));
        Npy.write(outsideDir.resolve("secret.npy"), TestClips.random(30, 1));
        Path root = Files.createDirectories(temp.resolve("import"));
        Files.createSymbolicLink(root.resolve("clips"), outsideDir);
        Files.writeString(root.resolve(NpyFolderFormat.LABELS_FILE), "file,class\nclips/secret.npy,hello\n");
        assertRefusedAndUnchanged(project -> NpyFolderFormat.importInto(project, root, null, TaskMonitor.SILENT),
                "points outside");
    }

    @Test
    void jointsIndexPathsOutsideTheFolderAreRefused() throws IOException {
        Path root = Files.createDirectories(temp.resolve("joints"));
        float[] pose = new float[30 * KeypointLayout.POSE_LANDMARKS * 4];
        Npy.write(temp.resolve("outside.npy"), new Npy.Array(new int[] {30, KeypointLayout.POSE_LANDMARKS, 4}, pose));
        Files.writeString(root.resolve(JointsFormat.INDEX_FILE),
                "file,subject,gesture,distance\n../outside.npy,S1,wave,near\n");
        assertRefusedAndUnchanged(project -> JointsFormat.importInto(project, root,
                new JointsFormat.Options(java.util.Set.of(), java.util.Set.of()), TaskMonitor.SILENT),
                "points outside");
    }

    // ---- item 5: byte order marks, normalisation, names a format cannot carry ----

    @Test
    void aByteOrderMarkDoesNotMakeAnInvisibleClass() throws IOException {
        Path csv = temp.resolve("bom.csv");
        Files.write(csv, withBom(csvRows("hello", 30, false)));
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of("hello"))) {
            CsvFormat.importInto(project, csv, ClipState.TRAIN, TaskMonitor.SILENT);
            assertEquals(List.of("hello"), project.classNames());
        }
    }

    @Test
    void aByteOrderMarkBeforeTheLabelsCsvHeaderIsDropped() throws IOException {
        Path root = Files.createDirectories(temp.resolve("import"));
        Npy.write(Files.createDirectories(root.resolve("clips")).resolve("a.npy"), TestClips.random(30, 1));
        Files.write(root.resolve(NpyFolderFormat.LABELS_FILE), withBom("file,class\nclips/a.npy,hello\n"));
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            assertEquals(1, NpyFolderFormat.importInto(project, root, null, TaskMonitor.SILENT).count());
            assertEquals(List.of("hello"), project.classNames());
        }
    }

    @Test
    void classNamesAreNormalisedToNfc() throws IOException {
        Path csv = temp.resolve("nfd.csv");
        Files.writeString(csv, csvRows("cafe\u0301", 30, false));
        try (Project project = Project.create(temp.resolve("p"), "demo", List.of())) {
            CsvFormat.importInto(project, csv, ClipState.TRAIN, TaskMonitor.SILENT);
            assertEquals(List.of("caf\u00e9"), project.classNames());
        }
    }

    @Test
    void namesDifferingOnlyByCaseAreRefused() throws IOException {
        Path csv = temp.resolve("case.csv");
        Files.writeString(csv, csvRows("Hello", 30, false));
        assertRefusedAndUnchanged(project -> CsvFormat.importInto(project, csv, ClipState.TRAIN, TaskMonitor.SILENT),
                "only by upper/lower case");
    }

    @Test
    void aNameStartingWithADotIsRefusedAtImport() throws IOException {
        Path csv = temp.resolve("dot.csv");
        Files.writeString(csv, csvRows(".hidden", 30, false));
        assertRefusedAndUnchanged(project -> CsvFormat.importInto(project, csv, ClipState.TRAIN, TaskMonitor.SILENT),
                "starts with '.'");
    }

    @Test
    void aNameTooLongForAFileNameIsRefusedAtImport() throws IOException {
        Path csv = temp.resolve("long.csv");
        Files.writeString(csv, csvRows("x".repeat(300), 30, false));
        assertRefusedAndUnchanged(project -> CsvFormat.importInto(project, csv, ClipState.TRAIN, TaskMonitor.SILENT),
                "bytes long");
    }

    // ---- item 7: non-finite keypoints ----

    @Test
    void nonFiniteKeypointsAreRefusedAtImport() throws IOException {
        for (String bad : List.of("NaN", "inf", "-Infinity")) {
            Path csv = temp.resolve("nan.csv");
            Files.writeString(csv, csvRows("hello", 30, false).replaceFirst(",0\\.5\n", "," + bad + "\n"));
            assertRefusedAndUnchanged(project -> CsvFormat.importInto(project, csv, ClipState.TRAIN,
                    TaskMonitor.SILENT), "finite");
        }
    }

    // ---- item 9: limits ----

    @Test
    void aClipFileAnnouncingTooManyFramesIsRefusedBeforeItIsRead() throws IOException {
        Path root = Files.createDirectories(temp.resolve("import"));
        Path clips = Files.createDirectories(root.resolve("clips"));
        // Only the header: the shape alone must be enough to refuse it, without reading or allocating the data.
        writeNpyHeader(clips.resolve("huge.npy"), "(" + (Limits.MAX_FRAMES_PER_CLIP + 1) + ", 1662)");
        Files.writeString(root.resolve(NpyFolderFormat.LABELS_FILE), "file,class\nclips/huge.npy,hello\n");
        assertRefusedAndUnchanged(project -> NpyFolderFormat.importInto(project, root, null, TaskMonitor.SILENT),
                "more than the");
    }

    @Test
    void tooManyClassesAreRefused() throws IOException {
        StringBuilder csv = new StringBuilder();
        String frame = csvFrame();
        for (int c = 0; c <= Limits.MAX_CLASSES; c++) {
            csv.append("class").append(c).append(',').append(c).append(frame).append('\n');
        }
        Path file = temp.resolve("classes.csv");
        Files.writeString(file, "class,clip," + "v,".repeat(KeypointLayout.FEATURES - 1) + "v\n" + csv);
        assertRefusedAndUnchanged(project -> CsvFormat.importInto(project, file, ClipState.TRAIN,
                TaskMonitor.SILENT), "the most GestureLab supports");
    }

    @Test
    void anAbsurdSequenceLengthIsRefusedWithAMessage() throws IOException {
        Path dir = temp.resolve("p");
        Project.create(dir, "demo", List.of("hello")).close();
        Path json = dir.resolve("project.json");
        Files.writeString(json, Files.readString(json).replaceFirst("\"sequenceLength\"\\s*:\\s*\\d+",
                "\"sequenceLength\" : 100000000"));
        GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir).close());
        assertTrue(e.getMessage().contains("Sequence length must be between 1 and"), e.getMessage());
    }

    // ---- item 10: only regular files ----

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFifoInAnMpDataFolderIsNamedNotWaitedOn() throws Exception {
        Path sequence = mpDataSequence(temp.resolve("MP_Data"), "hello", 3);
        Path fifo = sequence.resolve("3.npy");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is not available");
        assertRefusedAndUnchanged(project -> MpDataFormat.importInto(project, temp.resolve("MP_Data"),
                ClipState.TRAIN, TaskMonitor.SILENT), fifo + " is not a regular file");
    }

    @Test
    void aDanglingSymbolicLinkIsNamed() throws IOException {
        Path sequence = mpDataSequence(temp.resolve("MP_Data"), "hello", 3);
        Path link = Files.createSymbolicLink(sequence.resolve("3.npy"), temp.resolve("gone.npy"));
        assertRefusedAndUnchanged(project -> MpDataFormat.importInto(project, temp.resolve("MP_Data"),
                ClipState.TRAIN, TaskMonitor.SILENT), link + " is a broken link");
    }

    // ---- item 12: duplicate frame files ----

    @Test
    void duplicateFrameFilesNameTheDuplicate() throws IOException {
        Path sequence = mpDataSequence(temp.resolve("MP_Data"), "hello", 3);
        Npy.write(sequence.resolve("01.npy"), new Npy.Array(new int[] {KeypointLayout.FEATURES},
                new float[KeypointLayout.FEATURES]));
        assertRefusedAndUnchanged(project -> MpDataFormat.importInto(project, temp.resolve("MP_Data"),
                ClipState.TRAIN, TaskMonitor.SILENT), "two files for frame 1: 01.npy and 1.npy");
    }

    // ---- item 13: strict numbers and .npy ----

    @Test
    void javaFloatSuffixesAndHexFloatsAreNotNumbersInCsv() throws IOException {
        for (String bad : List.of("1.5f", "2d", "0x1p3", "0x1.8p1")) {
            Path csv = temp.resolve("java.csv");
            Files.writeString(csv, csvRows("hello", 30, false).replaceFirst(",0\\.5\n", "," + bad + "\n"));
            assertRefusedAndUnchanged(project -> CsvFormat.importInto(project, csv, ClipState.TRAIN,
                    TaskMonitor.SILENT), "'" + bad + "' is not a number");
        }
    }

    @Test
    void trailingBytesAfterNpyDataAreRefused() throws IOException {
        Path sequence = mpDataSequence(temp.resolve("MP_Data"), "hello", 3);
        Path frame = sequence.resolve("1.npy");
        Files.write(frame, new byte[] {1, 2, 3, 4}, java.nio.file.StandardOpenOption.APPEND);
        assertRefusedAndUnchanged(project -> MpDataFormat.importInto(project, temp.resolve("MP_Data"),
                ClipState.TRAIN, TaskMonitor.SILENT), "unexpected bytes after");
    }

    // ---- helpers ----

    /** A project with one class and one clip; the import must fail with {@code expected} and change nothing. */
    private void assertRefusedAndUnchanged(ThrowingConsumer<Project> importer, String expected)
            throws IOException {
        Path dir = temp.resolve("project-" + System.nanoTime());
        try (Project project = Project.create(dir, "demo", List.of("hello"))) {
            project.addClip(NewClip.labeled(TestClips.random(30, 1), ClipState.TRAIN, 0, "before"));
            GestureLabException e = assertThrows(GestureLabException.class, () -> importer.accept(project));
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertEquals(List.of("hello"), project.classNames());
            assertEquals(1, project.clips(ClipQuery.all()).size());
            assertEquals(1, TestClips.fileNames(dir.resolve(Project.CLIPS_DIR)).size());
        }
    }

    /** {@code rows} frames of one class, one frame per row, no header; every value 0.5. */
    private static String csvRows(String className, int rows, boolean header) {
        StringBuilder csv = new StringBuilder();
        String frame = csvFrame();
        for (int r = 0; r < rows; r++) {
            csv.append(className).append(frame).append('\n');
        }
        return csv.toString();
    }

    private static String csvFrame() {
        return ",0.5".repeat(KeypointLayout.FEATURES);
    }

    private static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    private static Path mpDataSequence(Path root, String className, int frames) throws IOException {
        Path sequence = Files.createDirectories(root.resolve(className).resolve("0"));
        for (int f = 0; f < frames; f++) {
            Npy.write(sequence.resolve(f + ".npy"), new Npy.Array(new int[] {KeypointLayout.FEATURES},
                    new float[KeypointLayout.FEATURES]));
        }
        return sequence;
    }

    private static void writeNpyHeader(Path file, String shape) throws IOException {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shape + ", }";
        String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
        ByteBuffer bytes = ByteBuffer.allocate(10 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        bytes.putShort((short) header.length());
        bytes.put(header.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(file, bytes.array());
    }
}

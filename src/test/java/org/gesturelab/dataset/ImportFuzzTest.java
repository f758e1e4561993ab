package org.gesturelab.dataset;

import org.gesturelab.core.Npy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds damaged files to the readers and importers: every outcome must be either a clean import or a
 * {@link GestureLabException} that leaves the project exactly as it was; never another exception, never a half
 * import.
 */
class ImportFuzzTest {

    private static final long SEED = 20240611L;

    @TempDir
    Path temp;

    @Test
    void npyReaderRefusesDamagedFilesCleanly() throws IOException {
        Path file = temp.resolve("frame.npy");
        Npy.write(file, TestClips.random(3, 1));
        byte[] good = Files.readAllBytes(file);
        Random random = new Random(SEED);
        int refused = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] bytes;
            if (trial < good.length / 16) {
                bytes = Arrays.copyOf(good, trial * 16 + random.nextInt(16));
            } else if (trial % 3 == 0) {
                bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
            } else {
                bytes = good.clone();
                // Damage the header, where a flipped byte changes meaning, more often than the body.
                for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                    int at = random.nextInt(4) > 0 ? random.nextInt(128) : random.nextInt(bytes.length);
                    bytes[at] = (byte) random.nextInt(256);
                }
            }
            try {
                Npy.read(new ByteArrayInputStream(bytes), "fuzz.npy");
            } catch (GestureLabException e) {
                assertTrue(e.getMessage().contains("fuzz.npy"), e.getMessage());
                refused++;
            } catch (RuntimeException | IOException e) {
                fail("trial " + trial + ": " + e + " instead of a clear refusal", e);
            }
        }
        assertTrue(refused > 1000, "most damaged files are refused: " + refused);
    }

    @Test
    void damagedMpDataFramesNeverHalfImport() throws IOException {
        Path data = MpDataFormatTest.writeMpData(temp.resolve("MP_Data"), 2, 2, 3);
        Path victim = data.resolve("class 1/1/2.npy");
        byte[] good = Files.readAllBytes(victim);
        Random random = new Random(SEED);
        try (Project project = Project.create(temp.resolve("p"), "fuzz", List.of("keep"))) {
            for (int trial = 0; trial < 24; trial++) {
                byte[] bytes = trial < 12 ? Arrays.copyOf(good, random.nextInt(good.length)) : good.clone();
                if (trial >= 12) {
                    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                        bytes[random.nextInt(128)] = (byte) random.nextInt(256);
                    }
                }
                Files.write(victim, bytes);
                attempt(project, () -> MpDataFormat.importInto(project, data, ClipState.TRAIN, TaskMonitor.SILENT),
                        "class 1/1/2.npy");
            }
        }
    }

    @Test
    void damagedCsvNeverHalfImports() throws IOException {
        StringBuilder text = new StringBuilder("class,clip,frame" + ",c".repeat(258) + "\n");
        for (int clip = 0; clip < 3; clip++) {
            for (int frame = 0; frame < 4; frame++) {
                text.append(clip == 1 ? "\"Let's go\"" : "hello").append(',').append(clip).append(',').append(frame);
                for (int i = 0; i < 258; i++) {
                    text.append(',').append((clip * 1000 + frame * 10 + i) / 997.0);
                }
                text.append('\n');
            }
        }
        byte[] good = text.toString().getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = ",\"\n\r.-e0123456789x ".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(SEED);
        Path file = temp.resolve("fuzz.csv");
        try (Project project = Project.create(temp.resolve("p"), "fuzz", List.of("keep"))) {
            for (int trial = 0; trial < 60; trial++) {
                byte[] bytes;
                if (trial < 20) {
                    bytes = Arrays.copyOf(good, random.nextInt(good.length));
                } else if (trial < 50) {
                    bytes = good.clone();
                    for (int flips = 1 + random.nextInt(5); flips > 0; flips--) {
                        bytes[random.nextInt(bytes.length)] = alphabet[random.nextInt(alphabet.length)];
                    }
                } else {
                    bytes = new byte[random.nextInt(4000)];
                    random.nextBytes(bytes);
                }
                Files.write(file, bytes);
                attempt(project, () -> CsvFormat.importInto(project, file, ClipState.TRAIN, TaskMonitor.SILENT),
                        "fuzz.csv");
            }
        }
    }

    @FunctionalInterface
    private interface Import {
        ImportResult run() throws IOException;
    }

    /** Runs an import; on refusal checks that nothing changed, on success removes what it added. */
    private static void attempt(Project project, Import action, String fileName) throws IOException {
        List<String> classes = project.classNames();
        int clips = project.clips(ClipQuery.all()).size();
        ImportResult result;
        try {
            result = action.run();
        } catch (GestureLabException e) {
            assertTrue(e.getMessage().contains(fileName), e.getMessage());
            assertEquals(classes, project.classNames());
            assertEquals(clips, project.clips(ClipQuery.all()).size());
            try (var entries = Files.list(project.directory().resolve(Project.CLIPS_DIR))) {
                assertEquals(clips, entries.count(), "no staged files are left behind");
            }
            return;
        }
        for (Clip clip : result.clips()) {
            project.delete(clip.id());
        }
    }
}

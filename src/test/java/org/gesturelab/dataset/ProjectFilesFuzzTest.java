package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.gesturelab.core.FileTrees;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.Npy;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17's fuzz test for the files {@link ImportFuzzTest} does not cover: an import's {@code labels.csv}, and a
 * project's own {@code project.json} and {@code gesturelab.db}, mutated at random (seeded) and fed to import and
 * {@link Project#open}. Every outcome must be success or a {@link GestureLabException}, never another exception;
 * and a refusal must leave every file of the project exactly as it was.
 */
class ProjectFilesFuzzTest {

    private static final long SEED = 17_2026L;

    @TempDir
    Path temp;

    @Test
    void damagedLabelsCsvIsRefusedCleanlyOrImported() throws IOException {
        Path root = Files.createDirectories(temp.resolve("import"));
        Path clips = Files.createDirectories(root.resolve("clips"));
        StringBuilder labels = new StringBuilder("file,class,state,hidden_class,source,recording,start_frame\n");
        for (int i = 0; i < 4; i++) {
            Npy.write(clips.resolve("c" + i + ".npy"), TestClips.random(30, i));
            labels.append("clips/c").append(i).append(".npy,").append(i % 2 == 0 ? "hello" : "\"Let's go\"")
                    .append(",train,,src ").append(i).append(",,\n");
        }
        byte[] good = labels.toString().getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = ",\"\n./\\-_0123456789abc \uFEFF".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(SEED);
        Path file = root.resolve(NpyFolderFormat.LABELS_FILE);
        try (Project project = Project.create(temp.resolve("p"), "fuzz", List.of("keep"))) {
            for (int trial = 0; trial < 80; trial++) {
                Files.write(file, mutate(good, alphabet, random, trial));
                List<String> classes = project.classNames();
                int before = project.clips(ClipQuery.all()).size();
                ImportResult result;
                try {
                    result = NpyFolderFormat.importInto(project, root, null, TaskMonitor.SILENT);
                } catch (GestureLabException e) {
                    assertEquals(classes, project.classNames(), "trial " + trial + ": " + e.getMessage());
                    assertEquals(before, project.clips(ClipQuery.all()).size());
                    continue;
                } catch (RuntimeException e) {
                    throw new AssertionError("trial " + trial + ": " + e + " instead of a clear refusal", e);
                }
                for (Clip clip : result.clips()) {
                    project.delete(clip.id());
                }
            }
        }
    }

    @Test
    void damagedProjectJsonIsRefusedWithoutChangingTheProject() throws IOException {
        Path dir = sampleProject();
        Map<String, byte[]> original = snapshot(dir);
        byte[] good = original.get(Project.SETTINGS_FILE);
        byte[] alphabet = "{}[]\":,0123456789-.truefalsnl #\\".getBytes(StandardCharsets.UTF_8);
        Random random = new Random(SEED);
        int refused = 0;
        for (int trial = 0; trial < 60; trial++) {
            restore(dir, original);
            Files.write(dir.resolve(Project.SETTINGS_FILE), mutate(good, alphabet, random, trial));
            refused += openOnce(dir, trial) ? 0 : 1;
        }
        assertTrue(refused > 10, "most damaged settings are refused: " + refused);
    }

    @Test
    void damagedDatabaseIsRefusedWithoutChangingTheProject() throws IOException {
        Path dir = sampleProject();
        Map<String, byte[]> original = snapshot(dir);
        byte[] good = original.get(Project.DATABASE_FILE);
        Random random = new Random(SEED);
        for (int trial = 0; trial < 40; trial++) {
            restore(dir, original);
            byte[] bytes;
            if (trial < 10) {
                bytes = Arrays.copyOf(good, random.nextInt(good.length));
            } else if (trial < 35) {
                bytes = good.clone();
                // Header and schema pages (the first 8 KiB) more often than the rest.
                for (int flips = 1 + random.nextInt(6); flips > 0; flips--) {
                    int at = random.nextBoolean() ? random.nextInt(Math.min(8192, bytes.length))
                            : random.nextInt(bytes.length);
                    bytes[at] = (byte) random.nextInt(256);
                }
            } else {
                bytes = new byte[random.nextInt(8192)];
                random.nextBytes(bytes);
            }
            Files.write(dir.resolve(Project.DATABASE_FILE), bytes);
            openOnce(dir, trial);
        }
    }

    /**
     * Opens and closes the project once.
     *
     * @return whether it opened
     */
    private static boolean openOnce(Path dir, int trial) throws IOException {
        Map<String, byte[]> before = snapshot(dir);
        try (Project project = Project.open(dir)) {
            project.clips(ClipQuery.all());
            return true;
        } catch (GestureLabException e) {
            Map<String, byte[]> after = snapshot(dir);
            assertEquals(before.keySet(), after.keySet(), "trial " + trial + " (" + e.getMessage()
                    + "): a refused open must not add or remove files");
            for (Map.Entry<String, byte[]> file : before.entrySet()) {
                assertTrue(Arrays.equals(file.getValue(), after.get(file.getKey())), "trial " + trial + " ("
                        + e.getMessage() + "): a refused open changed " + file.getKey());
            }
            return false;
        } catch (RuntimeException e) {
            fail("trial " + trial + ": " + e + " instead of a clear refusal", e);
            return false;
        }
    }

    private Path sampleProject() throws IOException {
        Path dir = temp.resolve("project");
        try (Project project = Project.create(dir, "fuzz", List.of("hello", "Let's go"))) {
            for (int i = 0; i < 4; i++) {
                project.addClip(NewClip.labeled(TestClips.random(30, i), ClipState.TRAIN, i % 2, "sample " + i));
            }
            project.addClip(NewClip.labeled(TestClips.random(30, 9), ClipState.TEST, 0, "test"));
        }
        return dir;
    }

    private static byte[] mutate(byte[] good, byte[] alphabet, Random random, int trial) {
        if (trial % 4 == 0) {
            return Arrays.copyOf(good, random.nextInt(good.length));
        }
        byte[] bytes = good.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
            bytes[random.nextInt(bytes.length)] = trial % 4 == 3 ? (byte) random.nextInt(256)
                    : alphabet[random.nextInt(alphabet.length)];
        }
        return bytes;
    }

    /** Every file under the folder, by relative path, with its bytes. */
    private static Map<String, byte[]> snapshot(Path dir) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                files.put(dir.relativize(path).toString(), Files.readAllBytes(path));
            }
        }
        return files;
    }

    private static void restore(Path dir, Map<String, byte[]> files) throws IOException {
        FileTrees.deleteRecursively(dir);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = dir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, file.getValue());
        }
    }
}

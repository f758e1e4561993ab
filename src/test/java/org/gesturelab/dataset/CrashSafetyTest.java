package org.gesturelab.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.gesturelab.core.GestureLabException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real child JVM with SIGKILL while it labels clips, several times, and checks that every label it reported
 * as done is in the project and that the database is intact. Also checks that a second process is refused while the
 * child has the project open, with the child's pid in the message.
 */
class CrashSafetyTest {

    private static final int ROUNDS = 5;

    @TempDir
    Path temp;

    @Test
    void killMinusNineLosesNoCommittedLabel() throws Exception {
        Path dir = temp.resolve("p");
        try (Project project = Project.create(dir, "crash", List.of("a", "b", "c"))) {
            for (int i = 0; i < 20; i++) {
                project.addClip(NewClip.unlabeled(TestClips.random(2, i), "seed"));
            }
        }
        Random random = new Random(42);
        Map<Long, long[]> reportedEvents = new HashMap<>();
        List<Long> reportedClips = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            Process child = startChild(dir, round);
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String first = reader.readLine();
                assertNotNull(first, () -> "child ended before opening the project: " + errorOf(child));
                assertTrue(first.startsWith("open "), first);
                if (round == 0) {
                    GestureLabException e = assertThrows(GestureLabException.class, () -> Project.open(dir));
                    assertTrue(e.getMessage().contains("in use by another GestureLab (pid " + child.pid() + ")"),
                            e.getMessage());
                    try (Project view = Project.openReadOnly(dir)) {
                        assertTrue(view.stats().clips() >= 20, "a reader sees the project while it is in use");
                        assertThrows(IllegalStateException.class, () -> view.skip(1, LabelSource.USER));
                    }
                }
                // Let it label for a random while, then kill it mid-flight.
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(150 + random.nextInt(500));
                while (System.nanoTime() < deadline) {
                    String line = reader.readLine();
                    assertNotNull(line, () -> "child died on its own: " + errorOf(child));
                    lines.add(line);
                }
                // SIGKILL through the handle: Process.destroyForcibly would also close our end of the pipe.
                assertTrue(child.toHandle().destroyForcibly());
                assertTrue(child.waitFor(10, TimeUnit.SECONDS));
                // What the child printed before it died is still in the pipe.
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            }
            assertFalse(lines.isEmpty(), "the child reported nothing in round " + round);
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (parts[0].equals("event")) {
                    reportedEvents.put(Long.parseLong(parts[1]), new long[] {Long.parseLong(parts[2]),
                        parts[3].equals("null") ? -1 : Long.parseLong(parts[3])});
                } else if (parts[0].equals("clip")) {
                    reportedClips.add(Long.parseLong(parts[1]));
                }
            }
            verify(dir, reportedEvents, reportedClips);
            System.out.printf("round %d: %d changes reported, killed and verified in %d ms%n", round, lines.size(),
                    (System.nanoTime() - t0) / 1000000);
        }
        assertTrue(reportedEvents.size() > ROUNDS, "too few labels to mean anything: " + reportedEvents.size());
    }

    private static void verify(Path dir, Map<Long, long[]> reportedEvents, List<Long> reportedClips)
            throws IOException {
        try (Project project = Project.open(dir)) {
            assertEquals(List.of(), project.check(), "integrity check and clip files");
            Map<Long, LabelEvent> events = new HashMap<>();
            Map<Long, LabelEvent> latestPerClip = new HashMap<>();
            for (LabelEvent event : project.labelEvents(0)) {
                events.put(event.id(), event);
                latestPerClip.merge(event.clipId(), event, (a, b) -> a.id() > b.id() ? a : b);
            }
            reportedEvents.forEach((id, expected) -> {
                LabelEvent event = events.get(id);
                assertNotNull(event, "label event " + id + " was reported committed but is missing");
                assertEquals(expected[0], event.clipId());
                assertEquals(expected[1], event.newLabel() == null ? -1 : event.newLabel().longValue());
            });
            for (Clip clip : project.clips(ClipQuery.all())) {
                LabelEvent latest = latestPerClip.get(clip.id());
                if (latest != null) {
                    assertEquals(latest.newLabel(), clip.label(), "clip " + clip.id() + " disagrees with its history");
                    assertEquals(latest.newState(), clip.state());
                }
            }
            for (long id : reportedClips) {
                Clip clip = project.requireClip(id);
                assertEquals(2, project.loadKeypoints(clip).length);
            }
            try (var entries = Files.list(dir.resolve(Project.CLIPS_DIR))) {
                assertTrue(entries.noneMatch(p -> p.getFileName().toString().startsWith(Project.STAGING_PREFIX)),
                        "staging folders are cleared on open");
            }
        }
    }

    private static Process startChild(Path dir, int seed) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), LabelingChild.class.getName(), dir.toString(),
                Integer.toString(seed));
        builder.redirectError(dir.resolveSibling("child-" + seed + ".err").toFile());
        return builder.start();
    }

    private String errorOf(Process child) {
        try {
            child.waitFor(5, TimeUnit.SECONDS);
            StringBuilder errors = new StringBuilder();
            try (var files = Files.newDirectoryStream(temp, "child-*.err")) {
                for (Path file : files) {
                    errors.append(Files.readString(file));
                }
            }
            return "exit " + (child.isAlive() ? "running" : child.exitValue()) + ", stderr: " + errors;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IOException e) {
            return e.toString();
        }
    }
}

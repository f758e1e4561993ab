package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gesturelab.classify.TestData;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchLoopCommandTest {

    @TempDir
    Path temp;

    @Test
    void replaysASessionOnACopyAndPrintsEveryMeasuredWait() throws Exception {
        Path dir = temp.resolve("p");
        Random random = new Random(4);
        try (Project project = Project.create(dir, "p", List.of("a", "b"))) {
            for (int i = 0; i < 6; i++) {
                project.addClip(NewClip.labeled(TestData.levelClip(random, i % 2), ClipState.TRAIN, i % 2,
                        "train " + i));
            }
            for (int i = 0; i < 8; i++) {
                project.addClip(NewClip.ofClass(TestData.levelClip(random, i % 2), ClipState.POOL, i % 2,
                        "pool " + i));
            }
        }
        CliRunner runner = new CliRunner();
        assertEquals(0, runner.run("bench", "loop", dir.toString(), "--rounds", "2", "-k", "3", "--json"),
                runner.err());
        JsonNode report = new ObjectMapper().readTree(runner.out());
        List<String> steps = new ArrayList<>();
        double longest = 0;
        for (JsonNode wait : report.get("waits")) {
            steps.add(wait.get("step").asText() + " " + wait.get("round").asInt());
            assertTrue(wait.get("wait_seconds").asDouble() >= 0, wait.toString());
            longest = Math.max(longest, wait.get("wait_seconds").asDouble());
        }
        assertEquals(List.of("open project 0", "next batch 1", "label (longest of the batch) 1", "next batch 2",
                "label (longest of the batch) 2"), steps);
        assertEquals(longest, report.get("max_wait_seconds").asDouble(), 1e-9, "the longest of the waits");
        // The first batch trained a model (the clock says so), it was not picked at random.
        JsonNode first = report.get("waits").get(1);
        assertTrue(first.get("detail").asText().contains("trained a full first model"), first.toString());
        assertTrue(first.get("wait_seconds").asDouble() > 0.05, "a measured training, not a constant: " + first);
        assertEquals(5.0, report.get("goal_seconds").asDouble());
        assertTrue(report.get("background").size() >= 1, "the retraining after a batch ran in the background");
        // The bench worked on a copy: the project itself is as it was.
        try (Project project = Project.open(dir)) {
            assertEquals(8, project.stats().pool());
            assertEquals(0, project.iterations(null).size());
        }

        CliRunner text = new CliRunner();
        assertEquals(0, text.run("bench", "loop", dir.toString(), "--rounds", "1", "-k", "2"), text.err());
        assertTrue(text.out().contains("Longest wait: "), text.out());
        assertEquals(1, new CliRunner().run("bench", "loop", temp.resolve("nope").toString()));
    }
}

package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.gesturelab.SharedData;
import org.gesturelab.active.StoredLabelingDataTest;
import org.gesturelab.classify.TestData;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.dataset.ClipBatch;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Iteration;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** The simulate, query and label commands, run exactly as users run them, on real data with tiny settings. */
class ActiveLearningCommandsTest {

    private static final String[] FAST = {"--epochs", "4", "--warm-epochs", "2"};

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String input, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = GestureLabCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        if (input != null) {
            LabelCommand label = commandLine.getSubcommands().get("label").getCommand();
            label.setInput(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        }
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String[] with(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    @Test
    void simulatePrintsJsonAndWritesCurvesAndPlot(@TempDir Path dir) throws Exception {
        Path asl6 = SharedData.require("asl6-holistic/MP_Data");
        Run run = run(null, with(new String[] {"simulate", "--mp-data", asl6.toString(), "--strategies",
            "random,margin,claus", "--seeds", "1", "--init-per-class", "1", "--batch", "6", "--max-labels", "18",
            "--target-f1", "0.99", "--out", dir.toString(), "--json"}, FAST));
        assertEquals(0, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals(0.99, json.get("target_f1").asDouble(), 1e-9);
        assertTrue(json.get("full_pool_f1").asDouble() > 0);
        assertEquals(List.of("random", "margin", "claus"), iterable(json.get("strategies").fieldNames()));
        for (JsonNode strategy : json.get("strategies")) {
            assertTrue(strategy.has("labels_to_target"));
            assertTrue(strategy.get("labels_to_target").isNull() || strategy.get("labels_to_target").isNumber());
            assertTrue(strategy.get("aulc").asDouble() >= 0 && strategy.get("aulc").asDouble() <= 1);
            assertTrue(strategy.get("final_f1").asDouble() >= 0 && strategy.get("final_f1").asDouble() <= 1);
        }
        // 144 pool clips (36 held out), 6 initial labels, two batches of 6 up to 18.
        assertEquals(144, json.get("pool_size").asInt());
        List<String> curves = Files.readAllLines(dir.resolve("curves.csv"));
        assertEquals(1 + 3 * 3, curves.size(), String.join("\n", curves));
        assertTrue(curves.get(3).startsWith("random,1,2,18,"), curves.get(3));
        assertEquals(4, Files.readAllLines(dir.resolve("summary.csv")).size());
        assertEquals(960, ImageIO.read(dir.resolve("learning-curves.png").toFile()).getWidth());
    }

    @Test
    void simulateRejectsBadArgumentsWithExitCodes(@TempDir Path dir) {
        Run unknown = run(null, "simulate", "--mp-data", dir.toString(), "--strategies", "coreset", "--out",
                dir.toString());
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("Unknown query strategy 'coreset'"), unknown.err());
        Run both = run(null, "simulate", "--mp-data", dir.toString(), "--target-f1", "0.9", "--target-fraction",
                "0.95", "--out", dir.toString());
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        Run missing = run(null, "simulate", "--mp-data", dir.resolve("nope").toString(), "--out", dir.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("No MP_Data folder"), missing.err());
        assertEquals(2, run(null, "simulate", "--out", dir.toString()).exit());
    }

    @Test
    void queryPrintsTheRankedBatchAndCanSaveIt(@TempDir Path dir) throws Exception {
        StoredLabelingDataTest.smallKsl13Project(dir).close();
        Run run = run(null, with(new String[] {"query", dir.toString(), "--strategy", "margin", "-k", "4", "--save"},
                FAST));
        assertEquals(0, run.exit(), run.err());
        String[] lines = run.out().split("\\R");
        assertTrue(lines[0].startsWith("rank"), run.out());
        for (int rank = 1; rank <= 4; rank++) {
            assertTrue(lines[rank].trim().startsWith(rank + " "), lines[rank]);
            assertTrue(lines[rank].contains("margin "), lines[rank]);
        }
        assertTrue(run.out().contains("Saved the batch"));
        try (Project project = Project.open(dir)) {
            assertEquals(1, project.queryBatches().size());
            assertEquals(4, project.queryBatches().get(0).items().size());
        }
    }

    @Test
    void labelRunsTheTerminalLoopFromTypedAnswers(@TempDir Path dir) throws Exception {
        StoredLabelingDataTest.smallKsl13Project(dir).close();
        // Batch 1: label, skip, undo the skip, label, label. Batch 2: label twice, then stop.
        String typed = "1\nq\nu\n2\n3\n2\n1\nx\n";
        Run run = run(typed, with(new String[] {"label", dir.toString(), "--strategy", "entropy", "-k", "3",
            "--target-f1", "1.01"}, FAST));
        assertEquals(0, run.exit(), run.err());
        String out = run.out();
        assertTrue(out.contains("Select action (1: bad, 2: good, 3: yes, q: Skip, u: Undo, x: Stop):"), out);
        assertTrue(out.contains("Undone: back to clip"), out);
        assertTrue(out.contains("round  labels  macro F1  weighted F1  accuracy"), out);
        assertTrue(out.contains("Stopped. Your labels are saved"), out);
        assertTrue(out.contains("Saved the last model as the project's current model"), out);
        assertTrue(Files.isRegularFile(dir.resolve("models").resolve("current")));
        try (Project project = Project.open(dir)) {
            assertEquals(6 + 3 + 2, project.clips(ClipState.TRAIN).size());
            assertEquals(0, project.clips(ClipState.SKIPPED).size());
            List<Iteration> history = project.iterations(Iteration.INTERACTIVE);
            assertEquals(List.of(6, 9, 11), history.stream().map(Iteration::labeledClips).toList());
            assertEquals(2, project.queryBatches().size());
        }
        // The history table shows rounds 0, 1 and 2.
        assertTrue(out.matches("(?s).*\\n\\s+2\\s+11\\s+\\d\\.\\d{3}.*"), out);
        // query now scores with the model label saved.
        Run query = run(null, "query", dir.toString(), "-k", "2");
        assertEquals(0, query.exit(), query.err());
        assertTrue(query.err().contains("Scoring with the project's current model"), query.err());
    }

    @Test
    void labelStartsAProjectWithoutLabelsWithARandomBatch(@TempDir Path dir) throws Exception {
        LabeledClips clips = TestData.synthetic(3, 4, 7);
        try (Project project = Project.create(dir, "fresh", List.of("a", "b", "c"));
                ClipBatch batch = project.beginBatch()) {
            for (float[][] clip : clips.clips()) {
                batch.add(NewClip.unlabeled(clip, "footage"));
            }
            batch.commit();
        }
        // The first batch comes at random; its three answers are stored before the loop asks anything else.
        Run run = run("1\n2\n3\nx\n", with(new String[] {"label", dir.toString(), "-k", "3"}, FAST));
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("No labeled clips yet: starting with a random batch."), run.out());
        try (Project project = Project.open(dir)) {
            assertEquals(3, project.clips(ClipState.TRAIN).size() + project.clips(ClipState.TEST).size());
            assertEquals("random", project.queryBatches().get(0).strategy());
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}

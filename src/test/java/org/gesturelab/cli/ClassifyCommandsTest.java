package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TestData;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.core.Npy;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The classifier commands on a small synthetic project, run as users run them. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClassifyCommandsTest {

    @TempDir
    static Path root;
    private static Path project;

    private record Result(int exit, String out, String err) {
    }

    @BeforeAll
    static void createProject() throws Exception {
        project = root.resolve("gestures");
        LabeledClips train = TestData.synthetic(3, 12, 21);
        LabeledClips test = TestData.synthetic(3, 4, 22);
        try (Project p = Project.create(project, "gestures", train.classes())) {
            for (int i = 0; i < train.size(); i++) {
                p.addClip(NewClip.labeled(train.clips().get(i), ClipState.TRAIN, train.labels()[i], "synthetic"));
            }
            for (int i = 0; i < test.size(); i++) {
                p.addClip(NewClip.labeled(test.clips().get(i), ClipState.TEST, test.labels()[i], "synthetic"));
            }
        }
    }

    private static Result run(String... args) {
        CliRunner runner = new CliRunner();
        int exit = runner.run(args);
        return new Result(exit, runner.out(), runner.err());
    }

    @Test
    @Order(1)
    void evaluateBeforeTrainingSaysToTrain() {
        Result result = run("evaluate", project.toString());
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, result.exit());
        assertTrue(result.err().contains("no trained model yet"), result.err());
    }

    @Test
    @Order(2)
    void trainSavesACurrentModelAndEvaluatesIt() {
        Result result = run("train", project.toString(), "--epochs", "15", "--seed", "3");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("Trained default on pose_hands features"), result.out());
        assertTrue(result.out().contains("macro F1"), result.out());
        assertTrue(ModelStore.current(project).isPresent());
        assertTrue(result.err().contains("Epoch"), "progress is shown: " + result.err());
        try (Project p = Project.open(project)) {
            assertEquals(1, p.trainingRuns().size());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Order(3)
    void evaluateJsonHasTheFiguresAndMatrix() throws Exception {
        Result result = run("evaluate", project.toString(), "--json");
        assertEquals(0, result.exit(), result.err());
        JsonNode node = new ObjectMapper().readTree(result.out());
        assertTrue(node.get("macro_f1").asDouble() >= 0.6, result.out());
        assertTrue(node.has("weighted_f1") && node.has("accuracy"), result.out());
        assertEquals(3, node.get("confusion_matrix").size());
        assertEquals(12, node.get("clips").asInt());
    }

    @Test
    @Order(4)
    void predictNamesTheMostLikelyClass() throws Exception {
        Path file = root.resolve("clip.npy");
        Npy.write(file, TestData.synthetic(3, 1, 5).clips().get(2));
        Result result = run("predict", project.toString(), file.toString());
        assertEquals(0, result.exit(), result.err());
        assertEquals(4, result.out().lines().count(), result.out());
        assertTrue(result.out().lines().findFirst().orElseThrow().startsWith("gesture "), result.out());
        Path bad = root.resolve("bad.npy");
        Npy.write(bad, new float[][] {{1, 2, 3}});
        Result refused = run("predict", project.toString(), bad.toString());
        assertEquals(userError(), refused.exit());
        assertTrue(refused.err().contains("frames x 1662"), refused.err());
    }

    @Test
    @Order(4)
    void predictRefusesNonFiniteKeypoints() throws Exception {
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY}) {
            float[][] clip = new float[30][1662];
            for (float[] frame : clip) {
                java.util.Arrays.fill(frame, bad);
            }
            Path file = root.resolve("nonfinite.npy");
            Npy.write(file, clip);
            Result refused = run("predict", project.toString(), file.toString());
            assertEquals(userError(), refused.exit(), refused.out());
            assertTrue(refused.err().contains("keypoints must be finite numbers"), refused.err());
        }
    }

    @Test
    @Order(5)
    void compareAndBenchPrintTheirTables() {
        Result compare = run("compare", project.toString(), "--models", "default,ridge", "--epochs", "2");
        assertEquals(0, compare.exit(), compare.err());
        assertTrue(compare.out().contains("default") && compare.out().contains("ridge")
                && compare.out().contains("ms/clip"), compare.out());
        Result unknown = run("compare", project.toString(), "--models", "svm");
        assertEquals(userError(), unknown.exit());
        Result bench = run("bench", "classify", project.toString(), "--pool", "40", "--passes", "2",
                "--epochs", "2");
        assertEquals(0, bench.exit(), bench.err());
        assertTrue(bench.out().contains("predict") && bench.out().contains("mc-dropout"), bench.out());
    }

    @Test
    @Order(6)
    void aModelThatNoLongerFitsIsRefusedWithTheReason() throws Exception {
        try (Project p = Project.open(project)) {
            p.addClass("wave");
        }
        Result result = run("evaluate", project.toString());
        assertEquals(userError(), result.exit());
        assertTrue(result.err().contains("does not fit") && result.err().contains("[wave]"), result.err());
        assertTrue(Files.exists(ModelStore.current(project).orElseThrow()));
    }

    private static int userError() {
        return GestureLabCommand.EXIT_USER_ERROR;
    }
}

package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gesturelab.classify.ClassicClassifier;
import org.gesturelab.classify.ModelCard;
import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.TestData;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.Npy;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NewClip;
import org.gesturelab.dataset.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train --arch} with the classical models, and what {@code evaluate}, {@code predict} make of them. */
class ClassicModelCommandsTest {

    @TempDir
    Path root;

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        CliRunner runner = new CliRunner();
        int exit = runner.run(args);
        return new Result(exit, runner.out(), runner.err());
    }

    /** A synthetic project of 3 gestures: 12 training and 4 test clips each, of {@code frames} frames. */
    private Path project(String name, int frames) throws Exception {
        Path dir = root.resolve(name);
        Result init = run("project", "init", dir.toString(), "--frames", String.valueOf(frames));
        assertEquals(0, init.exit(), init.err());
        LabeledClips train = TestData.synthetic(3, 12, 21);
        LabeledClips test = TestData.synthetic(3, 4, 22);
        try (Project p = Project.open(dir)) {
            for (String className : train.classes()) {
                p.addClass(className);
            }
            for (int i = 0; i < train.size(); i++) {
                p.addClip(NewClip.labeled(train.clips().get(i), ClipState.TRAIN, index(p, train, i),
                        "synthetic"));
            }
            for (int i = 0; i < test.size(); i++) {
                p.addClip(NewClip.labeled(test.clips().get(i), ClipState.TEST, index(p, test, i), "synthetic"));
            }
        }
        return dir;
    }

    private static int index(Project p, LabeledClips clips, int i) {
        return p.classNames().indexOf(clips.classes().get(clips.labels()[i]));
    }

    @Test
    void aRandomForestIsTrainedEvaluatedAndAskedLikeANetwork() throws Exception {
        Path dir = project("forest", 30);
        Result train = run("train", dir.toString(), "--arch", "random-forest");
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().contains("Trained random-forest on pose_hands features (30 frames per clip)"),
                train.out());
        assertTrue(train.out().contains("Probabilities: share of the 100 trees"), train.out());
        assertTrue(train.out().contains("macro F1"), train.out());
        Path folder = ModelStore.current(dir).orElseThrow();
        assertTrue(Files.isRegularFile(folder.resolve(ClassicClassifier.MODEL_FILE)));
        assertEquals("random-forest", ModelCard.read(folder).architecture());

        Result evaluate = run("evaluate", dir.toString(), "--json");
        assertEquals(0, evaluate.exit(), evaluate.err());
        JsonNode node = new ObjectMapper().readTree(evaluate.out());
        assertTrue(node.get("macro_f1").asDouble() >= 0.6, evaluate.out());
        assertEquals(12, node.get("clips").asInt());

        Path clip = root.resolve("clip.npy");
        float[][] frames = TestData.synthetic(3, 1, 5).clips().get(2);
        Npy.write(clip, frames);
        Result predict = run("predict", dir.toString(), clip.toString());
        assertEquals(0, predict.exit(), predict.err());
        assertEquals("gesture 2", predict.out().lines().findFirst().orElseThrow(), predict.out());
        assertEquals(4, predict.out().lines().count(), "the answer and the three most likely: " + predict.out());
        try (Project p = Project.open(dir);
                TrainedClassifier saved = ModelStore.loadCurrent(dir, p.classNames(), 30, 1662);
                TrainedClassifier again = ModelStore.loadCurrent(dir, p.classNames(), 30, 1662)) {
            assertInstanceOf(ClassicClassifier.class, saved);
            assertArrayEquals(saved.predict(java.util.List.<float[][]>of(frames))[0], again.predict(java.util.List.<float[][]>of(frames))[0]);
        }

        Result export = run("export-model", dir.toString(), "--format", "onnx", "--out", root.resolve("forest.onnx").toString());
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, export.exit(), export.out());
        assertTrue(export.err().contains("only the networks can be exported"), export.err());
        assertFalse(Files.exists(root.resolve("forest.onnx")));
    }

    @Test
    void ridgeSaysHowItsScoresBecomeProbabilitiesAndAWrongNameIsAUsageError() throws Exception {
        Path dir = project("ridge", 30);
        Result train = run("train", dir.toString(), "--arch", "ridge");
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().contains("clipped at 0"), train.out());
        assertEquals("ridge", ModelCard.read(ModelStore.current(dir).orElseThrow()).architecture());
        // The project's Nothing class has no clips; ridge must still rank the three gestures.
        Result evaluate = run("evaluate", dir.toString(), "--json");
        assertEquals(0, evaluate.exit(), evaluate.err());
        assertTrue(new ObjectMapper().readTree(evaluate.out()).get("macro_f1").asDouble() >= 0.6, evaluate.out());

        Result unknown = run("train", dir.toString(), "--arch", "svm");
        assertEquals(2, unknown.exit(), unknown.out());
        assertTrue(unknown.err().contains("Unknown model 'svm'") && unknown.err().contains("logistic-regression"),
                unknown.err());
    }

    @Test
    void aOneFrameProjectTrainsAClassicalModelOnStaticPoses() throws Exception {
        Path dir = project("poses", 1);
        try (Project p = Project.open(dir)) {
            assertEquals(1, p.sequenceLength());
        }
        Result train = run("train", dir.toString(), "--arch", "logistic-regression");
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().contains("(1 frame per clip)"), train.out());
        ModelCard card = ModelCard.read(ModelStore.current(dir).orElseThrow());
        assertEquals(1, card.sequenceLength());
        Result evaluate = run("evaluate", dir.toString(), "--json");
        assertEquals(0, evaluate.exit(), evaluate.err());
        assertTrue(new ObjectMapper().readTree(evaluate.out()).get("macro_f1").asDouble() >= 0.5, evaluate.out());
    }

    @Test
    void projectInitRefusesAClipLengthOutOfRange() {
        Result zero = run("project", "init", root.resolve("none").toString(), "--frames", "0");
        assertEquals(GestureLabCommand.EXIT_USER_ERROR, zero.exit(), zero.out());
        assertTrue(zero.err().contains("between 1 and"), zero.err());
    }
}

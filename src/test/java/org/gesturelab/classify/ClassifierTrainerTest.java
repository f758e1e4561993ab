package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.CancelledException;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Smoke tests on small synthetic data: a few epochs each, seconds in all. */
class ClassifierTrainerTest {

    private static final LabeledClips TRAIN = TestData.synthetic(3, 14, 1);
    private static final LabeledClips TEST = TestData.synthetic(3, 6, 2);
    private static final TrainingConfig QUICK = TrainingConfig.defaults().withMaxEpochs(25);

    private static SequenceClassifier trained;

    @BeforeAll
    static void train() {
        trained = ClassifierTrainer.train(TRAIN, QUICK, null, TaskMonitor.SILENT);
    }

    @AfterAll
    static void close() {
        trained.close();
    }

    @Test
    void learnsTheSyntheticGestures() {
        Evaluation evaluation = Evaluation.ofProbabilities(TRAIN.classes(), TEST.labels(), trained.predict(TEST.clips()));
        assertTrue(evaluation.macroF1() >= 0.8, evaluation.toTable());
        ModelCard.TrainingSummary summary = trained.card().training();
        assertTrue(summary.validationClips() > 0 && summary.trainClips() + summary.validationClips() == TRAIN.size());
        assertTrue(summary.bestEpoch() >= 1 && summary.bestEpoch() <= summary.epochsRun());
    }

    @Test
    void refusesNonFiniteKeypointsInsteadOfAnsweringNaN() {
        float[][] clip = TEST.clips().get(0).clone();
        clip[3] = clip[3].clone();
        clip[3][7] = Float.NaN;
        org.gesturelab.core.GestureLabException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.gesturelab.core.GestureLabException.class, () -> trained.predict(List.<float[][]>of(clip)));
        assertTrue(e.getMessage().contains("finite"), e.getMessage());
    }

    @Test
    void restoredWeightsSurviveTheGarbageCollector() throws InterruptedException {
        // The best epoch's weights are put back from Java arrays; if native tensors only borrowed that memory,
        // a collection followed by new allocations would overwrite the model.
        for (int round = 0; round < 4; round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 64; i++) {
                java.nio.ByteBuffer filler = java.nio.ByteBuffer.allocateDirect(1 << 20);
                while (filler.hasRemaining()) {
                    filler.put((byte) 0x7f);
                }
            }
        }
        Evaluation evaluation = Evaluation.ofProbabilities(TRAIN.classes(), TEST.labels(), trained.predict(TEST.clips()));
        assertTrue(evaluation.macroF1() >= 0.8, evaluation.toTable());
    }

    @Test
    void outputsHaveTheContractShapes() {
        List<float[][]> clips = TEST.clips();
        float[][] probabilities = trained.predict(clips);
        assertEquals(clips.size(), probabilities.length);
        for (float[] row : probabilities) {
            assertEquals(3, row.length);
            double sum = 0;
            for (float p : row) {
                sum += p;
            }
            assertEquals(1.0, sum, 1e-4);
        }
        float[][] embeddings = trained.embed(clips);
        assertEquals(clips.size(), embeddings.length);
        assertEquals(Architecture.DEFAULT.embeddingSize(), embeddings[0].length);
        float[][][] passes = trained.predictWithDropout(clips, 4, 7);
        assertEquals(4, passes.length);
        assertEquals(clips.size(), passes[0].length);
        assertEquals(3, passes[0][0].length);
        assertFalse(java.util.Arrays.equals(passes[0][0], passes[1][0]), "dropout makes passes differ");
        float[][][] again = trained.predictWithDropout(clips, 4, 7);
        assertArrayEquals(passes[3][2], again[3][2], 1e-6f, "same seed, same masks");
        assertEquals(0, trained.predict(List.of()).length);
    }

    @Test
    void sameSeedTrainsTheSameModel() {
        TrainingConfig config = QUICK.withMaxEpochs(3);
        try (SequenceClassifier a = ClassifierTrainer.train(TRAIN, config, null, TaskMonitor.SILENT);
                SequenceClassifier b = ClassifierTrainer.train(TRAIN, config, null, TaskMonitor.SILENT)) {
            assertArrayEquals(a.predict(TEST.clips())[0], b.predict(TEST.clips())[0], 1e-5f);
            assertEquals(a.card().dataFingerprint(), b.card().dataFingerprint());
        }
    }

    @Test
    void warmStartAfterAddingAClassReusesEverythingButTheOutputLayer() {
        List<float[][]> clips = new ArrayList<>(TRAIN.clips());
        List<String> classes = new ArrayList<>(TRAIN.classes());
        classes.add("gesture new");
        LabeledClips four = TestData.synthetic(4, 14, 1);
        int[] labels = four.labels();
        try (SequenceClassifier warm = ClassifierTrainer.train(new LabeledClips(four.clips(), labels, classes),
                QUICK.withMaxEpochs(1), trained, TaskMonitor.SILENT)) {
            int parameters = trained.network().getParameters().size();
            assertEquals(parameters - 2, warm.card().training().warmStartParameters(), "all but output weight and bias");
            assertEquals(4, warm.predict(clips.subList(0, 1))[0].length);
        }
        assertThrows(IllegalArgumentException.class, () -> ClassifierTrainer.train(TRAIN, QUICK, new NotOurs(),
                TaskMonitor.SILENT));
    }

    @Test
    void liteTrainsWhenTheLastBatchWouldHoldOneClip() {
        LabeledClips clips = TestData.synthetic(3, 11, 4);
        TrainingConfig config = QUICK.withArchitecture(Architecture.LITE).withMaxEpochs(1).withValidationFraction(0);
        // 33 clips in batches of 32 would leave one clip alone.
        try (SequenceClassifier lite = ClassifierTrainer.train(clips, config, null, TaskMonitor.SILENT)) {
            assertEquals(Architecture.LITE.embeddingSize(), lite.embed(clips.clips().subList(0, 2))[0].length);
        }
    }

    @Test
    void aClipsWeightDecidesBetweenLabelsThatDisagree() {
        // The same 12 clips twice, once labeled 0 and once 1: only the weights can make one label win.
        LabeledClips once = TestData.synthetic(1, 12, 6);
        List<float[][]> clips = new java.util.ArrayList<>(once.clips());
        clips.addAll(once.clips());
        int[] labels = new int[24];
        java.util.Arrays.fill(labels, 12, 24, 1);
        double[] towardZero = new double[24];
        java.util.Arrays.fill(towardZero, 0, 12, 3.0);
        java.util.Arrays.fill(towardZero, 12, 24, 1.0);
        double[] towardOne = new double[24];
        java.util.Arrays.fill(towardOne, 0, 12, 1.0);
        java.util.Arrays.fill(towardOne, 12, 24, 3.0);
        LabeledClips data = new LabeledClips(clips, labels, List.of("a", "b"));
        TrainingConfig config = QUICK.withArchitecture(Architecture.GRU).withMaxEpochs(15).withValidationFraction(0)
                .withAugmentation(Augmentation.NONE);
        try (SequenceClassifier zero = ClassifierTrainer.train(data.withWeights(towardZero), config, null,
                TaskMonitor.SILENT);
                SequenceClassifier one = ClassifierTrainer.train(data.withWeights(towardOne), config, null,
                        TaskMonitor.SILENT)) {
            float[][] p0 = zero.predict(once.clips());
            float[][] p1 = one.predict(once.clips());
            for (int i = 0; i < p0.length; i++) {
                assertTrue(p0[i][0] > 0.6, "weighted 3:1 toward a: " + p0[i][0]);
                assertTrue(p1[i][1] > 0.6, "weighted 3:1 toward b: " + p1[i][1]);
            }
        }
    }

    @Test
    void aCardWrittenBeforeClipWeightsReadsAsUnweighted() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode json = Json.MAPPER.valueToTree(trained.card());
        assertFalse(json.get("training").get("weighted_clips").asBoolean(), "unweighted clips say so");
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("training")).remove("weighted_clips");
        ModelCard old = Json.MAPPER.treeToValue(json, ModelCard.class);
        assertFalse(old.training().weightedClips());
        assertEquals(trained.card().training().epochsRun(), old.training().epochsRun());
    }

    @Test
    void weightsMustBePositiveAndOnePerClip() {
        LabeledClips data = TestData.synthetic(2, 2, 1);
        assertThrows(IllegalArgumentException.class, () -> data.withWeights(new double[] {1, 1, 1}));
        assertThrows(IllegalArgumentException.class, () -> data.withWeights(new double[] {1, 0, 1, 1}));
        assertEquals(1.0, data.weight(3));
        assertEquals(2.0, data.withWeights(new double[] {1, 1, 1, 2}).weight(3));
    }

    @Test
    void cancellationStopsTraining() {
        TaskMonitor cancelled = new TaskMonitor() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(CancelledException.class, () -> ClassifierTrainer.train(TRAIN, QUICK, null, cancelled));
    }

    @Test
    void savedModelLoadsAndPredictsTheSame(@TempDir Path dir) throws IOException {
        trained.recordEvaluation(Evaluation.ofProbabilities(TRAIN.classes(), TEST.labels(),
                trained.predict(TEST.clips())));
        trained.save(dir);
        assertTrue(Files.exists(dir.resolve(ModelCard.FILE_NAME)));
        try (SequenceClassifier loaded = SequenceClassifier.load(dir)) {
            assertArrayEquals(trained.predict(TEST.clips())[1], loaded.predict(TEST.clips())[1], 1e-6f);
            assertEquals(trained.card().classes(), loaded.card().classes());
            assertEquals(trained.card().evaluation().macroF1(), loaded.card().evaluation().macroF1(), 1e-12);
            assertArrayEquals(trained.card().featureStd(), loaded.card().featureStd());
            assertEquals(Architecture.DEFAULT.id(), loaded.card().architecture());
        }
    }

    @Test
    void tinyDataTrainsOnEverythingAndItsCardRoundTrips(@TempDir Path dir) throws IOException {
        LabeledClips tiny = TestData.synthetic(2, 3, 9);
        try (SequenceClassifier small = ClassifierTrainer.train(tiny, QUICK.withMaxEpochs(2), null,
                TaskMonitor.SILENT)) {
            assertEquals(0, small.card().training().validationClips());
            assertEquals(6, small.card().training().trainClips());
            assertTrue(Double.isNaN(small.card().training().validationLoss()));
            small.save(dir);
        }
        try (SequenceClassifier loaded = SequenceClassifier.load(dir)) {
            assertTrue(Double.isNaN(loaded.card().training().validationLoss()));
            assertEquals(2, loaded.predict(tiny.clips())[0].length);
        }
    }

    @Test
    void mismatchesAreSpelledOut() {
        ModelCard card = trained.card();
        assertTrue(card.mismatches(TRAIN.classes(), 30, 1662).isEmpty());
        List<String> problems = card.mismatches(List.of("gesture 0", "gesture 1", "wave"), 20, 258);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("lacks [wave]") && problems.get(0).contains("[gesture 2]"), problems.get(0));
        assertTrue(problems.get(1).contains("30 frames"), problems.get(1));
        assertTrue(problems.get(2).contains("258"), problems.get(2));
        List<String> reordered = card.mismatches(List.of("gesture 1", "gesture 0", "gesture 2"), 30, 1662);
        assertTrue(reordered.get(0).contains("another order"), reordered.toString());
    }

    @Test
    void damagedModelFoldersAreRefusedClearly(@TempDir Path dir) throws IOException {
        GestureLabException missing = assertThrows(GestureLabException.class, () -> SequenceClassifier.load(dir));
        assertTrue(missing.getMessage().contains("No model card"), missing.getMessage());
        trained.save(dir);
        Files.writeString(dir.resolve(SequenceClassifier.PARAMETERS_NAME + "-0000.params"), "garbage");
        GestureLabException damaged = assertThrows(GestureLabException.class, () -> SequenceClassifier.load(dir));
        assertTrue(damaged.getMessage().contains("Cannot load the parameters"), damaged.getMessage());
    }

    private static final class NotOurs implements GestureClassifier {
        @Override
        public List<String> classes() {
            return List.of();
        }

        @Override
        public float[][] predict(List<float[][]> clips) {
            return new float[0][];
        }

        @Override
        public float[][] embed(List<float[][]> clips) {
            return new float[0][];
        }

        @Override
        public float[][][] predictWithDropout(List<float[][]> clips, int passes, long seed) {
            return new float[0][][];
        }

        @Override
        public void close() {
        }
    }
}

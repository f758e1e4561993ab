package org.gesturelab.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.active.BaldStrategy;
import org.gesturelab.active.PoolClip;
import org.gesturelab.active.RankedClip;
import org.gesturelab.active.UncertaintyStrategy;
import org.gesturelab.classify.export.OnnxExporter;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The classical models as project models: probabilities, the card, save and load, and what they cannot do. */
class ClassicClassifierTest {

    private static final LabeledClips TRAIN = TestData.synthetic(3, 10, 31);
    private static final LabeledClips TEST = TestData.synthetic(3, 4, 32);
    private static final FeatureExtractor AS_RECORDED = new FeatureExtractor(FeatureSubset.POSE_HANDS, 12);

    @TempDir
    Path temp;

    @Test
    void everyClassicalModelSavesAndLoadsToIdenticalProbabilities() throws Exception {
        for (Baseline kind : Baseline.values()) {
            ClassicClassifier trained = kind.fit(TRAIN, AS_RECORDED, 5);
            float[][] before = trained.predict(TEST.clips());
            assertEquals(TEST.size(), before.length);
            for (float[] row : before) {
                assertEquals(3, row.length);
                double sum = 0;
                for (float p : row) {
                    assertTrue(p >= 0 && p <= 1, kind + ": a probability in [0, 1], got " + p);
                    sum += p;
                }
                assertEquals(1, sum, 1e-5, kind + ": each row sums to 1");
            }
            Evaluation evaluation = Evaluation.ofProbabilities(TEST.classes(), TEST.labels(), before);
            assertTrue(evaluation.macroF1() >= 0.6, kind + " learns the synthetic gestures: " + evaluation.macroF1());
            trained.recordEvaluation(evaluation);

            Path folder = temp.resolve(kind.id());
            trained.save(folder);
            assertTrue(Files.isRegularFile(folder.resolve(ClassicClassifier.MODEL_FILE)));
            TrainedClassifier loaded = ModelStore.loadChecked(folder, TRAIN.classes(), 12, 1662);
            assertInstanceOf(ClassicClassifier.class, loaded);
            float[][] after = loaded.predict(TEST.clips());
            for (int i = 0; i < before.length; i++) {
                assertArrayEquals(before[i], after[i], kind + ": clip " + i + " scores the same after loading");
            }
            ModelCard card = loaded.card();
            assertEquals(kind.id(), card.architecture());
            assertTrue(card.classic());
            assertEquals(12, card.sequenceLength());
            assertEquals(kind.scoring(), card.scoring());
            assertEquals(evaluation.macroF1(), card.evaluation().macroF1(), 1e-9);
            assertEquals(TRAIN.size(), card.training().trainClips());
            assertEquals(ModelKind.of(kind), ModelKind.of(card));
        }
    }

    @Test
    void ridgeScoresBecomeSharesOfThePositiveScores() {
        assertArrayEquals(new float[] {0.75f, 0.25f, 0f}, ClassicClassifier.clippedShares(new double[] {0.6, 0.2, -0.3}));
        assertArrayEquals(new float[] {1f / 3, 1f / 3, 1f / 3},
                ClassicClassifier.clippedShares(new double[] {-0.1, 0, -2}));
        // Tribuo's ridge gives NaN for a class it never saw a clip of: that class gets nothing, the others their share.
        assertArrayEquals(new float[] {0f, 0.8f, 0.2f},
                ClassicClassifier.clippedShares(new double[] {Double.NaN, 0.4, 0.1}));
        assertTrue(Baseline.RIDGE.scoring().contains("clipped at 0"));
    }

    @Test
    void baldRanksAClassicalModelByEntropyAndSaysSo() {
        ClassicClassifier model = Baseline.RANDOM_FOREST.fit(TRAIN, AS_RECORDED, 5);
        assertFalse(model.hasDropout());
        List<PoolClip> pool = new java.util.ArrayList<>();
        for (int i = 0; i < TEST.size(); i++) {
            pool.add(new PoolClip(100 + i, "synthetic", 0, TEST.clips().get(i)));
        }
        List<RankedClip> bald = new BaldStrategy(5).select(model, pool, 5, 1, TaskMonitor.SILENT);
        List<RankedClip> entropy = new UncertaintyStrategy(UncertaintyStrategy.Measure.ENTROPY)
                .select(model, pool, 5, 1, TaskMonitor.SILENT);
        assertEquals(entropy.stream().map(RankedClip::clipId).toList(), bald.stream().map(RankedClip::clipId).toList());
        assertEquals("entropy", bald.get(0).why().measure());
        String note = BaldStrategy.fallbackNote(model).orElseThrow();
        assertTrue(note.contains("random-forest") && note.contains("entropy"), note);
        float[][][] passes = model.predictWithDropout(TEST.clips(), 3, 1);
        assertArrayEquals(passes[0][0], passes[2][0], "no dropout: every pass is the same prediction");
    }

    @Test
    void aClassicalModelIsNotExportedToOnnx() throws Exception {
        Path folder = temp.resolve("lr");
        Baseline.LOGISTIC_REGRESSION.fit(TRAIN, AS_RECORDED, 5).save(folder);
        GestureLabException e = assertThrows(GestureLabException.class,
                () -> OnnxExporter.export(folder, temp.resolve("out.onnx"), 0.8, TaskMonitor.SILENT));
        assertTrue(e.getMessage().contains("only the networks can be exported"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("out.onnx")));
    }

    @Test
    void aDamagedClassicalModelFolderIsRefusedInPlainWords() throws Exception {
        Path folder = temp.resolve("rf");
        Baseline.RANDOM_FOREST.fit(TRAIN, AS_RECORDED, 5).save(folder);
        Files.writeString(folder.resolve(ClassicClassifier.MODEL_FILE), "not a model");
        GestureLabException damaged = assertThrows(GestureLabException.class, () -> ModelStore.load(folder));
        assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
        Files.delete(folder.resolve(ClassicClassifier.MODEL_FILE));
        GestureLabException missing = assertThrows(GestureLabException.class, () -> ModelStore.load(folder));
        assertTrue(missing.getMessage().contains(ClassicClassifier.MODEL_FILE), missing.getMessage());
    }

    @Test
    void modelKindsAreNamedAsOnTheCommandLine() {
        assertEquals(ModelKind.of(Baseline.GRADIENT_BOOSTING), ModelKind.fromId("gradient-boosting"));
        assertEquals(ModelKind.of(Baseline.LOGISTIC_REGRESSION), ModelKind.fromId("logistic_regression"));
        assertEquals(ModelKind.of(Architecture.TCN), ModelKind.fromId("TCN"));
        GestureLabException e = assertThrows(GestureLabException.class, () -> ModelKind.fromId("svm"));
        assertTrue(e.getMessage().contains("random-forest") && e.getMessage().contains("default"), e.getMessage());
    }
}

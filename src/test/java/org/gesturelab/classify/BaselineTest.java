package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.gesturelab.core.TaskMonitor;
import org.junit.jupiter.api.Test;

class BaselineTest {

    @Test
    void everyBaselineLearnsTheSyntheticGestures() {
        LabeledClips train = TestData.synthetic(3, 12, 11);
        LabeledClips test = TestData.synthetic(3, 6, 12);
        List<ModelComparison.Row> rows = ModelComparison.run(train, test, TrainingConfig.defaults(), List.of(),
                List.of(Baseline.values()), TaskMonitor.SILENT);
        assertEquals(Baseline.values().length, rows.size());
        for (ModelComparison.Row row : rows) {
            assertNull(row.failure(), row.model());
            assertTrue(row.evaluation().macroF1() >= 0.7, row.model() + ": " + row.evaluation().toTable());
            assertTrue(row.trainSeconds() > 0 && row.msPerClip() > 0, row.toString());
        }
        String table = ModelComparison.table(rows);
        assertTrue(table.contains("random-forest") && table.contains("ridge") && table.contains("macro F1"), table);
    }

    @Test
    void summaryHasFourStatisticsPerFeature() {
        LabeledClips train = TestData.synthetic(2, 3, 1);
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.POSE, 30);
        ClipSummary summary = ClipSummary.fit(train, extractor);
        double[][] rows = summary.summarize(train.clips());
        int d = extractor.dimension();
        assertEquals(4 * d, rows[0].length);
        assertEquals(4 * d, summary.featureNames().length);
        for (int f = 0; f < d; f++) {
            assertTrue(rows[0][2 * d + f] <= rows[0][f] && rows[0][f] <= rows[0][3 * d + f], "min <= mean <= max");
            assertTrue(rows[0][d + f] >= 0, "std >= 0");
        }
    }

    @Test
    void versionTwoAddsSpeedAndTheThirdsOfTheClip() {
        LabeledClips train = TestData.synthetic(2, 3, 1);
        FeatureExtractor extractor = new FeatureExtractor(FeatureSubset.POSE, 30, true);
        ClipSummary summary = ClipSummary.fit(train, extractor);
        double[][] rows = summary.summarize(train.clips());
        int d = extractor.dimension();
        assertEquals(8 * d, rows[0].length);
        assertEquals("speed0000", summary.featureNames()[4 * d]);
        assertEquals("last0000", summary.featureNames()[7 * d]);
        float[][] sequence = extractor.sequence(train.clips().get(0));
        summary.statistics().standardize(sequence, extractor.flagOfColumn());
        for (int f = 0; f < d; f++) {
            // The thirds of 30 frames are 10 frames each: their means average to the clip's mean.
            double thirds = (rows[0][5 * d + f] + rows[0][6 * d + f] + rows[0][7 * d + f]) / 3;
            assertEquals(rows[0][f], thirds, 1e-5, "feature " + f);
            double speed = 0;
            for (int t = 1; t < sequence.length; t++) {
                speed += Math.abs(sequence[t][f] - sequence[t - 1][f]);
            }
            assertEquals(speed / (sequence.length - 1), rows[0][4 * d + f], 1e-5, "speed of feature " + f);
        }
    }
}

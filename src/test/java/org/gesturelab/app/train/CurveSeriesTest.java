package org.gesturelab.app.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.gesturelab.app.train.TrainViewModel.HistoryRow;
import org.junit.jupiter.api.Test;

class CurveSeriesTest {

    private static HistoryRow row(int labels, double f1, String session) {
        return new HistoryRow(1, labels, f1, f1, "entropy", 1, session);
    }

    @Test
    void anUndoAndRelabelKeepsOnePointPerLabelCountTheLatest() {
        var curves = CurveSeries.curves(List.of(row(20, 0.5, "interactive"), row(30, 0.6, "interactive"),
                row(30, 0.7, "interactive"), row(40, Double.NaN, "interactive")), List.of());
        assertEquals(1, curves.size());
        assertEquals(Map.of(20, 0.5, 30, 0.7), curves.get(0).points());
        assertEquals("your labels", curves.get(0).name());
    }

    @Test
    void onlyTheLatestSimulationIsDrawnUnderReadableNames() {
        var curves = CurveSeries.curves(List.of(), List.of(row(10, 0.4, "sim 1202-0910 entropy"),
                row(10, 0.3, "sim 1202-0910 random"), row(10, 0.5, "sim 1203-0733 entropy"),
                row(20, 0.6, "sim 1203-0733 entropy"), row(10, 0.45, "sim 1203-0733 random")));
        assertEquals(List.of("your labels", "simulated entropy, 07:33", "simulated random, 07:33"),
                curves.stream().map(CurveSeries.Curve::name).toList());
        assertEquals(Map.of(10, 0.5, 20, 0.6), curves.get(1).points());
    }
}

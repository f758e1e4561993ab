package org.gesturelab.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final List<String> CLASSES = List.of("a", "b", "c");

    @Test
    void matchesHandComputedFigures() {
        // a: P 1/2 R 1/2 F1 1/2; b: P 2/3 R 1 F1 0.8; c: P 1 R 1/2 F1 2/3.
        Evaluation e = Evaluation.of(CLASSES, new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0});
        assertEquals(4.0 / 6, e.accuracy(), 1e-12);
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, e.macroF1(), 1e-12);
        assertEquals((0.5 + 0.8 + 2.0 / 3) / 3, e.weightedF1(), 1e-12);
        assertEquals(2.0 / 3, e.perClass().get(1).precision(), 1e-12);
        assertEquals(1.0, e.perClass().get(1).recall(), 1e-12);
        assertEquals(0.5, e.perClass().get(2).recall(), 1e-12);
        assertArrayEquals(new int[] {1, 1, 0}, e.confusionMatrix()[0]);
        assertArrayEquals(new int[] {1, 0, 1}, e.confusionMatrix()[2]);
    }

    @Test
    void weightedF1WeighsBySupportAndMacroSkipsAbsentClasses() {
        // c never occurs nor is predicted: it does not drag the macro average down.
        Evaluation e = Evaluation.of(CLASSES, new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 1});
        double f1a = 2 * 1.0 * (2.0 / 3) / (1 + 2.0 / 3);
        double f1b = 2 * 0.5 * 1.0 / 1.5;
        assertEquals((f1a + f1b) / 2, e.macroF1(), 1e-12);
        assertEquals((3 * f1a + f1b) / 4, e.weightedF1(), 1e-12);
        assertEquals(0, e.perClass().get(2).support());
    }

    @Test
    void refusesMismatchedOrEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(CLASSES, new int[] {0}, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(CLASSES, new int[] {}, new int[] {}));
        assertThrows(IllegalArgumentException.class, () -> Evaluation.of(CLASSES, new int[] {3}, new int[] {0}));
    }

    @Test
    void jsonHasSnakeCaseFiguresAndTheMatrixAndReadsBack() throws Exception {
        Evaluation e = Evaluation.of(CLASSES, new int[] {0, 1, 2, 2}, new int[] {0, 1, 2, 1});
        String json = Json.MAPPER.writeValueAsString(e);
        JsonNode node = Json.MAPPER.readTree(json);
        assertEquals(e.macroF1(), node.get("macro_f1").asDouble(), 1e-12);
        assertEquals(e.weightedF1(), node.get("weighted_f1").asDouble(), 1e-12);
        assertEquals(0.75, node.get("accuracy").asDouble(), 1e-12);
        assertEquals(1, node.get("confusion_matrix").get(2).get(1).asInt());
        Evaluation back = Json.MAPPER.readValue(json, Evaluation.class);
        assertEquals(e.macroF1(), back.macroF1(), 1e-12);
        assertEquals(e.perClass(), back.perClass());
        assertArrayEquals(e.confusionMatrix()[2], back.confusionMatrix()[2]);
    }

    @Test
    void tableListsEveryClass() {
        String table = Evaluation.of(CLASSES, new int[] {0, 1, 2}, new int[] {0, 1, 1}).toTable();
        assertTrue(table.contains("macro F1"), table);
        for (String name : CLASSES) {
            assertTrue(table.contains(name), table);
        }
    }
}

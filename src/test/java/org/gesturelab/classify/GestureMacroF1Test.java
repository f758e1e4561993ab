package org.gesturelab.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class GestureMacroF1Test {

    @Test
    void theGestureMacroF1LeavesNothingOut() throws Exception {
        // Nothing perfect (4 of 4), wave 1 of 2 right, stop 2 of 2 with one wave taken for stop.
        List<String> classes = List.of("Nothing", "wave", "stop");
        Evaluation e = Evaluation.of(classes, new int[] {0, 0, 0, 0, 1, 1, 2, 2}, new int[] {0, 0, 0, 0, 1, 2, 2, 2});
        double wave = 2 * 1.0 * 0.5 / 1.5;
        double stop = 2 * (2 / 3.0) * 1.0 / (2 / 3.0 + 1.0);
        assertEquals((wave + stop) / 2, e.gestureMacroF1(), 1e-12);
        assertEquals((1 + wave + stop) / 3, e.macroF1(), 1e-12);
        JsonNode json = Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(e));
        assertEquals(e.gestureMacroF1(), json.get("gesture_macro_f1").asDouble(), 1e-12);
        assertTrue(e.toTable().contains("without Nothing"));
        Evaluation back = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(e), Evaluation.class);
        assertEquals(e.macroF1(), back.macroF1(), 1e-12);
        // Without a Nothing class it is the plain macro F1.
        Evaluation plain = Evaluation.of(List.of("a", "b"), new int[] {0, 1, 1}, new int[] {0, 1, 0});
        assertEquals(plain.macroF1(), plain.gestureMacroF1(), 1e-12);
    }
}

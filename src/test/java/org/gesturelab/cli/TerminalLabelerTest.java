package org.gesturelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.active.Labeler;
import org.gesturelab.active.RankedBatch;
import org.gesturelab.active.RankedClip;
import org.junit.jupiter.api.Test;

class TerminalLabelerTest {

    private static final List<String> CLASSES = List.of("Like", "Fire works", "Heart");

    private static RankedBatch batch(int n) {
        List<RankedClip> clips = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            clips.add(new RankedClip(10 + i, i + 1, 1.0 - i * 0.1, new RankedClip.Why("entropy", 1.0 - i * 0.1, 2,
                    -1, 0)));
        }
        return new RankedBatch(1, "entropy", 6, clips);
    }

    /**
     * Runs the labeler against a store that starts with one answer from a previous batch (clip 3) and records
     * what is saved and undone, in order.
     */
    private static Labeler.Result run(String typed, StringWriter out, List<Labeler.Answer> saved, RankedBatch batch) {
        saved.add(new Labeler.Answer(3, 0));
        TerminalLabeler labeler = new TerminalLabeler(new BufferedReader(new StringReader(typed)),
                new PrintWriter(out, true), CLASSES, id -> "source " + id, saved::add, () -> {
                    Labeler.Answer undone = saved.remove(saved.size() - 1);
                    return "Undid clip " + undone.clipId() + ".";
                });
        return labeler.label(batch);
    }

    @Test
    void promptNumbersTheClassesLikeTheOriginalTool() {
        StringWriter out = new StringWriter();
        run("1\n", out, new ArrayList<>(), batch(1));
        assertTrue(out.toString().contains(
                "Select action (1: Like, 2: Fire works, 3: Heart, q: Skip, u: Undo, x: Stop):"), out.toString());
        assertTrue(out.toString().contains("[1/1] clip 10 (source 10), model guesses 'Heart'; entropy 1.000"),
                out.toString());
    }

    @Test
    void labelsSkipsAndUndoesWithinTheBatch() {
        StringWriter out = new StringWriter();
        List<Labeler.Answer> saved = new ArrayList<>();
        // clip 10 -> 1, clip 11 -> skip, undo (back to 11), clip 11 -> 3, bad input, clip 12 -> 2
        Labeler.Result result = run("1\nq\nu\n3\n7\nhello\n2\n", out, saved, batch(3));
        assertFalse(result.stop());
        List<Labeler.Answer> expected = List.of(new Labeler.Answer(10, 0), new Labeler.Answer(11, 2),
                new Labeler.Answer(12, 1));
        assertEquals(expected, result.answers());
        assertEquals(new Labeler.Answer(3, 0), saved.get(0), "the previous batch's answer stays");
        assertEquals(expected, saved.subList(1, saved.size()), "the skip was saved, then undone in the store");
        assertTrue(out.toString().contains("Undone: back to clip 11."));
        assertTrue(out.toString().contains("Type a number from 1 to 3"));
    }

    @Test
    void undoAtTheFirstClipReachesIntoThePreviousBatch() {
        StringWriter out = new StringWriter();
        List<Labeler.Answer> saved = new ArrayList<>();
        Labeler.Result result = run("u\n2\n", out, saved, batch(1));
        assertTrue(out.toString().contains("Undid clip 3."));
        assertEquals(List.of(new Labeler.Answer(10, 1)), result.answers());
        assertEquals(List.of(new Labeler.Answer(10, 1)), saved);
    }

    @Test
    void everyAnswerIsSavedBeforeTheNextPrompt() {
        List<Labeler.Answer> saved = new ArrayList<>();
        // Input ends after one answer, as when the user presses Ctrl+D or the process dies: it is already stored.
        run("2\n", new StringWriter(), saved, batch(3));
        assertEquals(List.of(new Labeler.Answer(3, 0), new Labeler.Answer(10, 1)), saved);
    }

    @Test
    void stopAndEndOfInputKeepTheAnswersSoFar() {
        Labeler.Result stopped = run("2\nx\n", new StringWriter(), new ArrayList<>(), batch(3));
        assertTrue(stopped.stop());
        assertEquals(List.of(new Labeler.Answer(10, 1)), stopped.answers());
        Labeler.Result ended = run("q\n", new StringWriter(), new ArrayList<>(), batch(3));
        assertTrue(ended.stop());
        assertEquals(List.of(new Labeler.Answer(10, Labeler.Answer.SKIPPED)), ended.answers());
    }
}

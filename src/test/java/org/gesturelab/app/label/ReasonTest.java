package org.gesturelab.app.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.gesturelab.active.RankedClip;
import org.junit.jupiter.api.Test;

class ReasonTest {

    private static final List<String> NAMES = List.of("yes", "no", "please");

    @Test
    void theReasonNamesTheTwoClassesTheModelHesitatesBetween() {
        assertEquals("The model is split between no (48 %) and please (41 %).", Reason.of(
                new RankedClip.Why("entropy", 1.307, 1, -1, 0), new float[] {0.11f, 0.48f, 0.41f}, NAMES));
        assertEquals("The model is fairly sure it is yes (98 %).", Reason.of(
                new RankedClip.Why("entropy", 0.1, 0, -1, 0), new float[] {0.98f, 0.01f, 0.01f}, NAMES));
    }

    @Test
    void withoutAModelTheClipWasPickedAtRandom() {
        assertEquals("Picked at random: there is no model yet to ask.", Reason.of(
                new RankedClip.Why("random", 0, -1, -1, 0), null, NAMES));
    }
}

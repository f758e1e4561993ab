package org.gesturelab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.Node;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ProbabilityBarsTest {

    private static final List<ProbabilityBars.ClassColor> CLASSES = List.of(
            new ProbabilityBars.ClassColor("Nothing", "#9ca3af"), new ProbabilityBars.ClassColor("wave", "#f59e0b"),
            new ProbabilityBars.ClassColor("point", "#3b82f6"), new ProbabilityBars.ClassColor("stop", "#10b981"));

    @Start
    void start(Stage stage) {
        // The toolkit is all these tests need; the bars are laid out without a window.
    }

    private static List<String> order(ProbabilityBars bars) {
        List<String> ids = new ArrayList<>();
        for (Node row : bars.getChildren()) {
            ids.add(row.getId());
        }
        return ids;
    }

    @Test
    void likeliestFirstOrdersRowsByProbabilityAndKeepsWhatEachRowPicks(FxRobot robot) {
        List<Integer> picked = new ArrayList<>();
        ProbabilityBars[] holder = new ProbabilityBars[1];
        robot.interact(() -> {
            holder[0] = new ProbabilityBars();
            holder[0].setClasses(CLASSES);
            holder[0].setOnPick(picked::add);
            holder[0].setLikeliestFirst(true);
            holder[0].setProbabilities(new float[] {0.05f, 0.2f, 0.7f, 0.05f});
        });
        ProbabilityBars bars = holder[0];
        assertEquals(List.of("probability-2", "probability-1", "probability-0", "probability-3"), order(bars),
                "likeliest first; the two at 5 % keep the classes' order");
        assertEquals(0.7, bars.shown(2), 1e-6);
        // A click on the top row picks its class, not the class that used to be first.
        robot.interact(() -> bars.getChildren().get(0).fireEvent(new javafx.scene.input.MouseEvent(
                javafx.scene.input.MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1,
                false, false, false, false, true, false, false, true, false, false, null)));
        assertEquals(List.of(2), picked);
        // No probabilities: back to the classes' order.
        robot.interact(() -> bars.setProbabilities(null));
        assertEquals(List.of("probability-0", "probability-1", "probability-2", "probability-3"), order(bars));
    }

    @Test
    void liveKeepsTheClassesOrder(FxRobot robot) {
        ProbabilityBars[] holder = new ProbabilityBars[1];
        robot.interact(() -> {
            holder[0] = new ProbabilityBars();
            holder[0].setClasses(CLASSES);
            holder[0].setProbabilities(new float[] {0.05f, 0.2f, 0.7f, 0.05f});
        });
        assertEquals(List.of("probability-0", "probability-1", "probability-2", "probability-3"), order(holder[0]));
    }
}

package org.gesturelab.active;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationSummaryTest {

    private static Simulation.Run run(String strategy, long seed, double target, double... f1ByRound) {
        List<CurvePoint> iterations = new ArrayList<>();
        for (int r = 0; r < f1ByRound.length; r++) {
            iterations.add(new CurvePoint(r, 10 + 10 * r, f1ByRound[r], f1ByRound[r], f1ByRound[r],
                    r == 0 ? "initial" : strategy, 0.1));
        }
        return new Simulation.Run(strategy, seed, target, iterations, ActiveLearningLoop.StopReason.TARGET_REACHED);
    }

    @Test
    void areaIsTheMeanF1OverTheLabelRangeWithTheLastModelKept() {
        Simulation.Run r = run("entropy", 1, 0.8, 0.5, 0.7, 0.9);
        // Points (10, .5), (20, .7), (30, .9); flat at .9 until 50.
        double area = 10 * 0.6 + 10 * 0.8 + 20 * 0.9;
        assertEquals(area / 40, r.aulc(10, 50), 1e-12);
        assertEquals(30, r.labelsToTarget());
        assertEquals(0.7, r.macroF1At(25), 1e-12);
        assertEquals(0.9, r.macroF1At(100), 1e-12);
        assertTrue(Double.isNaN(r.macroF1At(5)));
    }

    @Test
    void labelsToTargetIsTheMedianWithUnreachedRunsCountedAsInfinite() {
        List<Simulation.Run> runs = List.of(
                run("random", 1, 0.8, 0.5, 0.6, 0.7, 0.8),   // 40
                run("random", 2, 0.8, 0.5, 0.6, 0.8),        // 30
                run("random", 3, 0.8, 0.5, 0.6, 0.7),        // never
                run("margin", 1, 0.8, 0.5, 0.8),             // 20
                run("margin", 2, 0.8, 0.5, 0.9),             // 20
                run("margin", 3, 0.8, 0.5, 0.6, 0.85),       // 30
                run("bald", 1, 0.8, 0.5),                    // never
                run("bald", 2, 0.8, 0.5),                    // never
                run("bald", 3, 0.8, 0.5, 0.9));              // 20
        List<Simulation.Summary> summaries = Simulation.summarize(runs, List.of("random", "margin", "bald"), 10, 40);
        Simulation.Summary random = summaries.get(0);
        assertEquals(40.0, random.labelsToTarget());
        assertEquals(2, random.reached());
        assertEquals(1.0, random.ratioToRandom());
        Simulation.Summary margin = summaries.get(1);
        assertEquals(20.0, margin.labelsToTarget());
        assertEquals(0.5, margin.ratioToRandom(), 1e-12);
        assertEquals((0.8 + 0.9 + 0.85) / 3, margin.finalF1(), 1e-12);
        Simulation.Summary bald = summaries.get(2);
        assertNull(bald.labelsToTarget());
        assertNull(bald.ratioToRandom());
        assertEquals(1, bald.reached());
    }

    @Test
    void writesCurvesSummaryAndAReadablePlot(@TempDir Path dir) throws Exception {
        List<Simulation.Run> runs = List.of(run("random", 1, 0.8, 0.5, 0.6, 0.8), run("random", 2, 0.8, 0.4, 0.7),
                run("entropy", 1, 0.8, 0.5, 0.85), run("entropy", 2, 0.8, 0.4, 0.9));
        List<Simulation.Summary> summaries = Simulation.summarize(runs, List.of("random", "entropy"), 10, 30);
        Simulation.Result result = new Simulation.Result(0.8, 0.84, 10, 30, 100, 20, runs, summaries, 1.5);
        LearningCurves.writeCurvesCsv(result, dir.resolve("curves.csv"));
        LearningCurves.writeSummaryCsv(result, dir.resolve("summary.csv"));
        LearningCurves.writePlot(result, dir.resolve("plot.png"), "test");
        List<String> curves = Files.readAllLines(dir.resolve("curves.csv"));
        assertEquals("strategy,seed,round,labels,macro_f1,weighted_f1,accuracy,seconds,target_f1", curves.get(0));
        assertEquals(1 + 3 + 2 + 2 + 2, curves.size());
        assertEquals("random,1,2,30,0.80000,0.80000,0.80000,0.100,0.80000", curves.get(3));
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        // Random reached the target in one run of two: its median, and so the ratio, is unknown.
        assertEquals("random,,1,2,0.62500,0.75000,", summary.get(1));
        assertEquals("entropy,20.0,2,2,0.76875,0.87500,", summary.get(2));
        BufferedImage image = ImageIO.read(dir.resolve("plot.png").toFile());
        assertEquals(960, image.getWidth());
        assertEquals(600, image.getHeight());
        // Something other than the white background was drawn inside the plot area.
        int coloured = 0;
        for (int x = 80; x < 760; x += 4) {
            for (int y = 60; y < 530; y += 4) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                int r = rgb >> 16;
                int b = rgb & 0xff;
                if (Math.abs(r - b) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 20, "no coloured curve pixels: " + coloured);
    }
}

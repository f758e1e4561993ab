package org.gesturelab.active;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import javax.imageio.ImageIO;

/**
 * Writes a simulation's learning curves: every iteration as CSV, the per-strategy summary as CSV, and a PNG of macro
 * F1 against the number of labels (mean over seeds as a line, min to max as a band, the target dashed). The plot is
 * drawn with plain AWT in headless mode, so it works on servers and in CI.
 */
public final class LearningCurves {

    private static final Color[] PALETTE = {
        new Color(0x55, 0x55, 0x55), new Color(0x1f, 0x77, 0xb4), new Color(0xff, 0x7f, 0x0e),
        new Color(0x2c, 0xa0, 0x2c), new Color(0xd6, 0x27, 0x28), new Color(0x94, 0x67, 0xbd),
        new Color(0x8c, 0x56, 0x4b), new Color(0xe3, 0x77, 0xc2),
    };

    private LearningCurves() {
    }

    /**
     * Writes one row per iteration of every run.
     *
     * @param result the simulation
     * @param file the CSV file
     * @throws IOException if it cannot be written
     */
    public static void writeCurvesCsv(Simulation.Result result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("strategy,seed,round,labels,macro_f1,weighted_f1,accuracy,seconds,target_f1\n");
            for (Simulation.Run run : result.runs()) {
                for (CurvePoint it : run.iterations()) {
                    out.write(String.format(Locale.ROOT, "%s,%d,%d,%d,%.5f,%.5f,%.5f,%.3f,%.5f%n", run.strategy(),
                            run.seed(), it.round(), it.labels(), it.macroF1(), it.weightedF1(), it.accuracy(),
                            it.seconds(), run.targetF1()));
                }
            }
        }
    }

    /**
     * Writes one row per strategy.
     *
     * @param result the simulation
     * @param file the CSV file
     * @throws IOException if it cannot be written
     */
    public static void writeSummaryCsv(Simulation.Result result, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("strategy,labels_to_target,reached,runs,aulc,final_f1,ratio_to_random\n");
            for (Simulation.Summary s : result.summaries()) {
                out.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%.5f,%.5f,%s%n", s.strategy(),
                        s.labelsToTarget() == null ? "" : String.format(Locale.ROOT, "%.1f", s.labelsToTarget()),
                        s.reached(), s.runs(), s.aulc(), s.finalF1(),
                        s.ratioToRandom() == null ? "" : String.format(Locale.ROOT, "%.3f", s.ratioToRandom())));
            }
        }
    }

    /**
     * Draws macro F1 against labels, one colour per strategy.
     *
     * @param result the simulation
     * @param file the PNG file
     * @param title the title above the plot
     * @throws IOException if it cannot be written
     */
    public static void writePlot(Simulation.Result result, Path file, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 960;
        int height = 600;
        int left = 70;
        int right = 190;
        int top = 50;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int plotWidth = width - left - right;
            int plotHeight = height - top - bottom;
            double xMin = result.initialLabels();
            double xMax = Math.max(result.maxLabels(), xMin + 1);
            double yMin = Math.max(0, Math.floor(minF1(result) * 10) / 10);
            double yMax = 1.0;
            Axis x = new Axis(xMin, xMax, left, left + plotWidth);
            Axis y = new Axis(yMin, yMax, top + plotHeight, top);

            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics metrics = g.getFontMetrics();
            g.setColor(new Color(0xe8, 0xe8, 0xe8));
            for (double v = yMin; v <= yMax + 1e-9; v += 0.1) {
                g.drawLine(left, y.map(v), left + plotWidth, y.map(v));
            }
            double step = niceStep((xMax - xMin) / 8);
            for (double v = Math.ceil(xMin / step) * step; v <= xMax + 1e-9; v += step) {
                g.drawLine(x.map(v), top, x.map(v), top + plotHeight);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawRect(left, top, plotWidth, plotHeight);
            for (double v = yMin; v <= yMax + 1e-9; v += 0.1) {
                String label = String.format(Locale.ROOT, "%.1f", v);
                g.drawString(label, left - 8 - metrics.stringWidth(label), y.map(v) + metrics.getAscent() / 2 - 1);
            }
            for (double v = Math.ceil(xMin / step) * step; v <= xMax + 1e-9; v += step) {
                String label = String.format(Locale.ROOT, "%.0f", v);
                g.drawString(label, x.map(v) - metrics.stringWidth(label) / 2, top + plotHeight + 18);
            }
            g.drawString("labeled clips", left + plotWidth / 2 - metrics.stringWidth("labeled clips") / 2,
                    height - 18);
            Graphics2D rotated = (Graphics2D) g.create();
            rotated.rotate(-Math.PI / 2);
            rotated.drawString("macro F1 on the test split", -(top + plotHeight / 2) - 70, 20);
            rotated.dispose();
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(title, left, 30);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));

            // Target line.
            g.setColor(new Color(0x99, 0x99, 0x99));
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {6, 5}, 0));
            g.drawLine(left, y.map(result.targetF1()), left + plotWidth, y.map(result.targetF1()));
            g.setStroke(new BasicStroke(1f));
            g.drawString(String.format(Locale.ROOT, "target %.3f", result.targetF1()), left + 6,
                    y.map(result.targetF1()) - 5);

            List<String> strategies = result.summaries().stream().map(Simulation.Summary::strategy).toList();
            int legendY = top + 10;
            for (int s = 0; s < strategies.size(); s++) {
                String strategy = strategies.get(s);
                Color color = PALETTE[s % PALETTE.length];
                List<Simulation.Run> runs = result.runs().stream().filter(r -> r.strategy().equals(strategy))
                        .toList();
                TreeSet<Integer> grid = new TreeSet<>();
                runs.forEach(r -> r.iterations().forEach(i -> grid.add(i.labels())));
                grid.add(result.maxLabels());
                Path2D mean = new Path2D.Double();
                Path2D band = new Path2D.Double();
                List<Integer> xs = List.copyOf(grid);
                double[] lows = new double[xs.size()];
                for (int i = 0; i < xs.size(); i++) {
                    double sum = 0;
                    double low = Double.POSITIVE_INFINITY;
                    double high = Double.NEGATIVE_INFINITY;
                    for (Simulation.Run run : runs) {
                        double f1 = run.macroF1At(xs.get(i));
                        sum += f1;
                        low = Math.min(low, f1);
                        high = Math.max(high, f1);
                    }
                    lows[i] = low;
                    int px = x.map(xs.get(i));
                    if (i == 0) {
                        mean.moveTo(px, y.map(sum / runs.size()));
                        band.moveTo(px, y.map(high));
                    } else {
                        mean.lineTo(px, y.map(sum / runs.size()));
                        band.lineTo(px, y.map(high));
                    }
                }
                for (int i = xs.size() - 1; i >= 0; i--) {
                    band.lineTo(x.map(xs.get(i)), y.map(lows[i]));
                }
                band.closePath();
                g.setColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 40));
                g.fill(band);
                g.setColor(color);
                g.setStroke(new BasicStroke(strategy.equals("random") ? 2.5f : 2f));
                g.draw(mean);
                g.fillRect(left + plotWidth + 10, legendY + 24 * s + 40, 18, 4);
                g.drawString(strategy, left + plotWidth + 34, legendY + 24 * s + 46);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString("line: mean of " + seedsOf(result) + " seeds", left + plotWidth + 8,
                    legendY + 24 * strategies.size() + 60);
            g.drawString("band: min to max", left + plotWidth + 8, legendY + 24 * strategies.size() + 76);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    private static long seedsOf(Simulation.Result result) {
        return result.runs().stream().mapToLong(Simulation.Run::seed).distinct().count();
    }

    private static double minF1(Simulation.Result result) {
        return result.runs().stream().flatMap(r -> r.iterations().stream()).mapToDouble(CurvePoint::macroF1).min()
                .orElse(0);
    }

    private static double niceStep(double raw) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1e-9))));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * magnitude >= raw) {
                return Math.max(1, factor * magnitude);
            }
        }
        return Math.max(1, 10 * magnitude);
    }

    /** Maps data values linearly to pixels. */
    private record Axis(double min, double max, int from, int to) {
        int map(double value) {
            return (int) Math.round(from + (value - min) / (max - min) * (to - from));
        }
    }
}

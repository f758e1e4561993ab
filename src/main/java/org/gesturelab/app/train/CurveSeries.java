package org.gesturelab.app.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.gesturelab.app.train.TrainViewModel.HistoryRow;

/**
 * The points and names the learning curve draws: one point per label count (the latest round at that count, so an
 * undo and relabel does not stack a second point), and legend names a person reads ("simulated entropy, 07:33"),
 * for the user's rounds and the most recent simulation only, so no old curve hides the new one.
 */
final class CurveSeries {

    /** The legend name of the user's own rounds. */
    static final String YOURS = "your labels";

    private static final Pattern SIMULATION = Pattern.compile("sim (\\d{2})(\\d{2})-(\\d{2})(\\d{2}) (.+)");

    /**
     * One curve.
     *
     * @param name its legend name
     * @param points label count to macro F1, in increasing label count
     * @param simulated whether it comes from a simulation
     */
    record Curve(String name, Map<Integer, Double> points, boolean simulated) {
    }

    private CurveSeries() {
    }

    /**
     * Returns the curves to draw.
     *
     * @param history the user's rounds
     * @param simulations the simulations' rounds, oldest session first
     * @return the user's curve (possibly empty) followed by the latest simulation's curves
     */
    static List<Curve> curves(List<HistoryRow> history, List<HistoryRow> simulations) {
        List<Curve> curves = new ArrayList<>();
        curves.add(new Curve(YOURS, points(history), false));
        Map<String, List<HistoryRow>> bySession = new LinkedHashMap<>();
        for (HistoryRow row : simulations) {
            bySession.computeIfAbsent(row.session(), s -> new ArrayList<>()).add(row);
        }
        // Sessions of one simulation share their stamp; only the latest stamp is drawn.
        String latest = null;
        for (String session : bySession.keySet()) {
            String stamp = stamp(session);
            if (latest == null || stamp.compareTo(latest) >= 0) {
                latest = stamp;
            }
        }
        for (Map.Entry<String, List<HistoryRow>> entry : bySession.entrySet()) {
            if (stamp(entry.getKey()).equals(latest)) {
                Map<Integer, Double> points = points(entry.getValue());
                if (!points.isEmpty()) {
                    curves.add(new Curve(legendName(entry.getKey()), points, true));
                }
            }
        }
        return curves;
    }

    /**
     * Returns the legend name of a simulation session.
     *
     * @param session for example {@code sim 1203-0733 entropy}
     * @return for example {@code simulated entropy, 07:33}; other names unchanged
     */
    static String legendName(String session) {
        Matcher m = SIMULATION.matcher(session);
        if (!m.matches()) {
            return session;
        }
        return "simulated " + m.group(5) + ", " + m.group(3) + ":" + m.group(4);
    }

    private static String stamp(String session) {
        Matcher m = SIMULATION.matcher(session);
        return m.matches() ? m.group(1) + m.group(2) + m.group(3) + m.group(4) : session;
    }

    private static Map<Integer, Double> points(List<HistoryRow> rows) {
        Map<Integer, Double> points = new TreeMap<>();
        for (HistoryRow row : rows) {
            if (!Double.isNaN(row.macroF1())) {
                points.put(row.labels(), row.macroF1());
            }
        }
        return points;
    }
}

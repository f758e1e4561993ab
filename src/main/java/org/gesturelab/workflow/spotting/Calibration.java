package org.gesturelab.workflow.spotting;

import org.gesturelab.dataset.KeypointStream;
import org.gesturelab.dataset.Segment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gesturelab.classify.ModelStore;
import org.gesturelab.classify.spotting.GestureSpotter;
import org.gesturelab.classify.spotting.SlidingWindow;
import org.gesturelab.classify.spotting.SpottedEvent;
import org.gesturelab.classify.spotting.SpottingSettings;
import org.gesturelab.classify.spotting.StreamGenerator;
import org.gesturelab.classify.spotting.StreamReport;
import org.gesturelab.classify.spotting.StreamScore;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;

/**
 * {@code calibrate}: per-class start thresholds chosen so that the spotter meets a false-activation target on the
 * project's test clips played as streams (gestures among Nothing at an idle fraction of 0.7, plus the Nothing clips
 * alone), losing as little recall as it can.
 *
 * <p>The classifier runs once per stream and candidate window (the project's sequence length, two thirds and one and
 * a half of it); the search then only replays the spotter over the stored probabilities, for each window and
 * minimum event length, and keeps the combination that meets the target with the most recall.
 * It starts with every threshold at {@value #LOWEST} (most recall, most false activations) and, while the rate is
 * above the target, raises by one step the threshold of the class whose raise removes the most false activations
 * per match lost; under the target it goes on while such a step raises the event F1. Of all windows, minimum
 * lengths and smoothings, the one meeting the target with the best event F1 wins. Every step is a point of the trade-off curve (false activations per hour against recall) that the
 * result carries for a chart.
 *
 * @param before the figures with the settings in use before
 * @param after the figures with the chosen thresholds
 * @param settings the chosen settings (written beside the model)
 * @param curve the trade-off points visited, first to last
 * @param reached whether the target was met
 * @param modelFolder the model calibrated, beside which the settings were written
 */
public record Calibration(StreamReport before, StreamReport after, SpottingSettings settings,
        List<CurvePoint> curve, boolean reached, Path modelFolder) {

    /**
     * Copies the curve.
     */
    public Calibration {
        curve = List.copyOf(curve);
    }

    /** The lowest start threshold tried. */
    public static final double LOWEST = 0.3;
    private static final double[] GRID = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
        0.93, 0.95, 0.97, 0.98, 0.99, 0.995, 1.0};
    private static final int STREAMS = 8;
    /** Minimum event durations tried; the one that keeps most recall under the target wins. */
    private static final int[] MIN_FRAMES = {4, 8, 12, 16};
    private static final double IDLE_FRACTION = 0.7;
    /** Moving-average lengths tried: the default and a longer one (chosen on train-people streams, decision 1110). */
    private static final int[] SMOOTHING = {5, 9};

    /**
     * One point of the trade-off.
     *
     * @param faPerHour false activations per hour of Nothing
     * @param recall event recall
     * @param thresholds the thresholds that gave it
     */
    public record CurvePoint(double faPerHour, double recall, Map<String, Double> thresholds) {
    }

    /**
     * Calibrates the project's current model and stores the thresholds beside it.
     *
     * @param project the open project
     * @param targetFaPerHour false activations per hour of Nothing to stay under
     * @param fps frames per second the streams are played at
     * @param seed the seed of the streams
     * @param monitor progress and cancel
     * @return the calibration
     * @throws IOException if the settings cannot be written
     * @throws GestureLabException if there is no model, no Nothing class or no test clips
     */
    public static Calibration calibrate(Project project, double targetFaPerHour, double fps, long seed,
            TaskMonitor monitor) throws IOException {
        if (!(targetFaPerHour >= 0)) {
            throw new GestureLabException("The false-activation target must be zero or more per hour.");
        }
        try (Spotting spotting = Spotting.load(project)) {
            SpottingSettings start = spotting.calibrated() ? spotting.settings() : Spotting.defaults(project);
            if (start.nothingClass() == null) {
                throw new GestureLabException("Calibration needs a Nothing class with clips in the test split.");
            }
            LabeledClips test = project.labeledClips(ClipState.TEST);
            int nothing = test.classes().indexOf(start.nothingClass());
            if (java.util.Arrays.stream(test.labels()).noneMatch(label -> label == nothing)) {
                // Said for the app and the command line alike: the streams need idle time between gestures.
                throw new GestureLabException("Calibration plays the test clips as a stream with idle time between "
                        + "the gestures, taken from test clips of the " + start.nothingClass() + " class, and there "
                        + "are none. Record some idle footage with \"Record nothing\" (or import it into that class), "
                        + "keep some of it as test clips, then calibrate again.");
            }
            List<KeypointStream> streams = new ArrayList<>(StreamMaking.build(project,
                    new StreamMaking.Options(ClipState.TEST, IDLE_FRACTION, STREAMS, seed)));
            streams.addAll(StreamGenerator.generate(test, Set.of(start.nothingClass()), 1, 1, seed));
            List<String> classes = spotting.classifier().classes();
            StreamReport before = null;
            Result best = null;
            Search bestSearch = null;
            List<Integer> windows = candidateWindows(project.sequenceLength(), spotting.settings().window());
            for (int w = 0; w < windows.size(); w++) {
                SpottingSettings windowed = start.withWindow(windows.get(w));
                List<float[][]> probabilities = new ArrayList<>();
                for (int i = 0; i < streams.size(); i++) {
                    monitor.update("Recognizing the calibration streams", (long) w * streams.size() + i,
                            (long) windows.size() * streams.size());
                    probabilities.add(SlidingWindow.probabilities(spotting.classifier(), windowed,
                            streams.get(i).frames(), TaskMonitor.SILENT));
                    monitor.checkCancelled();
                }
                Search search = new Search(classes, streams, probabilities, fps);
                if (windows.get(w) == spotting.settings().window()) {
                    before = search.score(spotting.settings()).report(fps);
                }
                for (int minFrames : MIN_FRAMES) {
                    for (int smoothing : SMOOTHING) {
                        Result result = search(search, classes, windowed.withMinFrames(minFrames)
                                .withSmoothing(smoothing), targetFaPerHour, fps, monitor);
                        if (best == null || result.better(best, targetFaPerHour, fps)) {
                            best = result;
                            bestSearch = search;
                        }
                    }
                }
            }
            SpottingSettings current = best.settings();
            Outcome outcome = best.outcome();
            List<CurvePoint> curve = best.curve();
            boolean reached = outcome.faPerHour(fps) <= targetFaPerHour;
            StreamScore finalScore = bestSearch.score(current);
            long frames = streams.stream().mapToLong(s -> s.frames().length).sum();
            SpottingSettings chosen = current.withThresholds(current.thresholds(), new SpottingSettings.Calibration(
                    targetFaPerHour, outcome.faPerHour(fps), finalScore.recall() == null ? 0 : finalScore.recall(),
                    streams.size(), frames));
            chosen.write(spotting.modelFolder());
            return new Calibration(before, finalScore.report(fps), chosen, curve, reached, spotting.modelFolder());
        }
    }

    /**
     * Returns the trade-off as a chart shows it: the points of {@link #curve()}, one per place (the first setting
     * that reached it; the point calibration chose keeps its own), by rising false activations.
     *
     * @return the points
     */
    public List<CurvePoint> tradeOff() {
        CurvePoint chosen = curve.get(curve.size() - 1);
        List<CurvePoint> kept = new ArrayList<>();
        for (CurvePoint p : curve) {
            boolean samePlace = false;
            for (int k = 0; k < kept.size(); k++) {
                CurvePoint q = kept.get(k);
                if (q.faPerHour() == p.faPerHour() && q.recall() == p.recall()) {
                    samePlace = true;
                    if (p == chosen) {
                        kept.set(k, p);
                    }
                }
            }
            if (!samePlace) {
                kept.add(p);
            }
        }
        kept.sort(java.util.Comparator.comparingDouble(CurvePoint::faPerHour));
        return kept;
    }

    /**
     * Returns the settings of one point of the trade-off curve: the chosen window and durations with that point's
     * thresholds, noted with that point's figures.
     *
     * @param point a point of {@link #curve()}
     * @return the settings
     */
    public SpottingSettings settingsAt(CurvePoint point) {
        SpottingSettings.Calibration note = settings.calibration();
        return settings.withThresholds(point.thresholds(), new SpottingSettings.Calibration(
                note.targetFaPerHour(), point.faPerHour(), point.recall(), note.streams(), note.frames()));
    }

    /**
     * Stores the thresholds of a point the user picked on the trade-off curve beside the model, where Live and
     * {@code evaluate-stream} read them.
     *
     * @param project the open project
     * @param point a point of {@link #curve()}
     * @return the settings written
     * @throws IOException if they cannot be written
     * @throws GestureLabException if the project's current model is no longer the one calibrated
     */
    public SpottingSettings choose(Project project, CurvePoint point) throws IOException {
        Path current = ModelStore.current(project.directory()).orElse(null);
        if (current == null || !current.toAbsolutePath().normalize().equals(modelFolder.toAbsolutePath()
                .normalize())) {
            throw new GestureLabException("The model changed since this calibration: calibrate it again.");
        }
        SpottingSettings picked = settingsAt(point);
        picked.write(modelFolder);
        return picked;
    }

    /** What one greedy search reached. */
    private record Result(SpottingSettings settings, Outcome outcome, List<CurvePoint> curve) {

        /** Meeting the target first, then recall, then fewer false activations. */
        boolean better(Result other, double target, double fps) {
            boolean meets = outcome.faPerHour(fps) <= target;
            boolean otherMeets = other.outcome.faPerHour(fps) <= target;
            if (meets != otherMeets) {
                return meets;
            }
            if (!meets) {
                return outcome.falseActivations() < other.outcome.falseActivations();
            }
            double f1 = outcome.f1();
            double otherF1 = other.outcome.f1();
            return f1 > otherF1 || (f1 == otherF1 && outcome.falseActivations() < other.outcome.falseActivations());
        }
    }

    /** Raises thresholds greedily from the lowest until the target is met or nothing can rise. */
    private static Result search(Search search, List<String> classes, SpottingSettings start,
            double targetFaPerHour, double fps, TaskMonitor monitor) {
        int[] level = new int[classes.size()];
        SpottingSettings current = start.withThresholds(thresholds(classes, level, start), null);
        Outcome outcome = search.outcome(current);
        List<CurvePoint> curve = new ArrayList<>();
        curve.add(outcome.point(current, fps));
        while (true) {
            boolean meets = outcome.faPerHour(fps) <= targetFaPerHour;
            monitor.checkCancelled();
            int bestClass = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            Outcome bestOutcome = null;
            for (int c = 0; c < classes.size(); c++) {
                if (classes.get(c).equals(start.nothingClass()) || level[c] == GRID.length - 1) {
                    continue;
                }
                level[c]++;
                Outcome trial = search.outcome(start.withThresholds(thresholds(classes, level, start), null));
                level[c]--;
                long removed = outcome.falseActivations() - trial.falseActivations();
                long lost = outcome.matched() - trial.matched();
                // Raising a class that causes false activations comes first even when it gains nothing at once.
                double gain = meets ? trial.f1()
                        : (removed + 0.01 * outcome.falseByClass()[c]) / (Math.max(0, lost) + 0.5);
                if (gain > bestGain) {
                    bestGain = gain;
                    bestClass = c;
                    bestOutcome = trial;
                }
            }
            // Under the target, the step that raises the event F1 most is taken, and none when none raises it.
            if (bestClass < 0 || (meets && !(bestOutcome.f1() > outcome.f1()))) {
                break;
            }
            level[bestClass]++;
            outcome = bestOutcome;
            current = start.withThresholds(thresholds(classes, level, start), null);
            curve.add(outcome.point(current, fps));
            monitor.update("Choosing thresholds", curve.size(), -1);
        }
        return new Result(current, outcome, curve);
    }

    /** The project's sequence length, two thirds and one and a half of it, and the window in use. */
    private static List<Integer> candidateWindows(int sequenceLength, int inUse) {
        java.util.TreeSet<Integer> windows = new java.util.TreeSet<>(List.of(Math.max(2, sequenceLength * 2 / 3),
                sequenceLength, sequenceLength * 3 / 2, inUse));
        return List.copyOf(windows);
    }

    private static Map<String, Double> thresholds(List<String> classes, int[] level, SpottingSettings start) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            if (!classes.get(c).equals(start.nothingClass())) {
                map.put(classes.get(c), GRID[level[c]]);
            }
        }
        return map;
    }

    /** Counts of one threshold setting over all calibration streams. */
    private record Outcome(long matched, long segments, long falseActivations, long nothingFrames,
            long[] falseByClass) {

        /** The event F1: every event that matches no segment is a false activation. */
        double f1() {
            long events = matched + falseActivations;
            return events + segments == 0 ? 0 : 2.0 * matched / (events + segments);
        }

        double faPerHour(double fps) {
            return nothingFrames == 0 ? 0 : falseActivations / (nothingFrames / fps / 3600.0);
        }

        CurvePoint point(SpottingSettings settings, double fps) {
            return new CurvePoint(faPerHour(fps), segments == 0 ? 0 : (double) matched / segments,
                    settings.thresholds());
        }
    }

    /** Replays the spotter over stored probabilities. */
    private record Search(List<String> classes, List<KeypointStream> streams, List<float[][]> probabilities,
            double fps) {

        StreamScore score(SpottingSettings settings) {
            StreamScore sum = StreamScore.EMPTY;
            for (int i = 0; i < streams.size(); i++) {
                sum = sum.plus(StreamScore.of(GestureSpotter.spot(classes, settings, probabilities.get(i)),
                        streams.get(i)));
            }
            return sum;
        }

        Outcome outcome(SpottingSettings settings) {
            long matched = 0;
            long segments = 0;
            long nothing = 0;
            long falseTotal = 0;
            long[] falseByClass = new long[classes.size()];
            for (int i = 0; i < streams.size(); i++) {
                List<SpottedEvent> events = GestureSpotter.spot(classes, settings, probabilities.get(i));
                KeypointStream stream = streams.get(i);
                StreamScore score = StreamScore.of(events, stream);
                matched += score.matchedEvents();
                segments += score.segments();
                nothing += score.nothingFrames();
                falseTotal += score.falseActivations();
                // Which class each false activation came from (first fit; only steers the search).
                boolean[] taken = new boolean[stream.segments().size()];
                for (SpottedEvent event : events) {
                    boolean hit = false;
                    for (int s = 0; s < taken.length && !hit; s++) {
                        Segment segment = stream.segments().get(s);
                        long overlap = segment.overlap(event.start(), event.end());
                        if (!taken[s] && segment.label().equals(event.label())
                                && 2 * overlap >= Math.min(segment.length(), event.length()) && overlap > 0) {
                            taken[s] = true;
                            hit = true;
                        }
                    }
                    if (!hit) {
                        falseByClass[event.classIndex()]++;
                    }
                }
            }
            return new Outcome(matched, segments, falseTotal, nothing, falseByClass);
        }
    }
}

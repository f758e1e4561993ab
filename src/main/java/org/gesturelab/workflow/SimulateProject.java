package org.gesturelab.workflow;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.active.GestureSet;
import org.gesturelab.active.CurvePoint;
import org.gesturelab.active.StoredLabelingData;
import org.gesturelab.active.Simulation;
import org.gesturelab.active.TrainerLearner;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;
import org.gesturelab.core.TaskMonitor;

/**
 * Runs {@link Simulation} on a project's own clips whose class is known (training clips, and pool clips imported
 * with a hidden label), scored on the project's test clips, and stores each simulated learning curve in the project
 * as a session of its own, so the Train screen can draw random sampling beside the user's curve. Random sampling
 * and the chosen strategy start from the same two labeled clips per gesture, with the true labels standing in for
 * the user.
 */
public final class SimulateProject {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMdd-HHmm", Locale.ROOT);

    /**
     * What to simulate.
     *
     * @param strategy the strategy to compare with random sampling
     * @param extraLabels how many labels each simulated run may add (at least 10)
     */
    public record Request(String strategy, int extraLabels) {
    }

    /**
     * What a simulation produced.
     *
     * @param result the simulation's curves and summaries
     * @param sessions the session names the curves were stored under
     */
    public record Outcome(Simulation.Result result, List<String> sessions) {

        /** Returns a one-line summary for the user. */
        public String describe() {
            StringBuilder text = new StringBuilder("Simulated:");
            for (Simulation.Summary summary : result.summaries()) {
                text.append(String.format(Locale.ROOT, " %s ends at macro F1 %.2f;", summary.strategy(),
                        summary.finalF1()));
            }
            return text.substring(0, text.length() - 1) + ".";
        }
    }

    /**
     * A project's clips of known class as a simulation pool, and its test clips.
     *
     * @param pool training clips and pool clips with a hidden label
     * @param test the test clips
     */
    public record Data(GestureSet pool, GestureSet test) {
    }

    private SimulateProject() {
    }

    /**
     * Reads a project's pool clips imported with a hidden label (for example windows cut from segmented recordings)
     * and its test clips, for {@code gesturelab simulate --project}: the pool the user would label, nothing else.
     *
     * @param project the project
     * @param withTraining whether the training clips join the pool too (what the app's simulation does)
     * @return the pool and the test set
     * @throws GestureLabException without known clips of two gestures or without test clips
     */
    public static Data data(Project project, boolean withTraining) {
        List<Clip> known = new ArrayList<>(withTraining ? project.clips(ClipState.TRAIN) : List.of());
        project.clips(ClipState.POOL).stream().filter(c -> c.hiddenLabel() != null).forEach(known::add);
        List<Clip> test = project.clips(ClipState.TEST);
        long classes = known.stream().map(c -> c.label() != null ? c.label() : c.hiddenLabel()).distinct().count();
        if (classes < 2 || test.isEmpty()) {
            throw new GestureLabException("A simulation needs clips of known class of at least two gestures (labeled, "
                    + "or imported into the pool with their labels) and some test clips; this project has "
                    + classes + " gestures with known clips and " + test.size() + " test clips.");
        }
        return new Data(gestureSet(project, known), gestureSet(project, test));
    }

    /**
     * Simulates and stores the curves.
     *
     * @param project the open, writable project
     * @param request the strategy and the label budget
     * @param monitor progress and cancellation
     * @return the curves and where they were stored
     * @throws GestureLabException without known clips of two gestures or without test clips
     */
    public static Outcome run(Project project, Request request, TaskMonitor monitor) {
        String strategy = request.strategy();
        int extraLabels = request.extraLabels();
        List<Clip> known = new ArrayList<>(project.clips(ClipState.TRAIN));
        project.clips(ClipState.POOL).stream().filter(c -> c.hiddenLabel() != null).forEach(known::add);
        List<Clip> test = project.clips(ClipState.TEST);
        long classes = known.stream().map(c -> c.label() != null ? c.label() : c.hiddenLabel()).distinct().count();
        if (classes < 2 || test.isEmpty()) {
            throw new GestureLabException("A simulation needs clips of known class of at least two gestures (labeled, "
                    + "or imported into the pool with their labels) and some test clips; this project has "
                    + classes + " gestures with known clips and " + test.size() + " test clips.");
        }
        GestureSet pool = gestureSet(project, known);
        GestureSet testSet = gestureSet(project, test);
        List<String> strategies = new ArrayList<>(new LinkedHashSet<>(List.of("random", strategy)));
        int initial = 2 * (int) classes;
        Simulation.Settings settings = new Simulation.Settings(strategies, 1, 2, 10, 0.95, 0,
                initial + Math.max(10, extraLabels), true, 1, 0.2, true, project.settings().nothingIndex());
        FeatureSubset subset = FeatureSubset.detect(pool.clips());
        Simulation simulation = new Simulation(seed -> {
            TrainingConfig base = TrainingConfig.defaults().withSeed(seed).withSubset(subset);
            return new TrainerLearner(base.withMaxEpochs(Retrain.INTERACTIVE_EPOCHS),
                    base.withMaxEpochs(Retrain.INTERACTIVE_WARM_EPOCHS));
        });
        Simulation.Result result = simulation.run(pool, testSet, settings, monitor);
        String stamp = LocalDateTime.now().format(STAMP);
        List<String> sessions = new ArrayList<>();
        for (Simulation.Run run : result.runs()) {
            String session = "sim " + stamp + " " + run.strategy();
            StoredLabelingData store = new StoredLabelingData(project, session, LabelSource.SIMULATION);
            for (CurvePoint point : run.iterations()) {
                store.recordIteration(point);
            }
            sessions.add(session);
        }
        return new Outcome(result, sessions);
    }

    private static GestureSet gestureSet(Project project, List<Clip> clips) {
        List<float[][]> frames = new ArrayList<>(clips.size());
        int[] labels = new int[clips.size()];
        List<String> recordings = new ArrayList<>(clips.size());
        for (int i = 0; i < clips.size(); i++) {
            Clip clip = clips.get(i);
            frames.add(project.loadKeypoints(clip));
            labels[i] = clip.label() != null ? clip.label() : clip.hiddenLabel();
            recordings.add(clip.recordingId() != null ? "recording " + clip.recordingId() : "clip " + clip.id());
        }
        return new GestureSet(frames, labels, project.classNames(), recordings);
    }
}

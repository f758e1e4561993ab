package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.active.GestureSet;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.SimulateProject;
import org.gesturelab.active.LearningCurves;
import org.gesturelab.active.QueryStrategies;
import org.gesturelab.active.Simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gesturelab simulate}: replays active learning on a labeled MP_Data set with the true labels as the oracle,
 * and reports how many labels each query strategy needs.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Replay active learning on a labeled MP_Data folder, the true labels acting as the user, "
                + "and compare query strategies: labels needed to reach the target F1, area under the learning "
                + "curve, ratio to random sampling.",
            "Writes curves.csv, summary.csv and learning-curves.png to --out."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** The pool: exactly one of an MP_Data folder and a project (picocli reports neither or both as misuse). */
    static final class PoolSource {
        @Option(names = "--mp-data", required = true, paramLabel = "PATH",
                description = "MP_Data folder (<gesture>/<sequence>/<frame>.npy) used as the pool.")
        Path mpData;

        @Option(names = "--project", required = true, paramLabel = "DIR",
                description = "Instead of --mp-data: a project's pool clips of known class (for example windows "
                        + "imported with --recording X.npy --segments X.segments.csv --as pool) as the pool, its test "
                        + "clips as the test set. Also reports how many gesture (not Nothing) clips each strategy "
                        + "found in its first K queries, K = 2 x the gesture clips in the pool (less the initial "
                        + "labels, which no query can find).")
        Path project;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    private PoolSource source = new PoolSource();

    private Path mpData;

    private Path project;

    /** The share of the pool held out when no separate test set is given. */
    private static final String DEFAULT_TEST_FRACTION = "0.2";

    @Option(names = "--test", paramLabel = "PATH",
            description = "A separately recorded MP_Data folder used as the test set. Without it, a stratified "
                    + "share of the pool (" + DEFAULT_TEST_FRACTION + ") is held out.")
    private Path testData;

    @Option(names = "--test-fraction", defaultValue = DEFAULT_TEST_FRACTION, paramLabel = "F", hidden = true)
    private double testFraction;

    @Option(names = "--strategies", split = ",", paramLabel = "NAME",
            defaultValue = "random,entropy,least-confidence,margin,bald,claus",
            description = "Strategies to compare (default: ${DEFAULT-VALUE}).")
    private List<String> strategies;

    @Option(names = "--seeds", defaultValue = "5",
            description = "Repetitions per strategy (default: ${DEFAULT-VALUE}).")
    private int seeds;

    @Option(names = "--seed", defaultValue = "1", description = "The first seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--init-per-class", defaultValue = "2",
            description = "Labeled clips per gesture before the first query (default: ${DEFAULT-VALUE}).")
    private int initPerClass;

    @Option(names = "--batch", defaultValue = "10",
            description = "Clips queried per round (default: ${DEFAULT-VALUE}).")
    private int batch;

    @ArgGroup(exclusive = true)
    private Target target = new Target();

    static final class Target {
        @Option(names = "--target-f1", paramLabel = "F1",
                description = "Stop a run at this macro F1 on the test set (default: 0.9).")
        Double absolute;

        @Option(names = "--target-fraction", paramLabel = "F",
                description = "Stop a run at this fraction of the macro F1 of a model trained on the whole pool "
                        + "with the same seed, e.g. 0.95.")
        Double fraction;
    }

    @Option(names = "--max-labels", defaultValue = "0",
            description = "Stop a run at this many labels even below the target (default: no limit).")
    private int maxLabels;

    @Option(names = "--run-past-target",
            description = "Keep querying after the target is reached, up to --max-labels, to draw whole curves.")
    private boolean runPastTarget;

    @Option(names = "--from-scratch", description = "Retrain from scratch every round instead of warm-starting.")
    private boolean fromScratch;

    @Mixin
    private TrainingOptions training = new TrainingOptions();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the results.")
    private Path out;

    @Option(names = "--json", description = "Print the summary as one JSON object instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws IOException {
        validate();
        GestureSet pool;
        GestureSet test;
        int nothing = -1;
        if (project != null) {
            try (Project opened = Project.openForReading(project)) {
                SimulateProject.Data data = SimulateProject.data(opened, false);
                pool = data.pool();
                test = data.test();
                nothing = opened.settings().nothingIndex();
            }
        } else {
            pool = GestureSet.readMpData(mpData, null);
            test = testData == null ? null : GestureSet.readMpData(testData, pool.classes());
        }
        FirstQueries first = FirstQueries.of(pool, nothing, initPerClass);
        double targetF1 = target.absolute != null ? target.absolute : 0.9;
        double fraction = target.fraction != null ? target.fraction : 0;
        int labels = maxLabels;
        boolean pastTarget = runPastTarget;
        if (project != null && first.k() > 0) {
            // Every run must make at least K queries for the first-K figure to mean the same for each strategy.
            int initial = initPerClass * pool.classes().size();
            labels = maxLabels == 0 ? initial + first.k() : Math.max(maxLabels, initial + first.k());
            pastTarget = true;
        }
        Simulation.Settings settings = new Simulation.Settings(strategies, seeds, initPerClass, batch, targetF1,
                fraction, labels, !fromScratch, seed, testFraction, pastTarget, nothing);
        Simulation.Result result;
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            result = new Simulation(training::learner).run(pool, test, settings, progress);
        }
        Files.createDirectories(out);
        LearningCurves.writeCurvesCsv(result, out.resolve("curves.csv"));
        LearningCurves.writeSummaryCsv(result, out.resolve("summary.csv"));
        Path named = project != null ? project : mpData;
        LearningCurves.writePlot(result, out.resolve("learning-curves.png"),
                String.format(Locale.ROOT, "%s: macro F1 vs labels (%d seeds, batch %d)",
                        project != null || named.toAbsolutePath().normalize().getParent() == null
                                ? named.toAbsolutePath().normalize().getFileName()
                                : named.toAbsolutePath().normalize().getParent().getFileName(), seeds, batch));
        PrintWriter output = spec.commandLine().getOut();
        if (json) {
            output.println(project != null ? first.addTo(toJson(result), result) : toJson(result));
        } else {
            output.print(table(result, fraction));
            if (project != null) {
                output.print(first.table(result));
            }
            output.println("Wrote curves.csv, summary.csv and learning-curves.png to " + out);
        }
        output.flush();
        return 0;
    }

    private void validate() {
        mpData = source.mpData;
        project = source.project;
        if (project != null && testData != null) {
            throw new GestureLabException("--test goes with --mp-data; --project uses the project's test clips.");
        }
        for (String name : strategies) {
            QueryStrategies.forName(name);
        }
        if (seeds < 1 || initPerClass < 1 || batch < 1) {
            throw new GestureLabException("--seeds, --init-per-class and --batch must be at least 1.");
        }
        if (target.absolute != null && !(target.absolute > 0 && target.absolute <= 1)) {
            throw new GestureLabException("--target-f1 must be in (0, 1], got " + target.absolute + ".");
        }
        if (target.fraction != null && !(target.fraction > 0 && target.fraction <= 1)) {
            throw new GestureLabException("--target-fraction must be in (0, 1], got " + target.fraction + ".");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new GestureLabException("--test-fraction must be in (0, 1).");
        }
    }

    /**
     * Renders the summary table.
     *
     * @param result the simulation
     * @param fraction the relative target, or 0 for an absolute one
     * @return the table, several lines
     */
    static String table(Simulation.Result result, double fraction) {
        StringBuilder text = new StringBuilder();
        if (fraction > 0) {
            text.append(String.format(Locale.ROOT,
                    "Target macro F1 %.3f = %.0f%% of the full-pool model's %.3f (means over seeds)%n",
                    result.targetF1(), fraction * 100, result.fullPoolF1()));
        } else {
            text.append(String.format(Locale.ROOT, "Target macro F1 %.3f (full-pool model: %.3f)%n",
                    result.targetF1(), result.fullPoolF1()));
        }
        text.append(String.format(Locale.ROOT,
                "Pool %d clips, test %d clips, %d initial labels; areas measured from %d to %d labels; %.0f s%n%n",
                result.poolSize(), result.testSize(), result.initialLabels(), result.initialLabels(),
                result.maxLabels(), result.seconds()));
        text.append(String.format(Locale.ROOT, "%-18s %17s %8s %7s %9s %10s%n", "strategy", "labels to target",
                "reached", "AULC", "final F1", "vs random"));
        for (Simulation.Summary s : result.summaries()) {
            text.append(String.format(Locale.ROOT, "%-18s %17s %8s %7.3f %9.3f %10s%n", s.strategy(),
                    s.labelsToTarget() == null ? "not reached" : String.format(Locale.ROOT, "%.0f",
                            s.labelsToTarget()),
                    s.reached() + "/" + s.runs(), s.aulc(), s.finalF1(),
                    s.ratioToRandom() == null ? "-" : String.format(Locale.ROOT, "%.2f", s.ratioToRandom())));
        }
        text.append("labels to target: median over seeds (a run that never reached it counts as infinite); "
                + "AULC: mean macro F1 over the label range.\n");
        return text.toString();
    }

    /**
     * Renders the summary as one JSON object.
     *
     * @param result the simulation
     * @return the JSON text
     */
    static String toJson(Simulation.Result result) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("target_f1", result.targetF1());
        root.put("full_pool_f1", result.fullPoolF1());
        root.put("initial_labels", result.initialLabels());
        root.put("pool_size", result.poolSize());
        root.put("test_size", result.testSize());
        Map<String, Object> strategies = new LinkedHashMap<>();
        for (Simulation.Summary s : result.summaries()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("labels_to_target", s.labelsToTarget());
            entry.put("aulc", s.aulc());
            entry.put("final_f1", s.finalF1());
            entry.put("reached", s.reached());
            entry.put("runs", s.runs());
            entry.put("ratio_to_random", s.ratioToRandom());
            strategies.put(s.strategy(), entry);
        }
        root.put("strategies", strategies);
        root.put("seconds", result.seconds());
        return new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }
}

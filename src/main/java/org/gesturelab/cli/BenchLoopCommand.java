package org.gesturelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.gesturelab.classify.TrainedClassifier;
import org.gesturelab.core.FileTrees;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.LabelingRound;
import org.gesturelab.workflow.Retrain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gesturelab bench loop DIR}: replays a labeling session on a copy of a project the way the Label screen runs
 * it, through the same workflow use cases, and measures every wait of the user: opening the project, the first Next
 * batch (a first model trained when there is none), each label, and each later Next batch. Retraining after a batch
 * runs in the background, as in the app, so it is measured but is not a wait. The bench answers with the hidden
 * labels of pool clips imported from labeled data ({@code import --as pool}).
 */
@Command(name = "loop", mixinStandardHelpOptions = true,
        description = {"Replay a labeling session on a copy of a project (cold start, first Next batch, label a "
                + "batch with the pool's hidden labels, retrain in the background, next batch, for a few rounds) and "
                + "print every wait of the user and the longest.",
            "Goal: every wait <= " + BenchLoopCommand.GOAL_SECONDS + " s."})
public final class BenchLoopCommand implements Callable<Integer> {

    static final double GOAL_SECONDS = 5;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder (left unchanged: the bench works "
            + "on a copy).")
    private Path dir;

    @Option(names = "--rounds", defaultValue = "3", description = "Batches to label (default: ${DEFAULT-VALUE}).")
    private int rounds;

    @Option(names = {"-k", "--batch"}, defaultValue = "10", description = "Clips per batch (default: "
            + "${DEFAULT-VALUE}).")
    private int batchSize;

    @Option(names = "--strategy", defaultValue = "entropy", description = "Query strategy (default: "
            + "${DEFAULT-VALUE}).")
    private String strategy;

    @Option(names = "--json", description = "Print the waits as one JSON object.")
    private boolean json;

    /**
     * One wait of the user.
     *
     * @param step what the user waited for
     * @param round the batch it belongs to, from 1; 0 for opening the project
     * @param seconds how long
     * @param detail what happened meanwhile
     */
    record Wait(String step, int round, double seconds, String detail) {
    }

    /**
     * One background job the user did not wait for.
     *
     * @param job what ran
     * @param round the batch after which it started
     * @param seconds how long it took
     */
    record Background(String job, int round, double seconds) {
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || batchSize < 1) {
            throw new GestureLabException("--rounds and --batch must be at least 1.");
        }
        if (!Project.isProject(dir)) {
            throw new GestureLabException(dir + " is not a GestureLab project.");
        }
        Path copy = Files.createTempDirectory("gesturelab-bench-loop-");
        try {
            copyProject(dir, copy.resolve("project"));
            Map<String, Object> report = replay(copy.resolve("project"));
            print(report);
        } finally {
            FileTrees.deleteRecursively(copy);
        }
        return 0;
    }

    private static void copyProject(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else if (!path.getFileName().toString().equals("gesturelab.lock")) {
                    Files.copy(path, target);
                }
            }
        }
    }

    private Map<String, Object> replay(Path projectDir) throws Exception {
        List<Wait> waits = new ArrayList<>();
        List<Background> background = new ArrayList<>();
        ExecutorService trainer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bench-background-training");
            thread.setDaemon(true);
            return thread;
        });
        TrainedClassifier model = null;
        Future<Retrain.Result> training = null;
        int trainingRound = 0;
        long start = System.nanoTime();
        Project project = Project.open(projectDir);
        // As the app does when a project opens.
        Retrain.warmUpInBackground();
        waits.add(new Wait("open project", 0, seconds(start), project.stats().train() + " training clips, "
                + project.stats().pool() + " pool clips"));
        try {
            LabelingRound session = new LabelingRound(project);
            for (int round = 1; round <= rounds; round++) {
                // Next batch: a finished background training hands over its model first.
                start = System.nanoTime();
                String detail = "";
                if (training != null && training.isDone()) {
                    Retrain.Result result = training.get();
                    background.add(new Background(trainingRound == 0 ? "full first model" : "retrain",
                            trainingRound, result.seconds()));
                    if (model != null) {
                        model.close();
                    }
                    model = result.model();
                    training = null;
                    detail = "ranked by the model trained in the background; ";
                }
                if (model == null) {
                    model = LabelingRound.currentModel(project).orElse(null);
                }
                if (model == null && training == null && LabelingRound.canTrain(project)) {
                    LabelingRound.FirstModel first = LabelingRound.firstModel(project, TaskMonitor.SILENT);
                    model = first.model();
                    detail += String.format(Locale.ROOT, "trained a %s first model in %.1f s; ",
                            first.quick() ? "quick" : "full", first.seconds());
                    if (first.quick()) {
                        trainingRound = -1;
                    }
                }
                LabelingRound.Batch batch = session.query(model, new LabelingRound.Request(strategy, batchSize,
                        (long) round), TaskMonitor.SILENT);
                waits.add(new Wait("next batch", round, seconds(start), detail + batch.items().size() + " clips, "
                        + (batch.random() ? "random" : strategy)));
                if (trainingRound == -1) {
                    // As the Label screen does: once the batch is shown, the full first model trains behind it.
                    trainingRound = 0;
                    training = trainer.submit(() -> Retrain.run(project,
                            Retrain.Request.interactive(null, "random"), TaskMonitor.SILENT));
                }
                if (batch.items().isEmpty()) {
                    break;
                }
                // The user labels; the bench answers with the hidden labels.
                double longestLabel = 0;
                int labeled = 0;
                for (LabelingRound.Item item : batch.items()) {
                    Integer truth = item.clip().hiddenLabel();
                    long labelStart = System.nanoTime();
                    if (truth == null) {
                        session.skip(item.clip().id());
                    } else {
                        session.label(item.clip().id(), truth);
                        labeled++;
                    }
                    longestLabel = Math.max(longestLabel, seconds(labelStart));
                }
                waits.add(new Wait("label (longest of the batch)", round, longestLabel, labeled + " labeled"));
                // The finished batch retrains in the background, warm-started from the model at hand; one at a time.
                if (training == null && labeled > 0) {
                    TrainedClassifier warm = model;
                    String used = batch.random() ? "random" : strategy;
                    trainingRound = round;
                    training = trainer.submit(() -> Retrain.run(project, Retrain.Request.interactive(warm, used),
                            TaskMonitor.SILENT));
                }
            }
            if (training != null) {
                Retrain.Result result = training.get();
                background.add(new Background(trainingRound == 0 ? "full first model" : "retrain", trainingRound,
                        result.seconds()));
                result.model().close();
            }
        } finally {
            trainer.shutdownNow();
            if (model != null) {
                model.close();
            }
            project.close();
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("max_wait_seconds", round3(waits.stream().mapToDouble(Wait::seconds).max().orElse(0)));
        report.put("goal_seconds", GOAL_SECONDS);
        report.put("rounds", rounds);
        report.put("batch_size", batchSize);
        report.put("strategy", strategy);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (Wait wait : waits) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("step", wait.step());
            step.put("round", wait.round());
            step.put("wait_seconds", round3(wait.seconds()));
            step.put("detail", wait.detail());
            steps.add(step);
        }
        report.put("waits", steps);
        List<Map<String, Object>> jobs = new ArrayList<>();
        for (Background job : background) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("job", job.job());
            entry.put("after_round", job.round());
            entry.put("seconds", round3(job.seconds()));
            jobs.add(entry);
        }
        report.put("background", jobs);
        return report;
    }

    private void print(Map<String, Object> report) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return;
        }
        out.printf(Locale.ROOT, "%-30s %5s %8s  %s%n", "wait", "round", "seconds", "what happened");
        for (Object entry : (List<?>) report.get("waits")) {
            Map<?, ?> step = (Map<?, ?>) entry;
            out.printf(Locale.ROOT, "%-30s %5s %8.2f  %s%n", step.get("step"), step.get("round"),
                    (Double) step.get("wait_seconds"), step.get("detail"));
        }
        for (Object entry : (List<?>) report.get("background")) {
            Map<?, ?> job = (Map<?, ?>) entry;
            out.printf(Locale.ROOT, "in the background after round %s: %s, %.1f s (not a wait)%n",
                    job.get("after_round"), job.get("job"), (Double) job.get("seconds"));
        }
        double longest = (Double) report.get("max_wait_seconds");
        out.printf(Locale.ROOT, "Longest wait: %.2f s (goal: <= %.0f s): %s.%n", longest, GOAL_SECONDS,
                longest <= GOAL_SECONDS ? "met" : "missed");
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}

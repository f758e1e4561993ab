package org.gesturelab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.active.BaldStrategy;
import org.gesturelab.active.GestureSet;
import org.gesturelab.active.PoolClip;
import org.gesturelab.active.QueryStrategies;
import org.gesturelab.active.QueryStrategy;
import org.gesturelab.active.RankedClip;
import org.gesturelab.active.Splits;
import org.gesturelab.classify.GestureClassifier;
import org.gesturelab.core.TaskMonitor;

import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gesturelab bench query}: times each query strategy over a large pool with a trained model. The goals: an
 * entropy query over 10,000 clips within 3 s, BALD with 10 dropout passes within 10 s.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Time the query strategies over a large pool: a model is trained briefly on an MP_Data "
                + "folder, whose clips are then repeated to fill the pool.",
            "Goals: entropy over 10,000 clips <= 3 s; BALD with 10 passes <= 10 s."})
public final class BenchQueryCommand implements Callable<Integer> {

    static final double ENTROPY_GOAL_SECONDS = 3;
    static final double BALD_GOAL_SECONDS = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--mp-data", required = true, paramLabel = "PATH", description = "MP_Data folder to train on.")
    private Path mpData;

    @Option(names = "--pool", defaultValue = "10000", description = "Pool size (default: ${DEFAULT-VALUE}).")
    private int poolSize;

    @Option(names = "--passes", defaultValue = "10", description = "BALD dropout passes (default: ${DEFAULT-VALUE}).")
    private int passes;

    @Option(names = {"-k", "--batch"}, defaultValue = "10", description = "Batch size (default: ${DEFAULT-VALUE}).")
    private int k;

    @Option(names = "--strategies", split = ",", defaultValue = "entropy,least-confidence,margin,bald,claus",
            description = "Strategies to time (default: ${DEFAULT-VALUE}).")
    private List<String> strategies;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs per strategy; the median is reported "
            + "(default: ${DEFAULT-VALUE}).")
    private int repeat;

    @Option(names = "--json", description = "Print the timings as one JSON object.")
    private boolean json;

    @Mixin
    private TrainingOptions training = new TrainingOptions();

    @Override
    public Integer call() throws IOException {
        if (poolSize < 1 || passes < 2 || k < 1 || repeat < 1) {
            throw new GestureLabException("--pool, -k and --repeat must be at least 1, --passes at least 2.");
        }
        GestureSet data = GestureSet.readMpData(mpData, null);
        // A short training is enough: the goal is about query time, not accuracy.
        int[] train = Splits.perClass(data.labels(), data.classes().size(), 5, 1);
        // Repeating the same arrays keeps memory small; the model still processes every pool clip.
        List<PoolClip> pool = new ArrayList<>(poolSize);
        for (int i = 0; i < poolSize; i++) {
            int source = i % data.size();
            pool.add(new PoolClip(i, data.recordings().get(source) + "#" + (i / data.size()), 0,
                    data.clips().get(source)));
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
                GestureClassifier model = training.learner(1).fit(data.subset(train).toLabeledClips(), null,
                        progress)) {
            for (String name : strategies) {
                QueryStrategy strategy = name.equals("bald") ? new BaldStrategy(passes)
                        : QueryStrategies.forName(name);
                strategy.select(model, pool.subList(0, Math.min(200, pool.size())), k, 0, TaskMonitor.SILENT);
                double[] runs = new double[repeat];
                double[] cpu = new double[repeat];
                for (int r = 0; r < repeat; r++) {
                    long start = System.nanoTime();
                    long cpuStart = threads.getCurrentThreadCpuTime();
                    List<RankedClip> batch = strategy.select(model, pool, k, r, progress);
                    runs[r] = (System.nanoTime() - start) / 1e9;
                    cpu[r] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                    if (batch.size() != Math.min(k, pool.size())) {
                        throw new IllegalStateException(name + " returned " + batch.size() + " clips");
                    }
                }
                Arrays.sort(runs);
                Arrays.sort(cpu);
                seconds.put(name, runs[repeat / 2]);
                cpuSeconds.put(name, cpu[repeat / 2]);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("pool", poolSize);
            root.put("passes", passes);
            root.put("seconds", seconds);
            root.put("cpu_seconds_of_the_calling_thread", cpuSeconds);
            out.println(new ObjectMapper().writeValueAsString(root));
        } else {
            out.printf(Locale.ROOT, "Query over %,d pool clips (median of %d), %s architecture:%n", poolSize, repeat,
                    training.architecture);
            out.printf(Locale.ROOT, "  %-18s %9s %9s%n", "strategy", "wall", "cpu");
            for (Map.Entry<String, Double> entry : seconds.entrySet()) {
                String goal = switch (entry.getKey()) {
                    case "entropy" -> verdict(entry.getValue(), ENTROPY_GOAL_SECONDS);
                    case "bald" -> verdict(entry.getValue(), BALD_GOAL_SECONDS) + " (" + passes + " passes)";
                    default -> "";
                };
                out.printf(Locale.ROOT, "  %-18s %7.2f s %7.2f s  %s%n", entry.getKey(), entry.getValue(),
                        cpuSeconds.get(entry.getKey()), goal);
            }
            out.println("cpu: time spent on the calling thread; with -Dai.djl.pytorch.num_threads=1 it includes "
                    + "PyTorch's own work and shows what the query costs on one quiet core when the machine is busy.");
        }
        out.flush();
        return 0;
    }

    private static String verdict(double seconds, double goal) {
        return String.format(Locale.ROOT, "goal <= %.0f s: %s", goal, seconds <= goal ? "met" : "MISSED");
    }
}

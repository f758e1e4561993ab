package org.gesturelab.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.ClassifierTrainer;
import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.classify.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab bench classify DIR}: how long training on the project takes, and how long scoring a large pool
 * takes (the active-learning engine's workload), in wall-clock and CPU seconds.
 */
@Command(name = "classify", description = {"Train a classifier on the project's training clips, then time scoring, "
        + "embedding and Monte Carlo dropout on a pool made by repeating the project's clips. Reports wall-clock and "
        + "CPU seconds of the working thread (one PyTorch thread unless -Dai.djl.pytorch.num_threads says otherwise). "
        + "Saves nothing."})
public final class ClassifyBenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "default",
            description = "Network to measure (default: ${DEFAULT-VALUE}).")
    private Architecture architecture;

    @Option(names = "--pool", paramLabel = "N", defaultValue = "10000",
            description = "Clips in the scored pool (default: ${DEFAULT-VALUE}).")
    private int pool;

    @Option(names = "--passes", paramLabel = "P", defaultValue = "10",
            description = "Monte Carlo dropout passes (default: ${DEFAULT-VALUE}).")
    private int passes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Random seed.")
    private long seed;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "100",
            description = "The most training epochs (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        TrainTestClips data = TrainTestClips.read(dir);
        data.requireTrainingData(dir);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TrainingConfig config = TrainingConfig.defaults().withArchitecture(architecture).withSeed(seed)
                .withMaxEpochs(epochs)
                .withSubset(FeatureSubset.detect(data.train().clips())).withCanonicalSide(data.canonicalSide());
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
                SequenceClassifier classifier = ClassifierTrainer.train(data.train(), config, null, progress)) {
            out.printf(Locale.ROOT, "train      %-40s %8.2f s wall %8.2f s cpu  (%d epochs, %s features)%n",
                    data.train().size() + " clips, " + architecture.id(), seconds(wall),
                    (threads.getCurrentThreadCpuTime() - cpu) / 1e9, classifier.card().training().epochsRun(),
                    config.subset().name().toLowerCase(Locale.ROOT));
            if (data.test().size() > 0) {
                Evaluation evaluation = Evaluation.ofProbabilities(data.classes(), data.test().labels(),
                        classifier.predict(data.test().clips()));
                out.printf(Locale.ROOT, "test       %d clips: macro F1 %.4f, accuracy %.4f%n", data.test().size(),
                        evaluation.macroF1(), evaluation.accuracy());
            }
            List<float[][]> source = new ArrayList<>(data.train().clips());
            source.addAll(data.test().clips());
            List<float[][]> clips = new ArrayList<>(pool);
            for (int i = 0; i < pool; i++) {
                clips.add(source.get(i % source.size()));
            }
            classifier.predict(clips.subList(0, Math.min(pool, 512)));
            time(out, threads, "predict", pool + " clips", () -> classifier.predict(clips));
            time(out, threads, "embed", pool + " clips", () -> classifier.embed(clips));
            time(out, threads, "mc-dropout", pool + " clips x " + passes + " passes",
                    () -> classifier.predictWithDropout(clips, passes, seed));
        }
        return 0;
    }

    private static void time(PrintWriter out, ThreadMXBean threads, String what, String size, Runnable work) {
        long wall = System.nanoTime();
        long cpu = threads.getCurrentThreadCpuTime();
        work.run();
        out.printf(Locale.ROOT, "%-10s %-40s %8.2f s wall %8.2f s cpu%n", what, size, seconds(wall),
                (threads.getCurrentThreadCpuTime() - cpu) / 1e9);
        out.flush();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

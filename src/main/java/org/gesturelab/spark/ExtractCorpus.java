package org.gesturelab.spark;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import org.gesturelab.core.CancelledException;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.keypoints.PoseModel;
import org.gesturelab.mediapipe.ModelDirectory;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The job's command line, the main class of {@code target/gesturelab-spark.jar}:
 * {@code java -jar target/gesturelab-spark.jar --master local[2] INPUT --out OUT} on one machine, or
 * {@code spark-submit --class org.gesturelab.spark.ExtractCorpus ... target/gesturelab-spark.jar INPUT --out OUT} on a
 * cluster (where spark-submit sets the master). Exit code 0 when the job ran, failed videos included (the manifest
 * lists them); 1 when the input, output or models are unusable.
 */
@Command(name = "gesturelab-spark", mixinStandardHelpOptions = true,
        description = "MediaPipe Holistic keypoints of every video in a folder or list file, as a Spark job: "
                + "NAME.npy and NAME.json per video (as 'gesturelab extract' writes them) and manifest.csv "
                + "(video, frames, fps, pose, face, left_hand, right_hand, status, error, npy). A re-run skips "
                + "the videos already done and retries the failed ones.")
public final class ExtractCorpus implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "INPUT", description = "A folder of videos (sub-folders included), a video, or a "
            + "text file with one video path or URI per line; any file system Spark reaches (local, hdfs://, s3a://).")
    private String input;

    @Option(names = "--out", paramLabel = "OUT", required = true, description = "The output folder.")
    private String out;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2] or "
            + "spark://HOST:7077. Default: the one spark-submit sets, else local[*].")
    private String master;

    @Option(names = "--models", paramLabel = "DIR", description = ModelDirectory.OPTION_DESCRIPTION
            + " Read by the driver and shipped to every executor.")
    private Path models;

    @Option(names = "--pose-model", paramLabel = "lite|full|heavy", defaultValue = "full",
            description = "Pose landmark model (default: ${DEFAULT-VALUE}).")
    private PoseModel pose;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting, as spark-submit's --conf.")
    private List<String> settings = new ArrayList<>();

    private CorpusJob.Summary summary;

    /**
     * Runs the job from the command line and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Spark's networking reads this before any setting could; spark-submit passes it on its own.
        System.setProperty("io.netty.tryReflectionSetAccessible", "true");
        System.exit(commandLine().execute(args));
    }

    /** Returns the command line, with GestureLab's errors as one plain line and exit code 1. */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ExtractCorpus()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof GestureLabException || e instanceof CancelledException) {
                line.getErr().println("Error: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    @Override
    public Integer call() {
        // Spark's INFO lines would bury the summary; its warnings stay (--conf spark.log.level=INFO for more).
        SparkConf conf = new SparkConf().setAppName("GestureLab keypoints").setIfMissing("spark.master", "local[*]")
                .setIfMissing("spark.log.level", "WARN");
        if (master != null) {
            conf.setMaster(master);
        }
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new GestureLabException("--conf takes KEY=VALUE, not '" + setting + "'.");
            }
            conf.set(setting.substring(0, equals), setting.substring(equals + 1));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            summary = CorpusJob.run(spark, new CorpusJob.Settings(input, out, models, pose), TaskMonitor.SILENT);
        }
        stdout.printf(Locale.ROOT, "%d videos: %d extracted, %d already done, %d failed; %d frames in %.1f s "
                + "(%.1f frames/s, %.1f videos/min). Manifest: %s%n", summary.videos(), summary.extracted(),
                summary.skipped(), summary.failed(), summary.frames(), summary.seconds(),
                summary.frames() / summary.seconds(), 60 * summary.extracted() / summary.seconds(), summary.manifest());
        stdout.flush();
        return 0;
    }

    /**
     * Runs the job in this JVM, for tests and embedding.
     *
     * @param args the command-line arguments
     * @return the summary, or null when the command line was refused or the job failed
     */
    static CorpusJob.Summary run(String... args) {
        CommandLine commandLine = commandLine();
        commandLine.execute(args);
        return ((ExtractCorpus) commandLine.getCommand()).summary;
    }
}

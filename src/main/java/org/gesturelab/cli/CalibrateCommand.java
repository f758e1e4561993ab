package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.gesturelab.classify.spotting.StreamReport;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.spotting.Calibration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab calibrate DIR [--target-fa-per-hour 2]}. */
@Command(name = "calibrate", description = "Choose per-class thresholds for continuous recognition on the project's "
        + "Nothing and test clips played as streams, to meet a false-activation target while keeping recall; "
        + "they are stored with the current model and Live uses them.")
public final class CalibrateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--target-fa-per-hour", defaultValue = "2", paramLabel = "N",
            description = "False activations per hour of Nothing to stay under (default: ${DEFAULT-VALUE}).")
    private double target;

    @Option(names = "--fps", defaultValue = "15", paramLabel = "FPS",
            description = "Frames per second the clips are played at (default: ${DEFAULT-VALUE}).")
    private double fps;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Seed of the calibration streams (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        Calibration calibration;
        try (Project project = Project.openReadOnly(dir); ConsoleProgress progress =
                new ConsoleProgress(spec.commandLine().getErr())) {
            calibration = Calibration.calibrate(project, target, fps, seed, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        print(out, "Before", calibration.before());
        print(out, "After ", calibration.after());
        var first = calibration.curve().get(0);
        out.printf("Trade-off searched from %.1f false activations per hour at recall %.3f (lowest thresholds) "
                + "in %d steps; minimum event length %d frames%n", first.faPerHour(), first.recall(),
                calibration.curve().size(), calibration.settings().minFrames());
        out.printf("Thresholds: %s%n", calibration.settings().thresholds());
        out.println(calibration.reached() ? "Target met." : "The target of " + target + " false activations per "
                + "hour was not met even at the highest thresholds; record more Nothing and retrain.");
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String when, StreamReport report) {
        out.printf("%s: event F1 %s, recall %s, %s false activations per hour%n", when, f(report.eventF1()),
                f(report.eventRecall()), f(report.falseActivationsPerHour()));
    }

    private static String f(Double value) {
        return value == null ? "n/a" : String.format("%.3f", value);
    }
}

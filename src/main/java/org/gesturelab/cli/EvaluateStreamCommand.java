package org.gesturelab.cli;

import org.gesturelab.dataset.KeypointStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.gesturelab.classify.Json;
import org.gesturelab.classify.spotting.StreamReport;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.Project;
import org.gesturelab.keypoints.HolisticPipeline;
import org.gesturelab.workflow.spotting.Spotting;
import org.gesturelab.workflow.spotting.StreamEvaluation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab evaluate-stream DIR RECORDING.npy|VIDEO... [--fps 15] [--json] [--segments F]}. */
@Command(name = "evaluate-stream", description = "Run the project's model and spotter over keypoint recordings or "
        + "videos as Live would, and score the events against each recording's NAME.segments.csv: event precision, recall "
        + "and F1, false activations per hour of Nothing, median latency.")
public final class EvaluateStreamCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "RECORDING",
            description = "Keypoint recordings (.npy, float32, frames x 1662) or videos, whose keypoints are found "
                    + "frame by frame as Live finds them.")
    private List<Path> recordings;

    @CommandLine.Mixin
    private HolisticModelOptions holistic = new HolisticModelOptions();

    @Option(names = "--fps", defaultValue = "15", paramLabel = "FPS",
            description = "Frames per second of the recordings (default: ${DEFAULT-VALUE}).")
    private double fps;

    @Option(names = "--json", description = "Print one JSON object over all recordings: event_precision, "
            + "event_recall, event_f1, false_activations_per_hour, median_latency_frames, frames, hours "
            + "(and per_recording).")
    private boolean json;

    @Option(names = "--segments", paramLabel = "FILE",
            description = "The segments file, when one recording is given and its file is not NAME.segments.csv.")
    private Path segments;

    @Override
    public Integer call() throws Exception {
        if (!(fps > 0)) {
            throw new GestureLabException("--fps must be positive.");
        }
        if (segments != null && recordings.size() != 1) {
            throw new GestureLabException("--segments names the segments of one recording; give one recording.");
        }
        List<StreamEvaluation.Input> inputs = new ArrayList<>();
        for (Path recording : recordings) {
            inputs.add(new StreamEvaluation.Input(recording,
                    segments != null ? segments : KeypointStream.segmentsFileOf(recording)));
        }
        StreamEvaluation evaluation;
        boolean calibrated;
        try (Project project = Project.openReadOnly(dir); Spotting spotting = Spotting.load(project);
                ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            calibrated = spotting.calibrated();
            evaluation = StreamEvaluation.run(spotting, inputs, fps,
                    () -> new HolisticPipeline(holistic.holisticOptions()), progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        StreamReport total = evaluation.total();
        if (json) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("event_precision", total.eventPrecision());
            object.put("event_recall", total.eventRecall());
            object.put("event_f1", total.eventF1());
            object.put("false_activations_per_hour", total.falseActivationsPerHour());
            object.put("median_latency_frames", total.medianLatencyFrames());
            object.put("frames", total.frames());
            object.put("hours", total.hours());
            object.put("per_recording", evaluation.perRecording());
            out.println(Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(object));
        } else {
            out.printf("Thresholds: %s%n", calibrated ? "calibrated" : "defaults (run 'gesturelab calibrate')");
            out.printf("Recordings: %d, %d frames, %.3f h at %.0f fps%n", recordings.size(), total.frames(),
                    total.hours(), fps);
            out.printf("Events: %d spotted, %d matched, %d true segments%n", evaluation.score().events(),
                    evaluation.score().matchedEvents(), evaluation.score().segments());
            out.printf("Event precision %s, recall %s, F1 %s%n", format(total.eventPrecision()),
                    format(total.eventRecall()), format(total.eventF1()));
            out.printf("False activations per hour of Nothing: %s%n", format(total.falseActivationsPerHour()));
            out.printf("Median latency: %s frames%n", format(total.medianLatencyFrames()));
        }
        out.flush();
        return 0;
    }

    private static String format(Double value) {
        return value == null ? "n/a" : String.format("%.3f", value);
    }
}

package org.gesturelab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.spotting.StreamMaking;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab stream make DIR --from test|train --out OUTDIR [--idle-fraction 0.7] [--streams N] [--seed S]}. */
@Command(name = "make", description = "Build streams from a project's clips: gesture clips interleaved with "
        + "Nothing clips, written as stream-NN.npy plus stream-NN.segments.csv (start,end,label; end exclusive).")
public final class StreamMakeCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--from", required = true, paramLabel = "test|train",
            description = "Which split's clips to use.")
    private String from;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR", description = "Where to write the streams.")
    private Path out;

    @Option(names = "--idle-fraction", defaultValue = "0.7", paramLabel = "F",
            description = "Share of the frames that are Nothing (default: ${DEFAULT-VALUE}); 1 gives streams of "
                    + "Nothing clips alone.")
    private double idleFraction;

    @Option(names = "--streams", defaultValue = "1", paramLabel = "N",
            description = "How many streams; the gesture clips are dealt among them (default: ${DEFAULT-VALUE}).")
    private int streams;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed (default: "
            + "${DEFAULT-VALUE}).")
    private long seed;

    @Override
    public Integer call() throws Exception {
        ClipState state = switch (from.toLowerCase(Locale.ROOT)) {
            case "test" -> ClipState.TEST;
            case "train" -> ClipState.TRAIN;
            default -> throw new GestureLabException("--from takes test or train, not '" + from + "'.");
        };
        List<Path> written;
        try (Project project = Project.openReadOnly(dir); ConsoleProgress progress =
                new ConsoleProgress(spec.commandLine().getErr())) {
            written = StreamMaking.make(project, new StreamMaking.Options(state, idleFraction, streams, seed), out,
                    progress);
        }
        var print = spec.commandLine().getOut();
        for (Path file : written) {
            print.println(file);
        }
        print.flush();
        return 0;
    }
}

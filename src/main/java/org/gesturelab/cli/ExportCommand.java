package org.gesturelab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.ExportData;
import org.gesturelab.workflow.ExportFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab export DIR --format mp-data|csv|npy --out PATH}. */
@Command(name = "export", description = "Export a project's clips and labels.")
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "mp-data (CLASS/SEQUENCE/FRAME.npy), csv (one frame per row) or npy (clips/*.npy + "
                    + "labels.csv, every state, lossless).")
    private String format;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "The folder (mp-data, npy) or file (csv) to create.")
    private Path out;

    @Option(names = "--state", split = ",", paramLabel = "STATES",
            description = "Which states to export (default: train,test for mp-data and csv; all for npy).")
    private List<ClipState> states;

    @Override
    public Integer call() throws Exception {
        ExportFormat kind = ExportFormat.byId(format).orElseThrow(() -> new GestureLabException(
                "Unknown format '" + format + "'; use mp-data, csv or npy."));
        try (Project project = Project.openForReading(dir); ConsoleProgress progress =
                new ConsoleProgress(spec.commandLine().getErr())) {
            ExportData.Result result = ExportData.run(project, new ExportData.Request(kind, out, states == null
                    ? null : Set.copyOf(states)), progress);
            progress.close();
            spec.commandLine().getOut().printf("Exported %d clips to %s.%n", result.clips(), result.out());
        }
        return 0;
    }
}

package org.gesturelab.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.CsvFormat;
import org.gesturelab.dataset.MpDataFormat;
import org.gesturelab.dataset.NpyFolderFormat;
import org.gesturelab.dataset.Project;
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
        String kind = format.toLowerCase(Locale.ROOT);
        try (Project project = Project.openForReading(dir); ConsoleProgress progress =
                new ConsoleProgress(spec.commandLine().getErr())) {
            int count = switch (kind) {
                case "mp-data", "mpdata", "mp_data" -> MpDataFormat.export(project, out,
                        chosen(EnumSet.of(ClipState.TRAIN, ClipState.TEST)), progress);
                case "csv" -> CsvFormat.export(project, out, chosen(EnumSet.of(ClipState.TRAIN, ClipState.TEST)),
                        progress);
                case "npy" -> NpyFolderFormat.export(project, out, chosen(EnumSet.allOf(ClipState.class)), progress);
                default -> throw new GestureLabException("Unknown format '" + format + "'; use mp-data, csv or npy.");
            };
            progress.close();
            spec.commandLine().getOut().printf("Exported %d clips to %s.%n", count, out.toAbsolutePath().normalize());
        }
        return 0;
    }

    private Set<ClipState> chosen(Set<ClipState> defaults) {
        return states == null || states.isEmpty() ? defaults : EnumSet.copyOf(states);
    }
}

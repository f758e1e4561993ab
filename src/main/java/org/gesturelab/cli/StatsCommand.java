package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectStats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab stats DIR [--json]}: counts per state and class. */
@Command(name = "stats", description = "Show how many clips a project has, per state and per class.")
public final class StatsCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--json", description = "Print one JSON object: name, clips, train, test, pool, skipped, "
            + "classes (their number) and perClass (name, train, test, hiddenPool).")
    private boolean json;

    @Override
    public Integer call() throws Exception {
        ProjectStats stats;
        // Read-only: works while the app or another command has the project open.
        try (Project project = Project.openReadOnly(dir)) {
            stats = project.stats();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(stats)));
        } else {
            printSummary(out, stats);
            if (!stats.perClass().isEmpty()) {
                int width = Math.max(5, stats.perClass().stream().mapToInt(c -> c.name().length()).max().orElse(5));
                out.printf("  %-" + width + "s %7s %7s %13s%n", "class", "train", "test", "pool (hidden)");
                for (ProjectStats.ClassCount count : stats.perClass()) {
                    out.printf("  %-" + width + "s %7d %7d %13d%n", count.name(), count.train(), count.test(),
                            count.hiddenPool());
                }
            }
        }
        return 0;
    }

    /** Prints the one-line summary that import and stats share. */
    static void printSummary(PrintWriter out, ProjectStats stats) {
        out.printf("Project '%s': %d clips (train %d, test %d, pool %d, skipped %d), %d classes.%n", stats.name(),
                stats.clips(), stats.train(), stats.test(), stats.pool(), stats.skipped(), stats.classes());
    }

    static Map<String, Object> toJson(ProjectStats stats) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", stats.name());
        map.put("clips", stats.clips());
        map.put("train", stats.train());
        map.put("test", stats.test());
        map.put("pool", stats.pool());
        map.put("skipped", stats.skipped());
        map.put("classes", stats.classes());
        List<Map<String, Object>> perClass = stats.perClass().stream().map(c -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", c.name());
            entry.put("train", c.train());
            entry.put("test", c.test());
            entry.put("hiddenPool", c.hiddenPool());
            return entry;
        }).toList();
        map.put("perClass", perClass);
        return map;
    }
}

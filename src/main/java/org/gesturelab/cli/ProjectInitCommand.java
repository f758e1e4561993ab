package org.gesturelab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.gesturelab.dataset.GestureClass;
import org.gesturelab.dataset.Project;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab project init DIR}: creates an empty project folder. */
@Command(name = "init", description = "Create a gesture project in a new or empty folder.")
public final class ProjectInitCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder to create.")
    private Path dir;

    @Option(names = "--classes", split = ",", paramLabel = "NAMES",
            description = "Comma-separated class names, for example \"Like,Fire works,Heart\". Imports add more.")
    private List<String> classes = new ArrayList<>();

    @Option(names = "--name", description = "The project's name (default: the folder's name).")
    private String name;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "30", description = "Frames per clip: recording, "
            + "the windows of long recordings and videos, and the models follow it; 1 for static poses "
            + "(default: ${DEFAULT-VALUE}).")
    private int frames;

    @Override
    public Integer call() throws Exception {
        List<String> classNames = classes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        String projectName = name != null ? name : dir.toAbsolutePath().normalize().getFileName().toString();
        try (Project project = Project.create(dir, projectName, classNames, frames)) {
            // Every project has a Nothing class (idle, transitions), for continuous recognition.
            project.ensureNothingClass();
            var out = spec.commandLine().getOut();
            out.printf("Created project '%s' in %s with %d classes and clips of %d frame%s.%n", project.name(),
                    project.directory(), project.classes().size(), project.sequenceLength(),
                    project.sequenceLength() == 1 ? "" : "s");
            for (GestureClass gestureClass : project.classes()) {
                out.printf("  %-20s %s  key %s%n", gestureClass.name(), gestureClass.color(),
                        gestureClass.shortcut() == null ? "-" : gestureClass.shortcut());
            }
        }
        return 0;
    }
}

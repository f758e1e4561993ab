package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.Json;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.persons.EvaluateByPerson;
import org.gesturelab.workflow.persons.PersonScores;
import org.gesturelab.workflow.EvaluateModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab evaluate DIR [--by-person] [--json]}: the current model on the project's test clips. */
@Command(name = "evaluate", description = "Evaluate the project's current model on its test clips: accuracy, "
        + "macro and weighted F1, per-class figures and the confusion matrix.")
public final class EvaluateCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--json", description = "Print one JSON object: clips, accuracy, macro_f1, weighted_f1, "
            + "classes, per_class and confusion_matrix (rows: true class).")
    private boolean json;

    @Option(names = "--by-person", description = "Score each person's test clips apart: accuracy and macro F1 per "
            + "person, then their mean and spread (standard deviation over people). With --json: persons (person, "
            + "clips, accuracy, macro_f1), mean_macro_f1, spread_macro_f1, mean_accuracy, spread_accuracy, "
            + "untagged_clips.")
    private boolean byPerson;

    @Override
    public Integer call() throws Exception {
        if (byPerson) {
            return byPerson();
        }
        Evaluation evaluation;
        try (Project project = Project.open(dir)) {
            evaluation = EvaluateModel.run(project, TaskMonitor.SILENT).orElseThrow(() -> new GestureLabException(
                    TrainTestClips.noTestClips(dir))).evaluation();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(evaluation));
        } else {
            out.print(evaluation.toTable());
        }
        out.flush();
        return 0;
    }

    private int byPerson() throws Exception {
        PersonScores scores;
        try (Project project = Project.open(dir)) {
            if (project.count(ClipQuery.inState(ClipState.TEST)) == 0) {
                throw new GestureLabException(TrainTestClips.noTestClips(dir));
            }
            scores = EvaluateByPerson.run(project, TaskMonitor.SILENT).orElseThrow(() -> new GestureLabException(
                    "No test clip of " + dir + " names its person. Tag clips with their person (the Dataset "
                            + "screen, or 'gesturelab import --person NAME'), or hold out whole people with "
                            + "'gesturelab project split " + dir + " --by-person'."));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(scores)
                + System.lineSeparator() : scores.toTable());
        out.flush();
        return 0;
    }
}

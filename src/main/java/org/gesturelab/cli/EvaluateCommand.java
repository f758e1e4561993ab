package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.gesturelab.classify.Evaluation;
import org.gesturelab.classify.Json;
import org.gesturelab.classify.SequenceClassifier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab evaluate DIR [--json]}: the current model on the project's test clips. */
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

    @Override
    public Integer call() throws Exception {
        TrainTestClips data = TrainTestClips.read(dir);
        data.requireTestData(dir);
        Evaluation evaluation;
        try (SequenceClassifier classifier = data.currentModel(dir)) {
            evaluation = Evaluation.ofProbabilities(data.classes(), data.test().labels(),
                    classifier.predict(data.test().clips()));
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
}

package org.gesturelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.Baseline;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.Json;
import org.gesturelab.classify.ModelComparison;
import org.gesturelab.classify.TrainingConfig;
import org.gesturelab.dataset.Project;
import org.gesturelab.workflow.persons.CrossPersonValidation;
import org.gesturelab.workflow.persons.PersonScores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gesturelab compare DIR [--cv person]}: networks and classical baselines on the project's own split, or left
 * out one person at a time.
 */
@Command(name = "compare", description = {"Train the five networks and the four classical baselines (random "
        + "forest, gradient boosting, ridge, logistic regression) on the project's training clips and compare them on "
        + "its test clips: macro F1, accuracy, training seconds, milliseconds per clip. Saves nothing."})
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--models", paramLabel = "NAME", split = ",", description = "Which models, comma-separated: "
            + "default, gru, tcn, reference, lite, random-forest, gradient-boosting, ridge, logistic-regression (default: all).")
    private List<String> models;

    @Option(names = "--epochs", paramLabel = "N", description = "The most epochs per network (default: 100).")
    private Integer epochs;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: 42).")
    private Long seed;

    @Option(names = "--subset", paramLabel = "PARTS", description = "Body parts: pose, hands, pose_hands or all "
            + "(default: whatever the clips contain).")
    private FeatureSubset subset;

    @Option(names = "--json", description = "Print one JSON object: the subset and one row per model with model, "
            + "macro_f1, accuracy, weighted_f1, train_seconds and ms_per_clip (or failure).")
    private boolean json;

    @Option(names = "--cv", paramLabel = "person", description = "Cross-validate instead of using the project's "
            + "split. 'person': leave one person out; each model is trained on all labeled clips (train and test) of "
            + "the other people and scored on that person's; prints the mean and spread of macro F1 over people and "
            + "the per-person table. With --json: persons, clips, untagged_clips and one row per model with model, "
            + "mean_macro_f1, spread_macro_f1, mean_accuracy, spread_accuracy, train_seconds and per_person.")
    private String cv;

    @Override
    public Integer call() throws Exception {
        if (cv != null) {
            if (!"person".equals(cv.strip().toLowerCase(Locale.ROOT))) {
                throw new GestureLabException("--cv takes 'person' (leave one person out), not '" + cv + "'.");
            }
            return crossPerson();
        }
        TrainTestClips data = TrainTestClips.read(dir);
        data.requireTrainingData(dir);
        data.requireTestData(dir);
        List<Architecture> architectures = new ArrayList<>();
        List<Baseline> baselines = new ArrayList<>();
        choose(architectures, baselines);
        TrainingConfig config = config(subset != null ? subset : FeatureSubset.detect(data.train().clips()),
                data.sequenceLength()).withCanonicalSide(data.canonicalSide());
        List<ModelComparison.Row> rows;
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr())) {
            rows = ModelComparison.run(data.train(), data.test(), config, architectures, baselines, progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("subset", config.subset().name().toLowerCase(Locale.ROOT));
            result.put("train_clips", data.train().size());
            result.put("test_clips", data.test().size());
            List<Map<String, Object>> list = new ArrayList<>();
            for (ModelComparison.Row row : rows) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("model", row.model());
                if (row.failure() != null) {
                    entry.put("failure", row.failure());
                    list.add(entry);
                    continue;
                }
                entry.put("macro_f1", row.evaluation().macroF1());
                entry.put("accuracy", row.evaluation().accuracy());
                entry.put("weighted_f1", row.evaluation().weightedF1());
                entry.put("train_seconds", row.trainSeconds());
                entry.put("ms_per_clip", row.msPerClip());
                list.add(entry);
            }
            result.put("models", list);
            out.println(Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        } else {
            out.printf("%d training clips, %d test clips, %s features.%n", data.train().size(), data.test().size(),
                    config.subset().name().toLowerCase(Locale.ROOT));
            out.print(ModelComparison.table(rows));
        }
        out.flush();
        return 0;
    }

    private TrainingConfig config(FeatureSubset parts, int sequenceLength) {
        TrainingConfig defaults = TrainingConfig.defaults();
        return new TrainingConfig(defaults.architecture(), parts, sequenceLength,
                epochs != null ? epochs : defaults.maxEpochs(), defaults.batchSize(), defaults.learningRate(),
                defaults.validationFraction(), defaults.patience(), defaults.classWeights(), defaults.augmentation(),
                seed != null ? seed : defaults.seed(), defaults.canonicalSide());
    }

    private int crossPerson() throws Exception {
        List<Architecture> architectures = new ArrayList<>();
        List<Baseline> baselines = new ArrayList<>();
        choose(architectures, baselines);
        CrossPersonValidation.Result result;
        try (Project project = Project.openForReading(dir); ConsoleProgress progress =
                new ConsoleProgress(spec.commandLine().getErr())) {
            // Without --subset, the parts the labeled clips contain (read once, by the validation itself).
            result = CrossPersonValidation.run(project, new CrossPersonValidation.Request(architectures, baselines,
                    config(subset != null ? subset : FeatureSubset.POSE_HANDS, project.sequenceLength()),
                    subset == null), progress);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("persons", result.persons());
            map.put("clips", result.clips());
            map.put("untagged_clips", result.untaggedClips());
            List<Map<String, Object>> list = new ArrayList<>();
            for (CrossPersonValidation.ModelResult row : result.models()) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("model", row.model());
                if (row.failure() != null) {
                    entry.put("failure", row.failure());
                } else {
                    entry.put("mean_macro_f1", row.scores().meanMacroF1());
                    entry.put("spread_macro_f1", row.scores().spreadMacroF1());
                    entry.put("mean_accuracy", row.scores().meanAccuracy());
                    entry.put("spread_accuracy", row.scores().spreadAccuracy());
                    entry.put("train_seconds", row.trainSeconds());
                    entry.put("per_person", row.scores().persons());
                }
                list.add(entry);
            }
            map.put("models", list);
            out.println(Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(map));
        } else {
            out.print(crossPersonTable(result));
        }
        out.flush();
        return 0;
    }

    /** The summary (mean and spread per model), then each model's per-person table. */
    static String crossPersonTable(CrossPersonValidation.Result result) {
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "Leave one person out: %d people (%s), %d labeled clips%s.%n",
                result.persons().size(), String.join(", ", result.persons()), result.clips(),
                result.untaggedClips() > 0 ? "; " + result.untaggedClips() + " clips without a person left out" : ""));
        text.append(String.format(Locale.ROOT, "%-20s %15s %15s %10s%n", "model", "macro F1", "accuracy", "train s"));
        for (CrossPersonValidation.ModelResult row : result.models()) {
            if (row.failure() != null) {
                text.append(String.format(Locale.ROOT, "%-20s failed: %s%n", row.model(), row.failure()));
                continue;
            }
            text.append(String.format(Locale.ROOT, "%-20s %15s %15s %10.1f%n", row.model(),
                    PersonScores.format(row.scores().meanMacroF1(), row.scores().spreadMacroF1()),
                    PersonScores.format(row.scores().meanAccuracy(), row.scores().spreadAccuracy()),
                    row.trainSeconds()));
        }
        for (CrossPersonValidation.ModelResult row : result.models()) {
            if (row.scores() != null) {
                text.append(System.lineSeparator()).append(row.model()).append(':').append(System.lineSeparator())
                        .append(row.scores().toTable());
            }
        }
        return text.toString();
    }

    private void choose(List<Architecture> architectures, List<Baseline> baselines) {
        if (models == null || models.isEmpty()) {
            architectures.addAll(List.of(Architecture.values()));
            baselines.addAll(List.of(Baseline.values()));
            return;
        }
        for (String name : models) {
            String id = name.strip().toLowerCase(Locale.ROOT);
            boolean found = false;
            for (Architecture architecture : Architecture.values()) {
                if (architecture.id().equals(id)) {
                    architectures.add(architecture);
                    found = true;
                }
            }
            for (Baseline baseline : Baseline.values()) {
                if (baseline.id().equals(id)) {
                    baselines.add(baseline);
                    found = true;
                }
            }
            if (!found) {
                throw new GestureLabException("Unknown model '" + name + "'. Choose from default, gru, tcn, reference, lite, "
                        + "random-forest, gradient-boosting, ridge, logistic-regression.");
            }
        }
    }
}

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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gesturelab compare DIR}: networks and classical baselines on the project's own split. */
@Command(name = "compare", description = {"Train the three networks and the four classical baselines (random "
        + "forest, gradient boosting, ridge, logistic regression) on the project's training clips and compare them on "
        + "its test clips: macro F1, accuracy, training seconds, milliseconds per clip. Saves nothing."})
public final class CompareCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    private Path dir;

    @Option(names = "--models", paramLabel = "NAME", split = ",", description = "Which models, comma-separated: "
            + "default, reference, lite, random-forest, gradient-boosting, ridge, logistic-regression (default: all).")
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

    @Override
    public Integer call() throws Exception {
        TrainTestClips data = TrainTestClips.read(dir);
        data.requireTrainingData(dir);
        data.requireTestData(dir);
        List<Architecture> architectures = new ArrayList<>();
        List<Baseline> baselines = new ArrayList<>();
        choose(architectures, baselines);
        TrainingConfig defaults = TrainingConfig.defaults();
        TrainingConfig config = new TrainingConfig(defaults.architecture(),
                subset != null ? subset : FeatureSubset.detect(data.train().clips()), data.sequenceLength(),
                epochs != null ? epochs : defaults.maxEpochs(), defaults.batchSize(), defaults.learningRate(),
                defaults.validationFraction(), defaults.patience(), defaults.classWeights(), defaults.augmentation(),
                seed != null ? seed : defaults.seed());
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
                throw new GestureLabException("Unknown model '" + name + "'. Choose from default, reference, lite, "
                        + "random-forest, gradient-boosting, ridge, logistic-regression.");
            }
        }
    }
}

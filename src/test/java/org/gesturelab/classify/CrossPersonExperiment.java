package org.gesturelab.classify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.Npy;
import org.gesturelab.core.TaskMonitor;

/**
 * A benchmark, not a test: trains one configuration on bodygesture15's joints (all distances) and prints its macro
 * F1 on people it never saw, either the S7,S8 split or leave-one-person-out. Run by hand with the test class path:
 * {@code java -cp ... org.gesturelab.classify.CrossPersonExperiment DATA_ROOT
 * split|lopo|lodo|oneshot|oneshotw|oneshot3|noshot|ksl13|asl6 ARCH|BASELINE|ensemble AUGMENTATION [SEED]};
 * {@code -Dgesturelab.asRecorded=true} trains on feature version 1 (version 2 otherwise). The numbers recorded in
 * docs/decisions/1200, 1700, 1720 and 1730 came from it.
 */
public final class CrossPersonExperiment {

    private CrossPersonExperiment() {
    }

    /** Clips of one person, with the distance from the camera of each (1m, 4m, 6m). */
    record Person(String name, List<float[][]> clips, List<String> gestures, List<String> distances) {
    }

    static Map<String, Person> readJoints(Path root) throws IOException {
        Map<String, Person> people = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(root.resolve("index.csv"));
        List<String> header = List.of(lines.get(0).split(","));
        int file = header.indexOf("file");
        int subject = header.indexOf("subject");
        int gesture = header.indexOf("gesture");
        int distance = header.indexOf("distance");
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",");
            Npy.Array array = Npy.read(root.resolve(cells[file]));
            int frames = array.shape()[0];
            float[][] clip = new float[frames][KeypointLayout.FEATURES];
            for (int t = 0; t < frames; t++) {
                System.arraycopy(array.data(), t * 132, clip[t], KeypointLayout.POSE_OFFSET, 132);
            }
            Person person = people.computeIfAbsent(cells[subject],
                    s -> new Person(s, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            person.clips().add(clip);
            person.gestures().add(cells[gesture]);
            person.distances().add(cells[distance]);
        }
        return people;
    }

    static LabeledClips gather(Map<String, Person> people, List<String> names, List<String> classes) {
        return gather(people, names, classes, distance -> true);
    }

    /** The clips of some people, of the distances {@code keep} accepts. */
    static LabeledClips gather(Map<String, Person> people, List<String> names, List<String> classes,
            java.util.function.Predicate<String> keep) {
        List<float[][]> clips = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (String name : names) {
            Person person = people.get(name);
            for (int i = 0; i < person.clips().size(); i++) {
                if (keep.test(person.distances().get(i))) {
                    clips.add(person.clips().get(i));
                    labels.add(classes.indexOf(person.gestures().get(i)));
                }
            }
        }
        return new LabeledClips(clips, labels.stream().mapToInt(Integer::intValue).toArray(), classes);
    }

    /**
     * Runs one experiment.
     *
     * @param args data root, {@code split} or {@code lopo}, model id, augmentation preset, optional seed
     * @throws IOException if the data cannot be read
     */
    public static void main(String[] args) throws IOException {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        System.setProperty("ai.djl.offline", "true");
        if (args[1].equals("ksl13") || args[1].equals("asl6")) {
            oneSigner(Path.of(args[0]), args[1], Architecture.fromId(args[2]), augmentation(args[3]),
                    args.length > 4 ? Long.parseLong(args[4]) : 42);
            return;
        }
        Map<String, Person> people = readJoints(Path.of(args[0]).resolve("bodygesture15/joints"));
        List<String> classes = new ArrayList<>(new TreeSet<>(people.values().stream()
                .flatMap(p -> p.gestures().stream()).toList()));
        String model = args[2];
        TrainingConfig config = TrainingConfig.defaults().withSubset(FeatureSubset.POSE)
                .withAugmentation(augmentation(args[3]))
                .withSeed(args.length > 4 ? Long.parseLong(args[4]) : 42)
                .withCanonicalSide(!Boolean.getBoolean("gesturelab.asRecorded"));
        if (args.length > 5 && args[5].startsWith("p")) {
            config = config.withPatience(Integer.parseInt(args[5].substring(1)));
        } else if (args.length > 5) {
            // A fixed number of epochs on every training clip, without early stopping.
            config = config.withMaxEpochs(Integer.parseInt(args[5])).withValidationFraction(0);
        }
        List<String> all = new ArrayList<>(people.keySet());
        if (args[1].equals("lodo") || args[1].startsWith("oneshot") || args[1].equals("noshot")) {
            seenPeople(people, classes, model, config, args[1], args[3]);
            return;
        }
        List<List<String>> tests = args[1].equals("lopo") ? all.stream().map(List::of).toList()
                : List.of(List.of("S7", "S8"));
        double sum = 0;
        List<Double> scores = new ArrayList<>();
        for (List<String> test : tests) {
            List<String> train = new ArrayList<>(all);
            train.removeAll(test);
            LabeledClips trainClips = gather(people, train, classes);
            LabeledClips testClips = gather(people, test, classes);
            long started = System.nanoTime();
            int[] predicted = predict(model, config, trainClips, testClips);
            double seconds = (System.nanoTime() - started) / 1e9;
            Evaluation evaluation = Evaluation.of(classes, testClips.labels(), predicted);
            scores.add(evaluation.macroF1());
            sum += evaluation.macroF1();
            System.out.printf(Locale.ROOT, "%s %s %s seed %d test %s: macro F1 %.4f accuracy %.4f (%d/%d clips, "
                    + "%.1f s)%n", model, args[3], args[1], config.seed(), test, evaluation.macroF1(),
                    evaluation.accuracy(), trainClips.size(), testClips.size(), seconds);
        }
        double mean = sum / tests.size();
        double spread = Math.sqrt(scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum() / scores.size());
        System.out.printf(Locale.ROOT, "RESULT %s %s %s seed %d: mean macro F1 %.4f ± %.4f%n", model, args[3],
                args[1], config.seed(), mean, spread);
    }

    /**
     * Two ways of training on the people a model is tested on. {@code lodo}, leave one distance out: train on every
     * person's clips at two distances, test on the third (everybody seen, the recording unseen). {@code oneshot}:
     * leave one person out, but that person's clips at 1 m (one per gesture) join the training clips, and the test is
     * their clips at 4 m and 6 m (a user who records one example of each gesture from a new person). {@code noshot}:
     * the same test clips without that person's 1 m clips in training, to compare with. {@code oneshotw}: as
     * {@code oneshot}, with each person weighing the same ({@code workflow.PersonBalance}); {@code oneshot3}: the
     * person's clips three times instead (docs/decisions/1730).
     */
    private static void seenPeople(Map<String, Person> people, List<String> classes, String model,
            TrainingConfig config, String mode, String augmentation) {
        List<String> all = new ArrayList<>(people.keySet());
        List<String> folds = mode.equals("lodo") ? List.of("1m", "4m", "6m") : all;
        List<Double> scores = new ArrayList<>();
        for (String fold : folds) {
            LabeledClips trainClips;
            LabeledClips testClips;
            if (mode.equals("lodo")) {
                trainClips = gather(people, all, classes, distance -> !distance.equals(fold));
                testClips = gather(people, all, classes, fold::equals);
            } else {
                List<String> others = new ArrayList<>(all);
                others.remove(fold);
                LabeledClips rest = gather(people, others, classes);
                LabeledClips shots = gather(people, List.of(fold), classes,
                        distance -> mode.startsWith("oneshot") && distance.equals("1m"));
                // "oneshot3": the new person's clips three times, so they weigh as much as another person's 45.
                int copies = mode.equals("oneshot3") ? 3 : 1;
                List<float[][]> clips = new ArrayList<>(rest.clips());
                java.util.stream.IntStream.Builder labels = java.util.stream.IntStream.builder();
                java.util.Arrays.stream(rest.labels()).forEach(labels::add);
                for (int c = 0; c < copies; c++) {
                    clips.addAll(shots.clips());
                    java.util.Arrays.stream(shots.labels()).forEach(labels::add);
                }
                trainClips = new LabeledClips(clips, labels.build().toArray(), classes);
                if (mode.equals("oneshotw")) {
                    // Each person counts the same, as workflow.PersonBalance weighs them: n / (people x own clips).
                    int n = trainClips.size();
                    int groups = others.size() + 1;
                    double[] weights = new double[n];
                    for (int i = 0; i < n; i++) {
                        weights[i] = i < rest.size() ? (double) n / (groups * (rest.size() / others.size()))
                                : (double) n / (groups * shots.size());
                    }
                    trainClips = trainClips.withWeights(weights);
                }
                testClips = gather(people, List.of(fold), classes, distance -> !distance.equals("1m"));
            }
            Evaluation evaluation = Evaluation.of(classes, testClips.labels(),
                    predict(model, config, trainClips, testClips));
            scores.add(evaluation.macroF1());
            System.out.printf(Locale.ROOT, "%s %s %s seed %d test %s: macro F1 %.4f accuracy %.4f (%d/%d clips)%n",
                    model, augmentation, mode, config.seed(), fold, evaluation.macroF1(), evaluation.accuracy(),
                    trainClips.size(), testClips.size());
        }
        double mean = scores.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double spread = Math.sqrt(scores.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum() / scores.size());
        System.out.printf(Locale.ROOT, "RESULT %s %s %s seed %d: mean macro F1 %.4f ± %.4f%n", model, augmentation,
                mode, config.seed(), mean, spread);
    }

    /** ksl13 (MP_Data to the separately recorded MP_Data1) or asl6 (every fifth sequence held out). */
    private static void oneSigner(Path data, String set, Architecture architecture, Augmentation augmentation,
            long seed) {
        LabeledClips train;
        LabeledClips test;
        FeatureSubset subset;
        if (set.equals("ksl13")) {
            train = TestData.readMpData(data.resolve("ksl13-posehands/MP_Data"), null, 1000);
            test = TestData.readMpData(data.resolve("ksl13-posehands/MP_Data1"), train.classes(), 1000);
            subset = FeatureSubset.POSE_HANDS;
        } else {
            LabeledClips all = TestData.readMpData(data.resolve("asl6-holistic/MP_Data"), null, 30);
            List<float[][]> trainClips = new ArrayList<>();
            List<float[][]> testClips = new ArrayList<>();
            List<Integer> trainLabels = new ArrayList<>();
            List<Integer> testLabels = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                boolean heldOut = i % 5 == 4;
                (heldOut ? testClips : trainClips).add(all.clips().get(i));
                (heldOut ? testLabels : trainLabels).add(all.labels()[i]);
            }
            train = new LabeledClips(trainClips, trainLabels.stream().mapToInt(Integer::intValue).toArray(),
                    all.classes());
            test = new LabeledClips(testClips, testLabels.stream().mapToInt(Integer::intValue).toArray(),
                    all.classes());
            subset = FeatureSubset.ALL;
        }
        TrainingConfig config = TrainingConfig.defaults().withArchitecture(architecture).withSubset(subset)
                .withAugmentation(augmentation).withSeed(seed)
                .withCanonicalSide(Boolean.getBoolean("gesturelab.canonicalSide"));
        long started = System.nanoTime();
        long cpuStarted = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (SequenceClassifier classifier = ClassifierTrainer.train(train, config, null, TaskMonitor.SILENT)) {
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
                    - cpuStarted) / 1e9;
            Evaluation evaluation = Evaluation.ofProbabilities(train.classes(), test.labels(),
                    classifier.predict(test.clips()));
            // One window at a time, as Live classifies: the median of 200 calls after 20 to warm up.
            List<float[][]> one = java.util.Collections.singletonList(test.clips().get(0));
            double[] ms = new double[200];
            for (int i = -20; i < ms.length; i++) {
                long t = System.nanoTime();
                classifier.predict(one);
                if (i >= 0) {
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            java.util.Arrays.sort(ms);
            System.out.printf(Locale.ROOT, "RESULT %s %s seed %d: macro F1 %.4f, %d train clips, %d epochs (best %d),"
                    + " %.1f s wall, %.1f s CPU of the training thread, %.2f ms per window (median)%n",
                    architecture.id(), set, seed, evaluation.macroF1(), train.size(),
                    classifier.card().training().epochsRun(), classifier.card().training().bestEpoch(), seconds, cpu,
                    ms[ms.length / 2]);
        }
    }

    private static int[] predict(String model, TrainingConfig config, LabeledClips train, LabeledClips test) {
        if (model.equals("ensemble")) {
            // The default network and logistic regression, their probabilities averaged.
            try (SequenceClassifier network = ClassifierTrainer.train(train, config, null, TaskMonitor.SILENT);
                    ClassicClassifier linear = Baseline.LOGISTIC_REGRESSION.fit(train,
                            Baseline.LOGISTIC_REGRESSION.extractor(config), config.seed())) {
                float[][] a = network.predict(test.clips());
                float[][] b = linear.predict(test.clips());
                // The parts alone, on the same training run, so the ensemble is compared paired, not across seeds.
                System.out.printf(Locale.ROOT, "  network alone %.4f, logistic regression alone %.4f%n",
                        Evaluation.of(train.classes(), test.labels(), Evaluation.argmax(a)).macroF1(),
                        Evaluation.of(train.classes(), test.labels(), Evaluation.argmax(b)).macroF1());
                for (int i = 0; i < a.length; i++) {
                    for (int c = 0; c < a[i].length; c++) {
                        a[i][c] = (a[i][c] + b[i][c]) / 2;
                    }
                }
                return Evaluation.argmax(a);
            }
        }
        for (Baseline baseline : Baseline.values()) {
            if (baseline.id().equals(model)) {
                return baseline.train(train, baseline.extractor(config), config.seed())
                        .predict(test.clips());
            }
        }
        try (SequenceClassifier classifier = ClassifierTrainer.train(train,
                config.withArchitecture(Architecture.fromId(model)), null, TaskMonitor.SILENT)) {
            System.out.printf(Locale.ROOT, "  epochs %d best %d%n", classifier.card().training().epochsRun(),
                    classifier.card().training().bestEpoch());
            return Evaluation.argmax(classifier.predict(test.clips()));
        }
    }

    static Augmentation augmentation(String preset) {
        return switch (preset) {
            case "none" -> Augmentation.NONE;
            case "default" -> Augmentation.DEFAULT;
            case "geo" -> new Augmentation(0.05, 0.15, 15, 0.3, false, 0.1, 0.02, 0.2, 0);
            case "drop" -> new Augmentation(0.05, 0.1, 10, 0.2, false, 0, 0, 0.2, 0);
            case "shift" -> new Augmentation(0.05, 0.1, 10, 0.2, false, 0.05, 0, 0, 0);
            case "jitter" -> new Augmentation(0.05, 0.1, 10, 0.2, false, 0, 0.02, 0, 0);
            case "parts" -> new Augmentation(0.05, 0.1, 10, 0.2, false, 0, 0, 0, 0.1);
            case "full" -> new Augmentation(0.05, 0.15, 15, 0.3, false, 0.1, 0.02, 0.2, 0.1);
            case "strong" -> new Augmentation(0.1, 0.2, 20, 0.4, false, 0.2, 0.03, 0.3, 0.15);
            default -> throw new IllegalArgumentException("unknown augmentation " + preset);
        };
    }
}

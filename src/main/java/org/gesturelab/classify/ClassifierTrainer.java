package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import java.nio.FloatBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.gesturelab.core.Version;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;

/**
 * Trains {@link SequenceClassifier}s: Adam on mini-batches of augmented clips, a stratified validation split with
 * early stopping that restores the best weights, class weights, and an optional warm start.
 *
 * <p>Runs on the calling thread and reports each epoch to the {@link TaskMonitor}, checking for cancellation
 * between batches. With the same seed, data and configuration, training on one CPU thread gives the same model.
 */
public final class ClassifierTrainer {

    private static final java.util.concurrent.locks.ReentrantLock TRAINING =
            new java.util.concurrent.locks.ReentrantLock();

    /** Fewer training clips than this, or a class with fewer than 2, and nothing is held out for validation. */
    static final int MIN_CLIPS_FOR_VALIDATION = 20;
    /** The least drop in validation loss, at equal accuracy, that counts as progress. */
    static final double MIN_LOSS_IMPROVEMENT = 1e-3;

    private ClassifierTrainer() {
    }

    /**
     * Starts the PyTorch engine (loading, and the first time on a machine unpacking, its native libraries) and runs
     * one small operation, so that a later training finds it ready. It trains nothing: a training here would hold
     * the process's one gradient collector while the user's first model waits for it.
     *
     * @return how long it took, in seconds
     */
    public static double warmUp() {
        long started = System.nanoTime();
        PyTorchDefaults.apply();
        try (ai.djl.ndarray.NDManager manager = ai.djl.engine.Engine.getEngine("PyTorch").newBaseManager()) {
            manager.ones(new Shape(4, 30, 64)).matMul(manager.ones(new Shape(64, 8))).sum().getFloat();
        }
        return (System.nanoTime() - started) / 1e9;
    }

    /**
     * Trains a classifier.
     *
     * @param data the labelled training clips (every class in {@code data.classes()} becomes an output, even one
     *     without clips)
     * @param config the settings
     * @param warmStart a previous classifier whose parameters are copied where their names and shapes match (so a
     *     newly added class still reuses everything but the output layer), or null for a fresh start
     * @param monitor progress and cancellation
     * @return the trained classifier; the caller closes it
     * @throws IllegalArgumentException if there are fewer than 2 classes or no clips, or the warm start is not a
     *     {@link SequenceClassifier}
     * @throws org.gesturelab.core.CancelledException if cancelled
     */
    public static SequenceClassifier train(LabeledClips data, TrainingConfig config, GestureClassifier warmStart,
            TaskMonitor monitor) {
        // PyTorch (through DJL) allows one gradient collector per process: trainings on several threads (the
        // engine warm-up, a background retraining, the Train screen) take turns instead of failing.
        TRAINING.lock();
        try {
            return trainAlone(data, config, warmStart, monitor);
        } finally {
            TRAINING.unlock();
        }
    }

    private static SequenceClassifier trainAlone(LabeledClips data, TrainingConfig config,
            GestureClassifier warmStart, TaskMonitor monitor) {
        if (data.classes().size() < 2) {
            throw new IllegalArgumentException("training needs at least 2 classes, got " + data.classes().size());
        }
        if (data.size() == 0) {
            throw new IllegalArgumentException("training needs at least one clip");
        }
        if (warmStart != null && !(warmStart instanceof SequenceClassifier)) {
            throw new IllegalArgumentException("a warm start must be a SequenceClassifier, got "
                    + warmStart.getClass().getName());
        }
        long started = System.nanoTime();
        monitor.update("Preparing features", 0, config.maxEpochs());
        Random random = new Random(config.seed());
        FeatureExtractor extractor = config.extractor();
        int[] flagOfColumn = extractor.flagOfColumn();
        int[] labels = data.labels();
        int classes = data.classes().size();

        boolean[] validation = validationMask(labels, classes, config.validationFraction(), random);
        List<Integer> trainIndices = new ArrayList<>();
        List<Integer> validationIndices = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            (validation[i] ? validationIndices : trainIndices).add(i);
        }
        List<float[][]> trainSequences = new ArrayList<>();
        for (int i : trainIndices) {
            trainSequences.add(extractor.sequence(data.clips().get(i)));
            monitor.checkCancelled();
        }
        FeatureStatistics statistics = FeatureStatistics.fit(trainSequences, flagOfColumn);
        float[] classWeight = classWeights(labels, trainIndices, classes, config.classWeights());

        int length = config.sequenceLength();
        int dimension = extractor.dimension();
        float[] validationInput = new float[validationIndices.size() * length * dimension];
        int[] validationLabels = new int[validationIndices.size()];
        for (int k = 0; k < validationIndices.size(); k++) {
            int i = validationIndices.get(k);
            float[][] sequence = extractor.sequence(data.clips().get(i));
            statistics.standardize(sequence, flagOfColumn);
            flatten(sequence, validationInput, k * length * dimension);
            validationLabels[k] = labels[i];
        }

        Model model = SequenceClassifier.newModel(config.architecture(), classes);
        // Seed the model's own engine (PyTorch), not whatever Engine.getInstance() returns, before initializing.
        model.getNDManager().getEngine().setRandomSeed((int) config.seed());
        boolean success = false;
        try {
            Block network = model.getBlock();
            // DJL's trainer wants a loss, but step() computes its own: DJL's cross-entropy has no per-class weights.
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Adam.builder().optLearningRateTracker(Tracker.fixed((float) config.learningRate()))
                            .optClipGrad(5f).build());
            int copied = 0;
            int epochsRun = 0;
            int bestEpoch = 0;
            double bestLoss = Double.POSITIVE_INFINITY;
            double bestAccuracy = Double.NaN;
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(1, length, dimension));
                if (warmStart != null) {
                    copied = copyMatchingParameters(((SequenceClassifier) warmStart).network(), network);
                }
                List<Parameter> parameters = parameters(network);
                float[][] best = null;
                int sinceBest = 0;
                int[] order = trainIndices.stream().mapToInt(Integer::intValue).toArray();
                for (int epoch = 1; epoch <= config.maxEpochs(); epoch++) {
                    shuffle(order, random);
                    for (int start = 0, end; start < order.length; start = end) {
                        monitor.checkCancelled();
                        end = Math.min(order.length, start + config.batchSize());
                        if (order.length - end == 1) {
                            // A batch of one clip breaks batch normalization (lite): fold it into this one.
                            end = order.length;
                        }
                        step(trainer, data, Arrays.copyOfRange(order, start, end), extractor, statistics,
                                flagOfColumn, classWeight, config.augmentation(), random);
                    }
                    epochsRun = epoch;
                    if (validationLabels.length > 0) {
                        double[] lossAndAccuracy = validate(trainer.getManager(), network, validationInput,
                                validationLabels, length, dimension);
                        if (improves(lossAndAccuracy[0], lossAndAccuracy[1], bestLoss, bestAccuracy)) {
                            bestLoss = lossAndAccuracy[0];
                            bestAccuracy = lossAndAccuracy[1];
                            bestEpoch = epoch;
                            best = snapshot(parameters);
                            sinceBest = 0;
                        } else if (++sinceBest >= config.patience()) {
                            break;
                        }
                        monitor.update(String.format(Locale.ROOT, "Epoch %d, validation accuracy %.3f", epoch,
                                lossAndAccuracy[1]), epoch, config.maxEpochs());
                    } else {
                        bestEpoch = epoch;
                        monitor.update("Epoch " + epoch, epoch, config.maxEpochs());
                    }
                }
                if (best != null) {
                    restore(parameters, best);
                }
            }
            monitor.update("Trained", config.maxEpochs(), config.maxEpochs());
            double seconds = (System.nanoTime() - started) / 1e9;
            ModelCard.TrainingSummary summary = new ModelCard.TrainingSummary(trainIndices.size(),
                    validationIndices.size(), epochsRun, bestEpoch,
                    validationLabels.length > 0 ? bestLoss : Double.NaN, bestAccuracy, seconds, copied,
                    data.weights() != null);
            ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, config.architecture().id(), data.classes(),
                    config.subset().name(), extractor.version(), length, dimension, KeypointLayout.FEATURES,
                    statistics.mean(), statistics.std(), config, summary, null, DataFingerprint.of(data),
                    Instant.now().toString(), Version.get(),
                    System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"), ModelCard.NETWORK_SCORING);
            SequenceClassifier classifier = new SequenceClassifier(model, card);
            success = true;
            return classifier;
        } finally {
            if (!success) {
                model.close();
            }
        }
    }

    private static void step(Trainer trainer, LabeledClips data, int[] batch, FeatureExtractor extractor,
            FeatureStatistics statistics, int[] flagOfColumn, float[] classWeight, Augmentation augmentation,
            Random random) {
        int length = extractor.sequenceLength();
        int dimension = extractor.dimension();
        int classes = classWeight.length;
        float[] input = new float[batch.length * length * dimension];
        float[] targets = new float[batch.length * classes];
        // A clip counts by its class's weight times its own (several people: each person counts the same).
        double[] weight = new double[batch.length];
        double weightSum = 0;
        for (int b = 0; b < batch.length; b++) {
            weight[b] = classWeight[data.labels()[batch[b]]] * data.weight(batch[b]);
            weightSum += weight[b];
        }
        int[] labels = data.labels();
        for (int b = 0; b < batch.length; b++) {
            float[][] clip = data.clips().get(batch[b]);
            float[][] sequence = augmentation.isNone() ? extractor.sequence(clip)
                    : augmentation.sequence(extractor, clip, random);
            statistics.standardize(sequence, flagOfColumn);
            augmentation.afterStandardization(extractor, sequence, flagOfColumn, random);
            flatten(sequence, input, b * length * dimension);
            // The target row carries the clip's share of the weighted mean, so the loss is one multiply-and-sum.
            targets[b * classes + labels[batch[b]]] = (float) (weight[b] / weightSum);
        }
        try (NDManager manager = trainer.getManager().newSubManager()) {
            NDArray x = manager.create(FloatBuffer.wrap(input), new Shape(batch.length, length, dimension),
                    DataType.FLOAT32);
            NDArray target = manager.create(FloatBuffer.wrap(targets), new Shape(batch.length, classes),
                    DataType.FLOAT32);
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray loss = logits.logSoftmax(1).mul(target).sum().neg();
                collector.backward(loss);
            }
            trainer.step();
        }
    }

    /**
     * Decides whether an epoch beats the best so far: a higher validation accuracy, or the same accuracy with a loss
     * lower by at least {@link #MIN_LOSS_IMPROVEMENT}. The margin stops training once the loss only creeps towards
     * zero on an easy validation set, which otherwise goes on for every remaining epoch.
     */
    static boolean improves(double loss, double accuracy, double bestLoss, double bestAccuracy) {
        if (Double.isNaN(bestAccuracy) || accuracy > bestAccuracy + 1e-9) {
            return true;
        }
        return accuracy >= bestAccuracy - 1e-9 && loss < bestLoss - MIN_LOSS_IMPROVEMENT;
    }

    private static double[] validate(NDManager parent, Block network, float[] input, int[] labels, int length,
            int dimension) {
        int classes = -1;
        double lossSum = 0;
        int correct = 0;
        for (int start = 0; start < labels.length; start += SequenceClassifier.BATCH) {
            int end = Math.min(labels.length, start + SequenceClassifier.BATCH);
            try (NDManager manager = parent.newSubManager()) {
                int size = end - start;
                NDArray x = manager.create(FloatBuffer.wrap(input, start * length * dimension,
                        size * length * dimension).slice(), new Shape(size, length, dimension), DataType.FLOAT32);
                NDArray logProbabilities = network.forward(new ParameterStore(manager, false), new NDList(x), false)
                        .singletonOrThrow().logSoftmax(1);
                float[] values = logProbabilities.toFloatArray();
                classes = values.length / size;
                for (int r = 0; r < size; r++) {
                    int label = labels[start + r];
                    lossSum -= values[r * classes + label];
                    int best = 0;
                    for (int c = 1; c < classes; c++) {
                        if (values[r * classes + c] > values[r * classes + best]) {
                            best = c;
                        }
                    }
                    if (best == label) {
                        correct++;
                    }
                }
            }
        }
        return new double[] {lossSum / labels.length, (double) correct / labels.length};
    }

    /**
     * Chooses a stratified validation set: {@code fraction} of each class, rounded down, never a class's last clip
     * and nothing at all when the data is too small to spare it.
     */
    static boolean[] validationMask(int[] labels, int classes, double fraction, Random random) {
        boolean[] validation = new boolean[labels.length];
        if (fraction <= 0 || labels.length < MIN_CLIPS_FOR_VALIDATION) {
            return validation;
        }
        int total = 0;
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == c) {
                    members.add(i);
                }
            }
            int take = Math.min(members.size() - 1, (int) Math.floor(members.size() * fraction));
            int[] shuffled = members.stream().mapToInt(Integer::intValue).toArray();
            shuffle(shuffled, random);
            for (int k = 0; k < take; k++) {
                validation[shuffled[k]] = true;
                total++;
            }
        }
        if (total < 2) {
            Arrays.fill(validation, false);
        }
        return validation;
    }

    /** Balanced class weights {@code n / (classes_present x n_class)} over the training part, or all ones. */
    static float[] classWeights(int[] labels, List<Integer> trainIndices, int classes, boolean balanced) {
        float[] weights = new float[classes];
        Arrays.fill(weights, 1f);
        if (!balanced) {
            return weights;
        }
        int[] counts = new int[classes];
        for (int i : trainIndices) {
            counts[labels[i]]++;
        }
        int present = (int) Arrays.stream(counts).filter(n -> n > 0).count();
        for (int c = 0; c < classes; c++) {
            if (counts[c] > 0) {
                weights[c] = (float) trainIndices.size() / (present * counts[c]);
            }
        }
        return weights;
    }

    /**
     * Copies every parameter of {@code source} into {@code target} whose name and shape match.
     *
     * @return the number of parameters copied
     */
    static int copyMatchingParameters(Block source, Block target) {
        int copied = 0;
        var sourceParameters = source.getParameters();
        for (Pair<String, Parameter> entry : target.getParameters()) {
            Parameter from = sourceParameters.get(entry.getKey());
            Parameter to = entry.getValue();
            if (from != null && from.isInitialized() && to.isInitialized()
                    && from.getArray().getShape().equals(to.getArray().getShape())) {
                replaceValues(to, from.getArray().toFloatArray());
                copied++;
            }
        }
        return copied;
    }

    private static List<Parameter> parameters(Block network) {
        List<Parameter> list = new ArrayList<>();
        for (Pair<String, Parameter> entry : network.getParameters()) {
            list.add(entry.getValue());
        }
        return list;
    }

    private static float[][] snapshot(List<Parameter> parameters) {
        float[][] copy = new float[parameters.size()][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = parameters.get(i).getArray().toFloatArray();
        }
        return copy;
    }

    private static void restore(List<Parameter> parameters, float[][] values) {
        for (int i = 0; i < values.length; i++) {
            replaceValues(parameters.get(i), values[i]);
        }
    }

    /**
     * Puts new values into a parameter by swapping in a fresh tensor, not with NDArray.set(Buffer): PyTorch's set
     * path prints a deprecation warning (AutoNonVariableTypeMode) on the user's console.
     */
    private static void replaceValues(Parameter parameter, float[] values) {
        NDArray array = parameter.getArray();
        // create() wraps a Java buffer without copying and only the wrapper keeps that buffer alive: clone it into
        // memory PyTorch owns before the handle moves, or the garbage collector frees the weights.
        try (NDArray wrapped = array.getManager().create(values, array.getShape())) {
            array.intern(wrapped.duplicate());
        }
        // Only trainable weights take gradients again; BatchNorm's running statistics must not.
        if (parameter.requiresGradient()) {
            array.setRequiresGradient(true);
        }
    }

    private static void flatten(float[][] sequence, float[] into, int offset) {
        int at = offset;
        for (float[] frame : sequence) {
            System.arraycopy(frame, 0, into, at, frame.length);
            at += frame.length;
        }
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}

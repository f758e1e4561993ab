package org.gesturelab.classify;

import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;

/**
 * A trained DJL sequence classifier: features, standardization and network together, with its {@link ModelCard}.
 *
 * <p>All methods work in batches of up to {@value #BATCH} clips. {@link #predictWithDropout} runs the network body
 * once and only the dropout head {@code passes} times. Not thread-safe; close it to free native memory.
 */
public final class SequenceClassifier implements TrainedClassifier {

    /** The DJL model name; parameters are saved as {@code classifier-0000.params}. */
    static final String PARAMETERS_NAME = "classifier";
    /** Clips per forward pass: large enough to amortize overhead, small enough to keep native memory modest. */
    static final int BATCH = 512;
    private static final String ENGINE = "PyTorch";

    private final Model model;
    private final Block body;
    private final Block head;
    private final FeatureExtractor extractor;
    private final FeatureStatistics statistics;
    private final int[] flagOfColumn;
    private ModelCard card;

    /**
     * Wraps a model whose block was built by {@link Architecture#build(int)} and holds trained parameters.
     *
     * @param model the model; this classifier closes it
     * @param card its card
     */
    SequenceClassifier(Model model, ModelCard card) {
        this.model = model;
        this.card = card;
        this.body = Architecture.body(model.getBlock());
        this.head = Architecture.head(model.getBlock());
        this.extractor = FeatureExtractor.forVersion(FeatureSubset.valueOf(card.featureSubset()),
                card.sequenceLength(), card.featureVersion());
        this.statistics = new FeatureStatistics(card.featureMean(), card.featureStd());
        this.flagOfColumn = extractor.flagOfColumn();
        if (extractor.dimension() != card.inputFeatures() || statistics.dimension() != card.inputFeatures()) {
            throw new GestureLabException("The model card says " + card.inputFeatures() + " input features, but the "
                    + card.featureSubset() + " features have " + extractor.dimension() + " and the statistics "
                    + statistics.dimension() + ". The model folder is damaged; train again.");
        }
    }

    /**
     * Creates an empty PyTorch model holding a new network, with one-thread defaults.
     *
     * @param architecture the network design
     * @param classes the number of classes
     * @return the model, parameters not yet initialized
     */
    static Model newModel(Architecture architecture, int classes) {
        PyTorchDefaults.apply();
        Model model = Model.newInstance(PARAMETERS_NAME, Device.cpu(), ENGINE);
        model.setBlock(architecture.build(classes));
        return model;
    }

    @Override
    public List<String> classes() {
        return card.classes();
    }

    @Override
    public ModelCard card() {
        return card;
    }

    @Override
    public void recordEvaluation(Evaluation evaluation) {
        card = card.withEvaluation(evaluation);
    }

    /** A NaN or infinity would come out as NaN probabilities behind a confident-looking answer: refuse it. */
    static void requireFinite(List<float[][]> clips) {
        for (int c = 0; c < clips.size(); c++) {
            float[][] frames = clips.get(c);
            for (int f = 0; f < frames.length; f++) {
                for (float value : frames[f]) {
                    if (!Float.isFinite(value)) {
                        throw new GestureLabException("Cannot classify: frame " + f + " of clip " + (c + 1)
                                + " contains " + value + "; keypoints must be finite numbers.");
                    }
                }
            }
        }
    }

    /** Returns the underlying network (body, then head), for warm starts and for export to ONNX. */
    public Block network() {
        return model.getBlock();
    }

    @Override
    public float[][] predict(List<float[][]> clips) {
        requireFinite(clips);
        int classes = card.classes().size();
        float[][] out = new float[clips.size()][];
        for (int start = 0; start < clips.size(); start += BATCH) {
            int end = Math.min(clips.size(), start + BATCH);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                NDList embedding = body.forward(store, input(manager, clips.subList(start, end)), false);
                NDArray probabilities = head.forward(store, embedding, false).singletonOrThrow().softmax(1);
                copyRows(probabilities.toFloatArray(), classes, out, start);
            }
        }
        return out;
    }

    @Override
    public float[][] embed(List<float[][]> clips) {
        int size = Architecture.of(card).embeddingSize();
        float[][] out = new float[clips.size()][];
        for (int start = 0; start < clips.size(); start += BATCH) {
            int end = Math.min(clips.size(), start + BATCH);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                NDArray embedding = body.forward(store, input(manager, clips.subList(start, end)), false)
                        .singletonOrThrow();
                copyRows(embedding.toFloatArray(), size, out, start);
            }
        }
        return out;
    }

    @Override
    public float[][][] predictWithDropout(List<float[][]> clips, int passes, long seed) {
        if (passes < 1) {
            throw new IllegalArgumentException("passes must be at least 1, got " + passes);
        }
        int classes = card.classes().size();
        float[][][] out = new float[passes][clips.size()][];
        model.getNDManager().getEngine().setRandomSeed((int) seed);
        for (int start = 0; start < clips.size(); start += BATCH) {
            int end = Math.min(clips.size(), start + BATCH);
            try (NDManager manager = model.getNDManager().newSubManager()) {
                ParameterStore store = new ParameterStore(manager, false);
                NDList embedding = body.forward(store, input(manager, clips.subList(start, end)), false);
                for (int pass = 0; pass < passes; pass++) {
                    // Training mode outside a gradient collector: dropout masks are sampled, nothing is recorded.
                    NDArray probabilities = head.forward(store, embedding, true).singletonOrThrow().softmax(1);
                    copyRows(probabilities.toFloatArray(), classes, out[pass], start);
                    probabilities.close();
                }
            }
        }
        return out;
    }

    /**
     * Computes the standardized input sequences of clips.
     *
     * @param clips raw clips
     * @return {@code clips x sequenceLength x dimension} values, flattened
     */
    float[] features(List<float[][]> clips) {
        int length = extractor.sequenceLength();
        int dimension = extractor.dimension();
        float[] data = new float[clips.size() * length * dimension];
        int at = 0;
        for (float[][] clip : clips) {
            float[][] sequence = extractor.sequence(clip);
            statistics.standardize(sequence, flagOfColumn);
            for (float[] frame : sequence) {
                System.arraycopy(frame, 0, data, at, dimension);
                at += dimension;
            }
        }
        return data;
    }

    private NDList input(NDManager manager, List<float[][]> clips) {
        Shape shape = new Shape(clips.size(), extractor.sequenceLength(), extractor.dimension());
        return new NDList(manager.create(FloatBuffer.wrap(features(clips)), shape, DataType.FLOAT32));
    }

    private static void copyRows(float[] flat, int width, float[][] out, int start) {
        int rows = flat.length / width;
        for (int r = 0; r < rows; r++) {
            float[] row = new float[width];
            System.arraycopy(flat, r * width, row, 0, width);
            out[start + r] = row;
        }
    }

    @Override
    public void save(Path folder) throws IOException {
        Files.createDirectories(folder);
        model.save(folder, PARAMETERS_NAME);
        card.write(folder);
    }

    /**
     * Loads a model folder written by {@link #save}.
     *
     * @param folder the model folder
     * @return the classifier
     * @throws GestureLabException if the card or parameters are missing, damaged, or do not match each other
     */
    public static SequenceClassifier load(Path folder) {
        ModelCard card = ModelCard.read(folder);
        Architecture architecture;
        try {
            architecture = Architecture.of(card);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new GestureLabException("The model in " + folder + " uses the architecture '" + card.architecture()
                    + "', which this GestureLab does not know.", e);
        }
        if (card.keypointFeatures() != KeypointLayout.FEATURES) {
            throw new GestureLabException("The model in " + folder + " reads " + card.keypointFeatures()
                    + " floats per frame; GestureLab clips have " + KeypointLayout.FEATURES + ".");
        }
        Model model = newModel(architecture, card.classes().size());
        try {
            model.load(folder, PARAMETERS_NAME);
            // DJL skips a parameter file it does not recognise without complaint; an uninitialized block is the sign.
            if (!model.getBlock().isInitialized()) {
                throw new MalformedModelException("no usable " + PARAMETERS_NAME + "-NNNN.params file");
            }
            return new SequenceClassifier(model, card);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            if (e instanceof GestureLabException g) {
                throw g;
            }
            throw new GestureLabException("Cannot load the parameters in " + folder + " (" + e.getMessage()
                    + "). The folder is damaged or from another version; train again.", e);
        }
    }

    @Override
    public void close() {
        model.close();
    }
}

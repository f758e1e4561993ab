package org.gesturelab.classify.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.FeatureExtractor;
import org.gesturelab.classify.FeatureStatistics;
import org.gesturelab.classify.FeatureSubset;
import org.gesturelab.classify.ModelCard;
import org.gesturelab.classify.SequenceClassifier;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.KeypointLayout;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.core.Version;
import org.gesturelab.mediapipe.convert.OnnxGraphBuilder;

/**
 * Exports a trained {@link SequenceClassifier} as one ONNX graph: raw keypoint windows in
 * ({@value #INPUT}, float32 {@code [batch, frames, 1662]}, zeros where a part is absent), class probabilities out
 * ({@value #OUTPUT}, {@code [batch, classes]}). The body-centric features, the resampling to the model's sequence
 * length and the standardization are nodes of the graph, so a user needs only an ONNX runtime. A JSON
 * {@link OnnxModelCard} is written beside it ({@code NAME.json}). See docs/decisions/1300-onnx-export.md.
 */
public final class OnnxExporter {

    /** The graph input's name. */
    public static final String INPUT = "keypoints";
    /** The graph output's name. */
    public static final String OUTPUT = "probabilities";
    /** The threshold the card suggests when none is given: the app's default. */
    public static final double DEFAULT_THRESHOLD = 0.8;

    private OnnxExporter() {
    }

    /**
     * What an export wrote.
     *
     * @param onnx the {@code .onnx} file
     * @param card the card file
     * @param modelCard the card's content
     * @param nodes nodes in the graph
     * @param bytes size of the {@code .onnx} file
     */
    public record Result(Path onnx, Path card, OnnxModelCard modelCard, int nodes, long bytes) {
    }

    /**
     * Returns the card file that goes with an {@code .onnx} file: the same name with {@code .json}.
     *
     * @param onnx the model file
     * @return its card's path
     */
    public static Path cardFile(Path onnx) {
        String name = onnx.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
        return onnx.resolveSibling(stem + ".json");
    }

    /**
     * Loads a model folder and exports it.
     *
     * @param modelFolder a folder written by {@link SequenceClassifier#save}
     * @param out the {@code .onnx} file to write (its folder is created)
     * @param threshold the threshold to suggest in the card
     * @param monitor progress
     * @return what was written
     * @throws GestureLabException if the model cannot be loaded or exported, or is a classical model
     */
    public static Result export(Path modelFolder, Path out, double threshold, TaskMonitor monitor) {
        monitor.update("Loading the model", 0, 3);
        ModelCard source = ModelCard.read(modelFolder);
        if (source.classic()) {
            // Tribuo writes ONNX for linear models only, and not the clip summary in front of them; half an export
            // would be a model that cannot be run. docs/decisions/1400.
            throw new GestureLabException("The model in " + modelFolder + " is a classical model ("
                    + source.architecture() + "), and only the networks can be exported to ONNX. Train a network "
                    + "(gesturelab train DIR --arch default) to export it, or use GestureLab itself to run the "
                    + source.architecture() + " model.");
        }
        try (SequenceClassifier classifier = SequenceClassifier.load(modelFolder)) {
            return export(classifier, modelFolder.getFileName().toString(), out, threshold, monitor);
        }
    }

    /**
     * Exports a loaded classifier.
     *
     * @param classifier the classifier
     * @param sourceName a name for the card's {@code source_model}
     * @param out the {@code .onnx} file to write
     * @param threshold the threshold to suggest in the card
     * @param monitor progress
     * @return what was written
     */
    public static Result export(SequenceClassifier classifier, String sourceName, Path out, double threshold,
            TaskMonitor monitor) {
        if (!(threshold > 0 && threshold < 1)) {
            throw new GestureLabException("The threshold must be between 0 and 1, got " + threshold + ".");
        }
        ModelCard card = classifier.card();
        requireExportable(card);
        monitor.update("Building the ONNX graph", 1, 3);
        ai.onnx.proto.OnnxMl.ModelProto model = graph(classifier);
        byte[] bytes = model.toByteArray();
        monitor.checkCancelled();
        monitor.update("Writing " + out.getFileName(), 2, 3);
        Path folder = out.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Path temporary = Files.createTempFile(folder, ".export-", ".tmp");
            try {
                Files.write(temporary, bytes);
                move(temporary, out);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new GestureLabException("Cannot write " + out + ": " + e.getMessage(), e);
        }
        OnnxModelCard modelCard = card(card, out.getFileName().toString(), sha256(bytes), threshold, sourceName);
        Path cardFile = cardFile(out);
        modelCard.write(cardFile);
        monitor.update("Exported", 3, 3);
        return new Result(out, cardFile, modelCard, model.getGraph().getNodeCount(), bytes.length);
    }

    /** Refuses models the exporter cannot reproduce, saying why. */
    static void requireExportable(ModelCard card) {
        try {
            Architecture.fromId(card.architecture());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new GestureLabException("The model uses the architecture '" + card.architecture() + "', which "
                    + "the ONNX exporter does not know. Only GestureLab's neural networks (default, reference, "
                    + "lite) can be exported; classic baselines (random forest, boosting, ridge, logistic "
                    + "regression) are never saved as a project's model.");
        }
        if (card.featureVersion() != FeatureExtractor.VERSION
                && card.featureVersion() != FeatureExtractor.VERSION_AS_RECORDED) {
            throw new GestureLabException("The model was trained on feature version " + card.featureVersion()
                    + ", but the ONNX exporter reproduces versions " + FeatureExtractor.VERSION_AS_RECORDED + " and "
                    + FeatureExtractor.VERSION + ". Train again, or update GestureLab.");
        }
        if (card.keypointFeatures() != KeypointLayout.FEATURES) {
            throw new GestureLabException("The model reads " + card.keypointFeatures() + " floats per frame; the "
                    + "ONNX export takes " + KeypointLayout.FEATURES + ".");
        }
    }

    /**
     * Builds the ONNX model of a classifier.
     *
     * @param classifier the classifier
     * @return the model
     */
    static ai.onnx.proto.OnnxMl.ModelProto graph(SequenceClassifier classifier) {
        ModelCard card = classifier.card();
        OnnxGraphBuilder builder = new OnnxGraphBuilder("gesturelab_classifier");
        GraphOps g = new GraphOps(builder);
        builder.reserve(INPUT);
        builder.symbolic(INPUT, true, "batch", "frames", KeypointLayout.FEATURES);
        FeatureExtractor extractor = FeatureExtractor.forVersion(FeatureSubset.valueOf(card.featureSubset()),
                card.sequenceLength(), card.featureVersion());
        String features = new FeatureGraph(g, extractor).standardizedSequence(INPUT,
                new FeatureStatistics(card.featureMean(), card.featureStd()));
        String logits = new NetworkGraph(g, features).add(classifier.network());
        g.named(OUTPUT, "Softmax", List.of(logits), OnnxGraphBuilder.attribute("axis", 1L));
        builder.symbolic(OUTPUT, false, "batch", card.classes().size());
        return builder.model(Version.get(), "GestureLab gesture classifier (" + card.architecture() + "): "
                + "keypoints [batch, frames, 1662] -> probabilities over " + card.classes());
    }

    private static OnnxModelCard card(ModelCard card, String fileName, String sha256, double threshold,
            String sourceName) {
        List<OnnxModelCard.LayoutPart> layout = List.of(
                new OnnxModelCard.LayoutPart("pose", KeypointLayout.POSE_OFFSET, KeypointLayout.POSE_LANDMARKS,
                        List.of("x", "y", "z", "visibility")),
                new OnnxModelCard.LayoutPart("face", KeypointLayout.FACE_OFFSET, KeypointLayout.FACE_LANDMARKS,
                        List.of("x", "y", "z")),
                new OnnxModelCard.LayoutPart("left_hand", KeypointLayout.LEFT_HAND_OFFSET,
                        KeypointLayout.HAND_LANDMARKS, List.of("x", "y", "z")),
                new OnnxModelCard.LayoutPart("right_hand", KeypointLayout.RIGHT_HAND_OFFSET,
                        KeypointLayout.HAND_LANDMARKS, List.of("x", "y", "z")));
        Double macroF1 = card.evaluation() == null ? null : card.evaluation().macroF1();
        Double accuracy = card.evaluation() == null ? null : card.evaluation().accuracy();
        return new OnnxModelCard(OnnxModelCard.FORMAT, OnnxModelCard.FORMAT_VERSION, fileName, sha256,
                card.classes(), card.sequenceLength(), INPUT, List.of("batch", "frames", KeypointLayout.FEATURES),
                OUTPUT, List.of("batch", card.classes().size()), layout, threshold, card.architecture(),
                card.featureSubset(), card.featureVersion(), OnnxGraphBuilder.OPSET, macroF1, accuracy, sourceName,
                Version.get());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}

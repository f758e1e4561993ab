package org.gesturelab.classify.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.gesturelab.classify.Json;
import org.gesturelab.core.GestureLabException;

/**
 * The JSON model card written beside an exported {@code .onnx} classifier: everything a program in another language
 * needs to feed it and read its answer, without GestureLab.
 *
 * @param format always {@link #FORMAT}
 * @param formatVersion the card format, {@link #FORMAT_VERSION}
 * @param model the ONNX file's name (in the same folder)
 * @param sha256 the ONNX file's SHA-256, hex
 * @param classes the class names, in the order of the probability columns
 * @param frames the frames the classifier looks at: a window of any length is resampled to this inside the graph,
 *     but windows of exactly this many frames are what it was trained on
 * @param input the input tensor's name
 * @param inputShape the input's shape ({@code batch} and {@code frames} are free)
 * @param output the output tensor's name
 * @param outputShape the output's shape
 * @param layout where each body part sits in a 1662-float frame
 * @param threshold the probability above which the GestureLab app names a gesture (a suggestion for users)
 * @param architecture the network design
 * @param featureSubset the body parts the features use
 * @param featureVersion the feature definition version
 * @param opset the ONNX opset
 * @param macroF1 the macro F1 on the project's test clips when the model was evaluated, else null
 * @param accuracy the accuracy on the test clips, else null
 * @param sourceModel the GestureLab model folder exported
 * @param gesturelabVersion the GestureLab version that exported it
 */
public record OnnxModelCard(String format, int formatVersion, String model, String sha256, List<String> classes,
        int frames, String input, List<Object> inputShape, String output, List<Object> outputShape,
        List<LayoutPart> layout, double threshold, String architecture, String featureSubset, int featureVersion,
        int opset, Double macroF1, Double accuracy, String sourceModel, String gesturelabVersion) {

    /** The value of {@link #format()}. */
    public static final String FORMAT = "gesturelab-onnx-classifier";
    /** The current card format. */
    public static final int FORMAT_VERSION = 1;

    /**
     * One body part's block in a raw frame.
     *
     * @param part pose, face, left_hand or right_hand
     * @param offset the first float of the block
     * @param landmarks landmarks in the block
     * @param values the values of each landmark, in order
     */
    public record LayoutPart(String part, int offset, int landmarks, List<String> values) {
    }

    /** Copies the lists. */
    public OnnxModelCard {
        classes = List.copyOf(classes);
        inputShape = List.copyOf(inputShape);
        outputShape = List.copyOf(outputShape);
        layout = List.copyOf(layout);
    }

    /**
     * Writes the card.
     *
     * @param file the {@code .json} file
     * @throws GestureLabException if it cannot be written
     */
    public void write(Path file) {
        try {
            Json.MAPPER.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new GestureLabException("Cannot write the model card " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a card.
     *
     * @param file the {@code .json} file
     * @return the card
     * @throws GestureLabException if it is missing or not a card
     */
    public static OnnxModelCard read(Path file) {
        try {
            OnnxModelCard card = Json.MAPPER.readValue(file.toFile(), OnnxModelCard.class);
            if (!FORMAT.equals(card.format())) {
                throw new GestureLabException(file + " is not a GestureLab ONNX model card.");
            }
            return card;
        } catch (IOException e) {
            throw new GestureLabException("Cannot read the model card " + file + ": " + e.getMessage(), e);
        }
    }
}

package org.gesturelab.keypoints;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import ai.djl.MalformedModelException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.Translator;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.mediapipe.MediaPipeModel;
import org.gesturelab.mediapipe.OrtSessionSettings;
import org.gesturelab.mediapipe.GestureLabModelZoo;

/**
 * Loads the Holistic models from GestureLab's DJL model zoo, each with its translator. Every call opens a new ONNX
 * Runtime session: a worker thread loads its own models and keeps one predictor per model.
 */
public final class KeypointModels {

    private KeypointModels() {
    }

    /**
     * Loads one model.
     *
     * @param model which model
     * @param input the translator's input type
     * @param output the translator's output type
     * @param translator its pre- and post-processing
     * @param modelDir the model directory, or null for the default ({@link org.gesturelab.mediapipe.ModelDirectory})
     * @param <I> input type
     * @param <O> output type
     * @return the loaded model; close it when done
     * @throws GestureLabException when the model is not installed or cannot be loaded
     */
    public static <I, O> ZooModel<I, O> load(MediaPipeModel model, Class<I> input, Class<O> output,
            Translator<I, O> translator, Path modelDir) {
        Criteria.Builder<I, O> builder = Criteria.builder()
                .setTypes(input, output)
                .optGroupId(GestureLabModelZoo.GROUP_ID)
                .optArtifactId(model.artifactId())
                .optEngine(OrtSessionSettings.ENGINE)
                .optTranslator(translator);
        if (modelDir != null) {
            builder.optArgument(GestureLabModelZoo.MODEL_DIR, modelDir.toString());
        }
        try {
            return builder.build().loadModel();
        } catch (ModelNotFoundException | MalformedModelException | IOException e) {
            throw new GestureLabException("Cannot load the model " + model.artifactId() + ": " + e.getMessage()
                    + ". Run 'gesturelab models install' to (re)install the models.", e);
        }
    }

    /** The class literal of {@code List<Roi>}, for detector translators. */
    @SuppressWarnings("unchecked")
    static Class<List<Roi>> roiList() {
        return (Class<List<Roi>>) (Class<?>) List.class;
    }
}

package org.gesturelab.mediapipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import ai.djl.Application;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.repository.MRL;
import ai.djl.repository.Repository;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.DefaultTranslatorFactory;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Progress;
import org.gesturelab.core.GestureLabException;

/**
 * Loads one installed MediaPipe model, {@code ID.onnx} in the model directory, on the OnnxRuntime engine.
 *
 * <p>It never downloads: a model that is not installed fails with a {@link GestureLabException} that says to run
 * {@code gesturelab models install}. That exception passes through {@code Criteria.loadModel()} as it is, where a
 * {@link ModelNotFoundException} would be replaced by DJL's generic "no model matching the criteria". A model
 * whose bytes differ from the SHA-256 pinned in {@link MediaPipeModel} is refused the same way
 * ({@link OnnxIntegrity}).
 */
public final class MediaPipeModelLoader implements ModelLoader {

    private final MediaPipeModel model;

    /**
     * Creates the loader.
     *
     * @param model the model it loads
     */
    public MediaPipeModelLoader(MediaPipeModel model) {
        this.model = model;
    }

    @Override
    public String getGroupId() {
        return GestureLabModelZoo.GROUP_ID;
    }

    @Override
    public String getArtifactId() {
        return model.artifactId();
    }

    @Override
    public Application getApplication() {
        return Application.UNDEFINED;
    }

    @Override
    public MRL getMrl() {
        Repository repository = Repository.newInstance("gesturelab-models", ModelDirectory.resolve(null));
        return MRL.model(repository, Application.UNDEFINED, getGroupId(), getArtifactId(),
                ModelPackage.HOLISTIC.version(), getArtifactId());
    }

    @Override
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws IOException, ModelNotFoundException, MalformedModelException {
        Path onnx = requireInstalled(criteria);
        TranslatorFactory factory = criteria.getTranslatorFactory();
        if (factory == null) {
            factory = new DefaultTranslatorFactory();
        }
        Class<I> input = criteria.getInputClass();
        Class<O> output = criteria.getOutputClass();
        if (!factory.isSupported(input, output)) {
            throw new ModelNotFoundException("No translator from " + input.getName() + " to " + output.getName()
                    + " for " + getArtifactId() + ": pass one with optTranslator");
        }
        Map<String, Object> options = new HashMap<>(OrtSessionSettings.oneThread());
        if (criteria.getOptions() != null) {
            options.putAll(criteria.getOptions());
        }
        Model loaded = Model.newInstance(getArtifactId(), criteria.getDevice(), OrtSessionSettings.ENGINE);
        try {
            loaded.load(onnx.getParent(), getArtifactId(), options);
            Map<String, Object> arguments = criteria.getArguments() == null ? Map.of() : criteria.getArguments();
            Translator<I, O> translator = factory.newInstance(input, output, loaded, arguments);
            return new ZooModel<>(loaded, translator);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            loaded.close();
            throw e;
        } catch (TranslateException e) {
            loaded.close();
            throw new ModelNotFoundException("Cannot create the translator for " + getArtifactId(), e);
        }
    }

    @Override
    public <I, O> boolean isDownloaded(Criteria<I, O> criteria) {
        return Files.isRegularFile(onnxFile(criteria));
    }

    @Override
    public <I, O> void downloadModel(Criteria<I, O> criteria, Progress progress) {
        requireInstalled(criteria);
    }

    /**
     * Returns the model directory the criteria ask for.
     *
     * @param criteria the criteria
     * @return their {@link GestureLabModelZoo#MODEL_DIR} argument, else the default model directory
     */
    static Path modelDirectory(Criteria<?, ?> criteria) {
        Map<String, Object> arguments = criteria.getArguments();
        Object dir = arguments == null ? null : arguments.get(GestureLabModelZoo.MODEL_DIR);
        return ModelDirectory.resolve(dir == null ? null : Path.of(dir.toString()));
    }

    private Path onnxFile(Criteria<?, ?> criteria) {
        return modelDirectory(criteria).resolve(model.onnxFileName());
    }

    private Path requireInstalled(Criteria<?, ?> criteria) {
        Path onnx = onnxFile(criteria);
        if (!Files.isRegularFile(onnx)) {
            throw new GestureLabException("The MediaPipe model " + getArtifactId() + " is not installed: "
                    + onnx + " does not exist. Run 'gesturelab models install'"
                    + (onnx.getParent().equals(ModelDirectory.resolve(null)) ? "" : " --dir " + onnx.getParent()) + " once to install the models.");
        }
        OnnxIntegrity.requireIntact(model, onnx);
        return onnx;
    }

    @Override
    public String toString() {
        return getGroupId() + ":" + getArtifactId();
    }
}

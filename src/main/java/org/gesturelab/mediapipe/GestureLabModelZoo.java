package org.gesturelab.mediapipe;

import java.util.Set;

import ai.djl.repository.zoo.ModelZoo;

/**
 * The installed MediaPipe models as a DJL model zoo. Load one with:
 *
 * <pre>{@code
 * Criteria<NDList, NDList> criteria = Criteria.builder()
 *         .setTypes(NDList.class, NDList.class)
 *         .optGroupId(GestureLabModelZoo.GROUP_ID)
 *         .optArtifactId("pose_landmark_full")
 *         .build();
 * try (ZooModel<NDList, NDList> model = criteria.loadModel()) { ... }
 * }</pre>
 *
 * <p>The artifact ids are those of {@link MediaPipeModel}. Models come from the model directory
 * ({@link org.gesturelab.mediapipe.ModelDirectory#resolve}) unless the criteria name another with
 * {@code optArgument(GestureLabModelZoo.MODEL_DIR, path)}. Sessions run on one thread
 * ({@link OrtSessionSettings#oneThread()}); criteria options override single settings.
 */
public final class GestureLabModelZoo extends ModelZoo {

    /** The zoo's group id. */
    public static final String GROUP_ID = "org.gesturelab.mediapipe";
    /** Criteria argument naming the model directory (a {@link java.nio.file.Path} or a string). */
    public static final String MODEL_DIR = "modelDir";

    /** Creates the zoo with one loader per {@link MediaPipeModel}. */
    public GestureLabModelZoo() {
        for (MediaPipeModel model : MediaPipeModel.values()) {
            addModel(new MediaPipeModelLoader(model));
        }
    }

    @Override
    public String getGroupId() {
        return GROUP_ID;
    }

    @Override
    public Set<String> getSupportedEngines() {
        return Set.of(OrtSessionSettings.ENGINE);
    }
}

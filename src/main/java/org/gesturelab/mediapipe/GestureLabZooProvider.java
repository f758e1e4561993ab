package org.gesturelab.mediapipe;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;

/**
 * Registers {@link GestureLabModelZoo} with DJL; listed in
 * {@code META-INF/services/ai.djl.repository.zoo.ZooProvider}.
 */
public final class GestureLabZooProvider implements ZooProvider {

    @Override
    public ModelZoo getModelZoo() {
        return new GestureLabModelZoo();
    }
}

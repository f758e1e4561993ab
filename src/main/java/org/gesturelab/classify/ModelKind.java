package org.gesturelab.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;

/**
 * Any model a project can train and keep: one of the networks ({@link Architecture}) or one of the classical models
 * ({@link Baseline}) that {@code compare} runs. Named on the command line ({@code train --arch}), in the app and in
 * model cards by its {@link #id()}.
 *
 * @param network the network, or null for a classical model
 * @param classic the classical model, or null for a network
 */
public record ModelKind(Architecture network, Baseline classic) {

    /** The default network. */
    public static final ModelKind DEFAULT = of(Architecture.DEFAULT);

    /** Exactly one of the two is set. */
    public ModelKind {
        if ((network == null) == (classic == null)) {
            throw new IllegalArgumentException("a model kind is a network or a classical model, not both or none");
        }
    }

    /**
     * Returns the kind of a network.
     *
     * @param architecture the network
     * @return the kind
     */
    public static ModelKind of(Architecture architecture) {
        return new ModelKind(Objects.requireNonNull(architecture), null);
    }

    /**
     * Returns the kind of a classical model.
     *
     * @param baseline the classical model
     * @return the kind
     */
    public static ModelKind of(Baseline baseline) {
        return new ModelKind(null, Objects.requireNonNull(baseline));
    }

    /** Returns every kind: the networks, then the classical models. */
    public static List<ModelKind> all() {
        List<ModelKind> kinds = new ArrayList<>();
        for (Architecture architecture : Architecture.values()) {
            kinds.add(of(architecture));
        }
        for (Baseline baseline : Baseline.values()) {
            kinds.add(of(baseline));
        }
        return List.copyOf(kinds);
    }

    /**
     * Finds a kind by its {@link #id()}, ignoring case ({@code random_forest} works too).
     *
     * @param id the name
     * @return the kind
     * @throws GestureLabException naming every choice when there is none of that name
     */
    public static ModelKind fromId(String id) {
        String key = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (ModelKind kind : all()) {
            if (kind.id().equals(key) || kind.id().equals(key.replace('_', '-'))) {
                return kind;
            }
        }
        throw new GestureLabException("Unknown model '" + id + "'. Choose one of: "
                + String.join(", ", all().stream().map(ModelKind::id).toList()) + ".");
    }

    /**
     * Returns the kind a model card describes.
     *
     * @param card the card
     * @return the kind
     * @throws GestureLabException when the card names no known model
     */
    public static ModelKind of(ModelCard card) {
        if (card.classic()) {
            return of(Baseline.fromId(card.architecture()).orElseThrow());
        }
        try {
            return of(Architecture.of(card));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new GestureLabException("The model card names the architecture '" + card.architecture()
                    + "', which this GestureLab does not know.", e);
        }
    }

    /** Returns the name used on the command line, in the app and in model cards. */
    public String id() {
        return network != null ? network.id() : classic.id();
    }

    /** Returns whether this is a network (trained by epochs, with dropout) rather than a classical model. */
    public boolean isNetwork() {
        return network != null;
    }

    /**
     * Trains a model of this kind. A network takes every setting of {@code config} but its architecture; a
     * classical model takes its feature subset, sequence length and seed (it has no epochs, and cannot be
     * warm-started).
     *
     * @param data the training clips
     * @param config the settings
     * @param warmStart a network to continue from, or null; ignored for classical models
     * @param monitor progress and cancellation
     * @return the trained model, owned by the caller
     */
    public TrainedClassifier train(LabeledClips data, TrainingConfig config, TrainedClassifier warmStart,
            TaskMonitor monitor) {
        if (network != null) {
            // Parameters are copied where their shapes match, so another design can be a warm start too.
            SequenceClassifier warm = warmStart instanceof SequenceClassifier s ? s : null;
            return ClassifierTrainer.train(data, config.withArchitecture(network), warm, monitor);
        }
        monitor.checkCancelled();
        monitor.update("Training " + classic.id() + " on " + data.size() + " clips", 0, -1);
        ClassicClassifier model = classic.fit(data, classic.extractor(config), config.seed());
        monitor.checkCancelled();
        monitor.update("Trained " + classic.id(), 1, 1);
        return model;
    }

    @Override
    public String toString() {
        return id();
    }
}

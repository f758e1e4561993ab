package org.gesturelab.cli;

import java.util.Locale;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.active.TrainerLearner;
import org.gesturelab.classify.Architecture;
import org.gesturelab.classify.TrainingConfig;

import picocli.CommandLine.Option;

/** The training flags shared by the active-learning commands. */
final class TrainingOptions {

    @Option(names = "--architecture", defaultValue = "default",
            description = "Network design: default, gru, tcn, reference or lite (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--epochs", defaultValue = "40",
            description = "Most epochs when training from scratch (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--warm-epochs", defaultValue = "15",
            description = "Most epochs when continuing from the previous round's model (default: ${DEFAULT-VALUE}).")
    int warmEpochs;

    /**
     * Returns the learner these flags describe.
     *
     * @param seed the training seed
     * @return the learner
     */
    TrainerLearner learner(long seed) {
        if (epochs < 1 || warmEpochs < 1) {
            throw new GestureLabException("--epochs and --warm-epochs must be at least 1.");
        }
        TrainingConfig base = TrainingConfig.defaults().withArchitecture(parseArchitecture()).withSeed(seed);
        return new TrainerLearner(base.withMaxEpochs(epochs), base.withMaxEpochs(warmEpochs));
    }

    private Architecture parseArchitecture() {
        try {
            return Architecture.valueOf(architecture.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new GestureLabException("Unknown architecture '" + architecture
                    + "'. Choose default, gru, tcn, reference or lite.");
        }
    }
}

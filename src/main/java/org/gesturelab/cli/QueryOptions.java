package org.gesturelab.cli;

import java.nio.file.Path;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.active.QueryStrategies;
import org.gesturelab.active.QueryStrategy;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The project, strategy, batch size and seed shared by {@code query} and {@code label}. */
final class QueryOptions {

    @Parameters(index = "0", paramLabel = "DIR", description = "The project folder.")
    Path dir;

    @Option(names = "--strategy", defaultValue = QueryStrategies.DEFAULT,
            description = "random, entropy, least-confidence, margin, bald, claus or gesture-first (default: "
                    + "${DEFAULT-VALUE}).")
    String strategyName;

    @Option(names = {"-k", "--batch"}, defaultValue = "10",
            description = "Clips per batch (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed for training and the strategy (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * Returns the strategy, checking the batch size too.
     *
     * @param nothingClass the project's Nothing class, or -1
     * @return the strategy
     */
    QueryStrategy strategy(int nothingClass) {
        if (k < 1) {
            throw new GestureLabException("-k must be at least 1.");
        }
        return QueryStrategies.forName(strategyName, nothingClass);
    }
}

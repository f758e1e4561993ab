package org.gesturelab.active;

import java.util.List;
import java.util.Locale;

import org.gesturelab.core.GestureLabException;

/** The strategies by their command-line names. */
public final class QueryStrategies {

    /** Every strategy name, baseline first. */
    public static final List<String> NAMES =
            List.of("random", "entropy", "least-confidence", "margin", "bald", "claus");

    /**
     * The strategy the app and the command line start with: claus found the most gesture windows in mostly idle
     * footage within its first queries, ahead of margin, entropy and random (docs/decisions/1110-spotting-measured.md).
     */
    public static final String DEFAULT = "claus";

    private QueryStrategies() {
    }

    /**
     * Returns a strategy with its default settings.
     *
     * @param name one of {@link #NAMES}
     * @return the strategy
     * @throws GestureLabException for an unknown name
     */
    public static QueryStrategy forName(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "random" -> new RandomStrategy();
            case "entropy" -> new UncertaintyStrategy(UncertaintyStrategy.Measure.ENTROPY);
            case "least-confidence", "least_confidence", "leastconfidence" ->
                    new UncertaintyStrategy(UncertaintyStrategy.Measure.LEAST_CONFIDENCE);
            case "margin" -> new UncertaintyStrategy(UncertaintyStrategy.Measure.MARGIN);
            case "bald" -> new BaldStrategy(BaldStrategy.DEFAULT_PASSES);
            case "claus" -> new ClausStrategy(ClausStrategy.Settings.DEFAULT);
            default -> throw new GestureLabException("Unknown query strategy '" + name + "'. Choose one of: "
                    + String.join(", ", NAMES) + ".");
        };
    }
}

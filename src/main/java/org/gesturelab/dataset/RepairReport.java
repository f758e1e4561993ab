package org.gesturelab.dataset;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Project#repair(Path)} did.
 *
 * @param repaired false when the database was sound and nothing was changed
 * @param problem what was wrong with the database (or why nothing was done)
 * @param databaseSetAside where the old database now lies, or null if there was none to keep
 * @param clipsRestored clips the new database holds
 * @param labelsRestored of those, clips whose state and label could be read back from the old database
 * @param filesMovedBack clip files moved back from {@code clips/.orphaned} into {@code clips/}
 * @param skipped clip files left where they were, each with the reason
 */
public record RepairReport(boolean repaired, String problem, Path databaseSetAside, int clipsRestored,
        int labelsRestored, int filesMovedBack, List<String> skipped) {

    /** Copies the list. */
    public RepairReport {
        skipped = List.copyOf(skipped);
    }
}

package org.gesturelab.core;

/**
 * What long-running core code reports to and asks of whoever started it: progress, and whether to stop.
 *
 * <p>Core code calls {@link #update} as it goes and {@link #checkCancelled()} between units of work; it never
 * starts threads for this. The command line renders updates as a terminal progress bar, the app as a JavaFX
 * progress bar with a Cancel button.
 */
public interface TaskMonitor {

    /** A monitor that ignores progress and is never cancelled. */
    TaskMonitor SILENT = (message, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param message what is being done now, for a person to read
     * @param done units of work done so far
     * @param total units of work in all, or a negative number when unknown
     */
    void update(String message, long done, long total);

    /** Returns whether the user asked to stop. */
    default boolean isCancelled() {
        return false;
    }

    /**
     * Throws {@link CancelledException} if the user asked to stop; call it between units of work.
     *
     * @throws CancelledException when cancelled
     */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }
}

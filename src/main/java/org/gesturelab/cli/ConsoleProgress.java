package org.gesturelab.cli;

import java.io.PrintWriter;

import org.gesturelab.core.TaskMonitor;

/**
 * A terminal progress bar on standard error, redrawn in place at most ten times a second. When standard error
 * is not a terminal (CI logs, pipes) it prints a plain line every tenth of the way instead.
 */
public final class ConsoleProgress implements TaskMonitor, AutoCloseable {

    private static final int BAR_WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter err;
    private final boolean interactive;
    private long lastDraw;
    private long lastDecile = -1;
    private boolean drawn;

    /**
     * Creates a progress bar.
     *
     * @param err where to draw it
     */
    public ConsoleProgress(PrintWriter err) {
        this(err, System.console() != null);
    }

    ConsoleProgress(PrintWriter err, boolean interactive) {
        this.err = err;
        this.interactive = interactive;
    }

    @Override
    public synchronized void update(String message, long done, long total) {
        if (interactive) {
            long now = System.nanoTime();
            if (drawn && done < total && now - lastDraw < REDRAW_NANOS) {
                return;
            }
            lastDraw = now;
            drawn = true;
            err.print('\r' + render(message, done, total) + "\u001b[K");
            err.flush();
        } else if (total > 0) {
            long decile = done * 10 / total;
            if (decile != lastDecile) {
                lastDecile = decile;
                err.println(render(message, done, total));
                err.flush();
            }
        }
    }

    /**
     * Renders one line of the bar.
     *
     * @param message what is being done
     * @param done units done
     * @param total units in all, negative when unknown
     * @return the line, without a line break
     */
    static String render(String message, long done, long total) {
        if (total <= 0) {
            return String.format("%s  %d", message, done);
        }
        double fraction = Math.min(1.0, Math.max(0.0, (double) done / total));
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        return String.format("%s [%s%s] %3.0f%% (%d/%d)", message, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                fraction * 100, done, total);
    }

    /** Ends the bar's line so that later output starts on a fresh one. */
    @Override
    public synchronized void close() {
        if (interactive && drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}

package org.gesturelab.core;

/** Thrown by core code that stops early because its {@link TaskMonitor} was cancelled. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a standard message. */
    public CancelledException() {
        super("Cancelled");
    }
}

package org.gesturelab.capture;

import org.gesturelab.core.GestureLabException;

/** A frame source could not be opened or read; the message says which and what to try. */
public final class CaptureException extends GestureLabException {

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     * @param cause the underlying error, or null
     */
    public CaptureException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Creates the exception.
     *
     * @param message what failed and what to do
     */
    public CaptureException(String message) {
        super(message);
    }
}

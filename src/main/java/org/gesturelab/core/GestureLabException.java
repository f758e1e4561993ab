package org.gesturelab.core;

/**
 * A failure the user can act on: bad input, a missing model, a project in use. Its message says what went wrong
 * and what to do, and is shown as it is, without a stack trace.
 */
public class GestureLabException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong and what to do about it
     */
    public GestureLabException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong and what to do about it
     * @param cause the underlying failure
     */
    public GestureLabException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.gesturelab.app.common;

import java.util.concurrent.atomic.AtomicBoolean;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A running background job as the user interface sees it: a title, a progress fraction (negative while unknown),
 * a message, whether it still runs, and a cancel request. The properties change on the JavaFX thread only.
 */
public final class TaskHandle {

    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    /**
     * Creates a handle for a job that has started.
     *
     * @param title what the job does
     */
    public TaskHandle(String title) {
        this.title = title;
    }

    /** Returns what the job does. */
    public String title() {
        return title;
    }

    /** Returns the progress fraction in [0, 1], or a negative number while the amount of work is unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Returns the job's latest progress message. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Returns whether the job is still running. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Asks the job to stop at its next cancel check. */
    public void cancel() {
        if (cancelRequested.compareAndSet(false, true)) {
            message.set("Cancelling…");
        }
    }

    /** Returns whether someone asked the job to stop; safe from any thread. */
    public boolean isCancelRequested() {
        return cancelRequested.get();
    }

    void update(String newMessage, double fraction) {
        message.set(newMessage == null ? "" : newMessage);
        progress.set(fraction);
    }

    void finish() {
        running.set(false);
    }
}

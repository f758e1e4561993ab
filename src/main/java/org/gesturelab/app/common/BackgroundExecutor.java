package org.gesturelab.app.common;

import java.util.function.Consumer;

/**
 * Runs long work away from the JavaFX thread. View models receive one by injection: the app uses
 * {@link FxBackgroundExecutor} (a JavaFX {@code Task} on a thread pool), tests use {@link CurrentThreadExecutor},
 * which runs the job at once on the calling thread so asynchronous view-model code is deterministic to test.
 */
public interface BackgroundExecutor {

    /**
     * Starts a job.
     *
     * @param title what the job does, for a person to read ("Training the model")
     * @param job the work
     * @param onSuccess receives the result on the JavaFX thread (or the calling thread for the test executor)
     * @param onFailure receives the failure, including {@link org.gesturelab.core.CancelledException} after a
     *     cancel, on the same thread as {@code onSuccess}
     * @param <T> the result type
     * @return a handle with observable progress and a way to cancel
     */
    <T> TaskHandle submit(String title, BackgroundJob<T> job, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure);

    /** Stops accepting work and interrupts running jobs; called when the window closes. */
    void shutdown();
}

package org.gesturelab.app.common;

import java.util.function.Consumer;

import org.gesturelab.core.TaskMonitor;

/**
 * Runs each job at once on the calling thread and calls back before {@link #submit} returns. Tests inject it so that
 * view-model code that would run in the background becomes deterministic; the screenshot renderer uses it so a
 * screen is complete before it is drawn.
 */
public final class CurrentThreadExecutor implements BackgroundExecutor {

    @Override
    public <T> TaskHandle submit(String title, BackgroundJob<T> job, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(title);
        TaskMonitor monitor = new TaskMonitor() {
            @Override
            public void update(String message, long done, long total) {
                handle.update(message, total > 0 ? (double) done / total : -1);
            }

            @Override
            public boolean isCancelled() {
                return handle.isCancelRequested();
            }
        };
        T result;
        try {
            result = job.run(monitor);
        } catch (Exception | LinkageError e) {
            handle.finish();
            onFailure.accept(e);
            return handle;
        }
        handle.finish();
        onSuccess.accept(result);
        return handle;
    }

    @Override
    public void shutdown() {
        // Nothing runs in the background.
    }
}

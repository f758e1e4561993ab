package org.gesturelab.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.concurrent.Task;
import org.gesturelab.core.CancelledException;
import org.gesturelab.core.TaskMonitor;

/**
 * The app's executor: each job becomes a JavaFX {@link Task} on a small pool of daemon threads. Progress reaches
 * the {@link TaskHandle} through the task's coalescing {@code updateProgress}/{@code updateMessage}, so a job that
 * reports thousands of updates per second does not flood the JavaFX thread.
 */
public final class FxBackgroundExecutor implements BackgroundExecutor {

    private final ExecutorService pool;

    /**
     * Creates the executor.
     *
     * @param threads how many jobs may run at once
     */
    public FxBackgroundExecutor(int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "gesturelab-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.pool = Executors.newFixedThreadPool(threads, factory);
    }

    @Override
    public <T> TaskHandle submit(String title, BackgroundJob<T> job, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        TaskHandle handle = new TaskHandle(title);
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                TaskMonitor monitor = new TaskMonitor() {
                    @Override
                    public void update(String message, long done, long total) {
                        updateMessage(message);
                        if (total > 0) {
                            updateProgress(done, total);
                        } else {
                            updateProgress(-1, -1);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return handle.isCancelRequested();
                    }
                };
                return job.run(monitor);
            }
        };
        task.messageProperty().addListener((obs, old, now) -> handle.update(now, task.getProgress()));
        task.progressProperty().addListener((obs, old, now) -> handle.update(task.getMessage(), now.doubleValue()));
        task.setOnSucceeded(event -> {
            handle.finish();
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(event -> {
            handle.finish();
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(event -> {
            handle.finish();
            onFailure.accept(new CancelledException());
        });
        // Cancel is cooperative: core code checks the monitor between units of work, so no thread is interrupted
        // in the middle of writing a file or a native call.
        pool.execute(task);
        return handle;
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}

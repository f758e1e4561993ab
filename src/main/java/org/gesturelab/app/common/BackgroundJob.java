package org.gesturelab.app.common;

import org.gesturelab.core.TaskMonitor;

/**
 * A unit of long work for a {@link BackgroundExecutor}: it runs off the JavaFX thread, reports progress through the
 * monitor and calls {@link TaskMonitor#checkCancelled()} between units of work.
 *
 * @param <T> what the job produces
 */
@FunctionalInterface
public interface BackgroundJob<T> {

    /**
     * Does the work.
     *
     * @param monitor where to report progress and ask whether to stop
     * @return the result, handed to the success callback on the JavaFX thread
     * @throws Exception any failure, handed to the failure callback on the JavaFX thread
     */
    T run(TaskMonitor monitor) throws Exception;
}

package org.gesturelab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import org.gesturelab.core.CancelledException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

class FxBackgroundExecutorTest {

    private static FxBackgroundExecutor executor;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
        executor = new FxBackgroundExecutor(1);
    }

    @AfterAll
    static void stop() {
        executor.shutdown();
    }

    @Test
    void resultArrivesOnTheFxThreadAndWorkRunsElsewhere() throws Exception {
        CompletableFuture<String> threads = new CompletableFuture<>();
        Platform.runLater(() -> executor.submit("Work", monitor -> Thread.currentThread().getName(),
                worker -> threads.complete(worker + "|" + Platform.isFxApplicationThread()),
                threads::completeExceptionally));
        String[] parts = threads.get(10, TimeUnit.SECONDS).split("\\|");
        assertTrue(parts[0].startsWith("gesturelab-background-"), parts[0]);
        assertEquals("true", parts[1]);
    }

    @Test
    void cancelStopsALongJobAtItsNextCheck() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        CompletableFuture<TaskHandle> handle = new CompletableFuture<>();
        Platform.runLater(() -> handle.complete(executor.submit("Endless", monitor -> {
            started.countDown();
            for (long i = 0; ; i++) {
                monitor.update("step", i, -1);
                monitor.checkCancelled();
                Thread.sleep(5);
            }
        }, result -> failure.complete(null), failure::complete)));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        Platform.runLater(() -> handle.join().cancel());
        assertInstanceOf(CancelledException.class, failure.get(10, TimeUnit.SECONDS));
        CompletableFuture<Boolean> running = new CompletableFuture<>();
        Platform.runLater(() -> running.complete(handle.join().runningProperty().get()));
        assertEquals(false, running.get(10, TimeUnit.SECONDS));
    }
}

package org.gesturelab.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class CurrentThreadExecutorTest {

    @Test
    void runsTheJobAndCallsBackBeforeReturning() {
        List<String> events = new ArrayList<>();
        TaskHandle handle = new CurrentThreadExecutor().submit("Counting", monitor -> {
            for (int i = 1; i <= 4; i++) {
                monitor.update("step " + i, i, 4);
            }
            return 42;
        }, result -> events.add("ok " + result), error -> events.add("failed"));
        assertEquals(List.of("ok 42"), events);
        assertFalse(handle.runningProperty().get());
        assertEquals(1.0, handle.progressProperty().get());
        assertEquals("step 4", handle.messageProperty().get());
    }

    @Test
    void failuresReachTheFailureCallback() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        new CurrentThreadExecutor().submit("Failing", monitor -> {
            monitor.checkCancelled();
            throw new IllegalStateException("disk full");
        }, result -> { }, failure::set);
        assertEquals("disk full", failure.get().getMessage());
    }
}

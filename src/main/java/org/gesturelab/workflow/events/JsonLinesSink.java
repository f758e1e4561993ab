package org.gesturelab.workflow.events;

import java.io.PrintWriter;
import java.util.List;

/**
 * Writes gesture events as JSON lines ({@link EventJson}), one per event, flushed at once, for scripts that read a
 * command's standard output.
 */
public final class JsonLinesSink implements GestureEventSink {

    private final PrintWriter out;

    /**
     * Creates the sink.
     *
     * @param out where the lines go; not closed by this sink (it is usually standard output)
     */
    public JsonLinesSink(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void gestureStarted(GestureEvent event) {
        line(EventJson.started(event));
    }

    @Override
    public void gestureEnded(GestureEvent event) {
        line(EventJson.ended(event));
    }

    @Override
    public void probabilities(List<String> classes, float[] probabilities) {
        line(EventJson.probabilities(classes, probabilities));
    }

    private synchronized void line(String json) {
        out.println(json);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }
}

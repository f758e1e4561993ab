package org.gesturelab.dataset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.gesturelab.core.TaskMonitor;

/**
 * The bookkeeping every import shares: one all-or-nothing batch, the classes it added, warnings, timing and
 * progress.
 */
final class ImportSession implements AutoCloseable {

    final Project project;
    final ClipBatch batch;
    final TaskMonitor monitor;
    final List<String> warnings = new ArrayList<>();
    private final List<String> classesBefore;
    private final long started = System.nanoTime();

    ImportSession(Project project, String kind, Path source, TaskMonitor monitor) {
        this.project = project;
        this.monitor = monitor;
        this.classesBefore = project.classNames();
        this.batch = project.beginImport(kind, source.toAbsolutePath().toString());
    }

    /** Adds a clip and reports progress. */
    Clip add(NewClip clip, String message, long done, long total) {
        monitor.checkCancelled();
        Clip added = batch.add(clip);
        monitor.update(message, done, total);
        return added;
    }

    /** Commits the batch and describes what was added. */
    ImportResult commit() {
        List<Clip> clips = batch.commit();
        List<String> added = new ArrayList<>(project.classNames());
        added.removeAll(classesBefore);
        return new ImportResult(clips, added, warnings, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void close() {
        batch.close();
    }
}

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
    private final ClassMapping.Applied mapping;
    private final java.util.Set<String> sourceClasses = new java.util.TreeSet<>();
    private final String person;
    /** Clips whose length is not the project's, by length: kept as they are, and noted once at the end. */
    private final java.util.SortedMap<Integer, Integer> otherLengths = new java.util.TreeMap<>();

    ImportSession(Project project, String kind, Path source, TaskMonitor monitor) {
        this(project, kind, ClassMapping.NONE, null, source, monitor);
    }

    /**
     * Starts an import.
     *
     * @param person the person of every clip that does not name its own ({@code --person}), or null
     */
    ImportSession(Project project, String kind, ClassMapping mapping, String person, Path source,
            TaskMonitor monitor) {
        this.person = PersonTags.normalise(person);
        this.project = project;
        this.mapping = new ClassMapping.Applied(mapping, project);
        this.monitor = monitor;
        this.classesBefore = project.classNames();
        this.batch = project.beginImport(kind, source.toAbsolutePath().toString());
    }

    /**
     * Returns the index of the class a source's class name goes into (the Nothing class when the mapping says so),
     * adding it to the project if it is new.
     */
    int classIndex(String sourceName) {
        sourceClasses.add(sourceName);
        return batch.classIndex(mapping.apply(sourceName));
    }

    /** Adds a clip and reports progress. */
    Clip add(NewClip clip, String message, long done, long total) {
        monitor.checkCancelled();
        Clip added = batch.add(clip.person() == null && person != null ? clip.withPerson(person) : clip);
        if (clip.keypoints().length != project.sequenceLength()) {
            otherLengths.merge(clip.keypoints().length, 1, Integer::sum);
        }
        monitor.update(message, done, total);
        return added;
    }

    /** Commits the batch and describes what was added. */
    ImportResult commit() {
        mapping.checkAllMet(List.copyOf(sourceClasses));
        List<Clip> clips = batch.commit();
        List<String> added = new ArrayList<>(project.classNames());
        added.removeAll(classesBefore);
        if (!otherLengths.isEmpty()) {
            int count = otherLengths.values().stream().mapToInt(Integer::intValue).sum();
            // Kept as recorded rather than refused: every model resamples a clip evenly to the project's length
            // when it reads it (docs/decisions/1401), so nothing is lost and a longer clip can be rewindowed later.
            warnings.add(count + " clip(s) have another length than this project's " + project.sequenceLength()
                    + " frames (" + otherLengths.keySet().stream().map(String::valueOf)
                            .collect(java.util.stream.Collectors.joining(", ")) + " frames): they are kept as they "
                    + "are, and the models resample each to " + project.sequenceLength() + " frames"
                    + (project.sequenceLength() == 1 ? " (the middle frame)" : "") + ".");
        }
        return new ImportResult(clips, added, warnings, Duration.ofNanos(System.nanoTime() - started));
    }

    @Override
    public void close() {
        batch.close();
    }
}

package org.gesturelab.dataset;

import java.time.Duration;
import java.util.List;

/**
 * What an import added.
 *
 * @param clips the clips added
 * @param classesAdded the classes that did not exist before, in order
 * @param warnings things the user should know (skipped empty folders, dropped trailing frames)
 * @param elapsed how long it took
 */
public record ImportResult(List<Clip> clips, List<String> classesAdded, List<String> warnings, Duration elapsed) {

    /** Copies the lists. */
    public ImportResult {
        clips = List.copyOf(clips);
        classesAdded = List.copyOf(classesAdded);
        warnings = List.copyOf(warnings);
    }

    /** Returns the number of clips added. */
    public int count() {
        return clips.size();
    }
}

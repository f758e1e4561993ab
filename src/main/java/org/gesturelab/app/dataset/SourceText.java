package org.gesturelab.app.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipState;

/**
 * How the Dataset table shows where a clip came from: the end of the path (the file and its folder), and for pool
 * clips never the folder that names their hidden class, which would give the answer away while labeling.
 */
final class SourceText {

    /** What replaces a folder named after a class in a pool clip's source. */
    static final String HIDDEN = "•••";

    private static final int SHOWN_PARTS = 2;

    private SourceText() {
    }

    /**
     * Returns the text shown for a clip's source.
     *
     * @param clip the clip
     * @param classNames the project's class names
     * @return the last parts of the source, with class-named parts hidden for pool clips
     */
    static String shown(Clip clip, List<String> classNames) {
        String source = clip.source();
        if (source == null || source.isBlank()) {
            return "";
        }
        List<String> parts = new ArrayList<>(List.of(source.replace('\\', '/').split("/")));
        parts.removeIf(String::isEmpty);
        if (clip.state() == ClipState.POOL) {
            List<String> lower = classNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
            parts.replaceAll(part -> lower.contains(part.toLowerCase(Locale.ROOT)) ? HIDDEN : part);
        }
        if (parts.size() <= SHOWN_PARTS) {
            return String.join("/", parts);
        }
        return "…/" + String.join("/", parts.subList(parts.size() - SHOWN_PARTS, parts.size()));
    }
}

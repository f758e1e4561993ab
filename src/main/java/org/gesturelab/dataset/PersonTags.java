package org.gesturelab.dataset;

import org.gesturelab.core.GestureLabException;

/**
 * The rules for a clip's person and session tags: free text a person typed or a dataset's subject id, stripped, at
 * most {@link #MAX_LENGTH} characters, no control characters; blank means unknown (stored as null).
 */
public final class PersonTags {

    /** The longest tag accepted. */
    public static final int MAX_LENGTH = 100;

    private PersonTags() {
    }

    /**
     * Returns a tag as stored: stripped, or null when blank.
     *
     * @param tag the tag as typed or read, or null
     * @return the tag, or null for unknown
     * @throws GestureLabException if it is too long or holds control characters (a tab or line break would break
     *     the CSV exports and the tables that show it)
     */
    public static String normalise(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String stripped = tag.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new GestureLabException("A person or session name may have at most " + MAX_LENGTH
                    + " characters; '" + stripped.substring(0, 20) + "...' has " + stripped.length() + ".");
        }
        if (stripped.chars().anyMatch(Character::isISOControl)) {
            throw new GestureLabException("A person or session name cannot contain control characters "
                    + "(tabs, line breaks): '" + stripped.replaceAll("\\p{Cntrl}", "?") + "'.");
        }
        return stripped;
    }
}

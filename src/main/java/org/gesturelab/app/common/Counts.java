package org.gesturelab.app.common;

/** Counts in words with the right number: "1 clip", "2 clips", "0 clips". */
public final class Counts {

    private Counts() {
    }

    /**
     * Returns a count with its noun.
     *
     * @param count the count
     * @param noun the noun in the singular, made plural with an s
     * @return for example "1 clip" or "12 clips"
     */
    public static String of(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun + "s");
    }
}

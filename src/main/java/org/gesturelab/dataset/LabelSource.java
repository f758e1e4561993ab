package org.gesturelab.dataset;

/** Who or what changed a clip's label or state; stored with every {@link LabelEvent}. */
public enum LabelSource {
    /** A person, in the app or on the command line. */
    USER,
    /** An active-learning simulation that revealed a clip's hidden label. */
    SIMULATION,
    /** A bulk operation such as an import or a split. */
    IMPORT,
    /** {@link Project#undo(int)} restoring an earlier label. */
    UNDO
}

package org.gesturelab.dataset;

/**
 * Where a clip stands. The database enforces that {@link #TRAIN} and {@link #TEST} clips carry a label and that
 * {@link #POOL} and {@link #SKIPPED} clips do not.
 */
public enum ClipState {
    /** Labeled and used for training. */
    TRAIN,
    /** Labeled and held out: never queried, never trained on, used only to measure accuracy. */
    TEST,
    /** Unlabeled, waiting to be queried. A pool clip imported from labeled data keeps its true label hidden. */
    POOL,
    /** Looked at and set aside without a label (ambiguous, a bad take). */
    SKIPPED;

    /** Returns whether clips in this state must carry a label. */
    public boolean isLabeled() {
        return this == TRAIN || this == TEST;
    }
}

package org.gesturelab.workflow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.Clip;
import org.gesturelab.dataset.ClipQuery;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.LabelEvent;
import org.gesturelab.dataset.LabelSource;
import org.gesturelab.dataset.Project;
import org.gesturelab.dataset.ProjectSettings;

/**
 * The project's test clips, held out per class without the user moving clips by hand: a share of each class's
 * labeled clips ({@link ProjectSettings#testShareOrDefault()}, 20 % unless the user changes it) goes to the test
 * clips as labels arrive (recorded clips, labels given on the Label screen or with {@code gesturelab label}, imports
 * of labeled training clips), and {@link #split} tops every class up to that share at once (the Dataset screen's
 * Split button and {@code gesturelab project split}). Test clips only ever come from labeled clips, never from the
 * pool, and every class keeps at least one training clip. Both rules are deterministic: the same clips in the same
 * order give the same split.
 */
public final class TestHoldOut {

    /** The seed of {@link #split} unless the caller gives one. */
    public static final long DEFAULT_SEED = 42;

    /**
     * What a split did.
     *
     * @param moved how many training clips became test clips
     * @param testClips the project's test clips afterwards
     * @param labeledClips its training and test clips afterwards
     * @param share the share it held out
     */
    public record Split(int moved, int testClips, int labeledClips, double share) {
    }

    private TestHoldOut() {
    }

    /**
     * Returns where a clip newly labeled with a class goes: to the test clips while the class's test clips are fewer
     * than the project's share of its labeled clips (this one included, rounded) and it has a training clip already,
     * else to the training clips. With 20 %, the 3rd, 8th, 13th… clip of a class is held out.
     *
     * @param project the project
     * @param classIndex the class
     * @return {@link ClipState#TEST} or {@link ClipState#TRAIN}
     */
    public static ClipState stateForNewLabel(Project project, int classIndex) {
        double share = project.settings().testShareOrDefault();
        if (share <= 0) {
            return ClipState.TRAIN;
        }
        int train = project.count(ClipQuery.inState(ClipState.TRAIN).withLabel(classIndex));
        int test = project.count(ClipQuery.inState(ClipState.TEST).withLabel(classIndex));
        long target = Math.round(share * (train + test + 1));
        return train >= 1 && test < target ? ClipState.TEST : ClipState.TRAIN;
    }

    /**
     * Labels a clip as the user, holding it out for testing when {@link #stateForNewLabel} says so; a clip that
     * already has a label (a correction) keeps its place. One event either way, so one undo takes it back.
     *
     * @param project the open, writable project
     * @param clipId the clip
     * @param classIndex its class
     * @param source who labeled it
     * @return the stored event
     */
    public static LabelEvent label(Project project, long clipId, int classIndex, LabelSource source) {
        Clip clip = project.requireClip(clipId);
        if (clip.state().isLabeled()) {
            return project.label(clipId, classIndex, source);
        }
        return project.label(clipId, classIndex, stateForNewLabel(project, classIndex), source);
    }

    /**
     * Tops every class's test clips up to a share of its labeled clips, moving training clips picked at random (with
     * a fixed seed, per class) to the test clips; classes that already have their share are left alone. The share
     * becomes the project's share for labels that arrive later.
     *
     * @param project the open, writable project
     * @param share the share, between 0 and {@value ProjectSettings#MAX_TEST_SHARE}
     * @param seed the seed
     * @param monitor progress and cancellation
     * @return what it did
     */
    public static Split split(Project project, double share, long seed, TaskMonitor monitor) {
        if (!(share >= 0 && share <= ProjectSettings.MAX_TEST_SHARE)) {
            throw new GestureLabException("The test share must be between 0 and "
                    + percent(ProjectSettings.MAX_TEST_SHARE) + ", not " + percent(share) + ".");
        }
        if (project.settings().testShare() == null || project.settings().testShare() != share) {
            project.setTestShare(share);
        }
        List<Long> moved = new ArrayList<>();
        int classes = project.classes().size();
        for (int c = 0; c < classes; c++) {
            monitor.checkCancelled();
            monitor.update("Holding out test clips", c, classes);
            List<Clip> train = new ArrayList<>(project.clips(ClipQuery.inState(ClipState.TRAIN).withLabel(c)));
            int test = project.count(ClipQuery.inState(ClipState.TEST).withLabel(c));
            long target = Math.round(share * (train.size() + test));
            // Keep at least one training clip per class.
            int take = (int) Math.max(0, Math.min(target - test, train.size() - 1L));
            // Each class has its own stream, so adding clips of one class never changes another's split.
            Collections.shuffle(train, new Random(seed * 31 + c));
            for (int i = 0; i < take; i++) {
                moved.add(train.get(i).id());
            }
        }
        project.moveAll(moved, ClipState.TEST, LabelSource.IMPORT);
        int tests = project.count(ClipQuery.inState(ClipState.TEST));
        return new Split(moved.size(), tests, tests + project.count(ClipQuery.inState(ClipState.TRAIN)), share);
    }

    /**
     * {@link #split} with the project's own share and the default seed: what follows an import of labeled training
     * clips that brings no test clips of its own.
     *
     * @param project the open, writable project
     * @param monitor progress and cancellation
     * @return what it did
     */
    public static Split apply(Project project, TaskMonitor monitor) {
        return split(project, project.settings().testShareOrDefault(), DEFAULT_SEED, monitor);
    }

    /**
     * Returns the line that shows the held-out clips, e.g. {@code "Test: 12 clips (20 % held out per class)"}.
     *
     * @param project the project
     * @return the line
     */
    public static String describe(Project project) {
        int test = project.count(ClipQuery.inState(ClipState.TEST));
        double share = project.settings().testShareOrDefault();
        return "Test: " + test + (test == 1 ? " clip" : " clips")
                + (share <= 0 ? " (automatic hold-out off)" : " (" + percent(share) + " held out per class)");
    }

    /** Formats a share as a whole percentage, e.g. {@code 20 %}. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%d %%", Math.round(share * 100));
    }
}

package org.gesturelab.workflow;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClassMapping;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.ImportResult;
import org.gesturelab.dataset.JointsFormat;
import org.gesturelab.dataset.PersonTags;
import org.gesturelab.dataset.Project;

/**
 * Importing clips into a project in any {@link ImportFormat}, all or nothing, as the app's Import dialog and
 * {@code gesturelab import} do it.
 */
public final class ImportData {

    /**
     * What to import; each format reads the choices it needs.
     *
     * @param format the format
     * @param source the file or folder
     * @param as the state the clips get, or null for the format's default (joints ignore it: they are split by
     *     person)
     * @param label the class of a recording's windows when imported as train or test, else null
     * @param window a recording's window length in frames, or null for the project's sequence length
     * @param stride frames between a recording's window starts, or null for the window length
     * @param split the joints' test subjects and distance filter, and, for every format but a recording, the
     *     source's classes that go into the project's Nothing class ({@code --as-nothing})
     * @param segments a keypoint recording's segments file ({@code start,end,label}): each pool window gets its
     *     majority label as the hidden label; null for none
     * @param holdOut whether labeled training clips are followed by the project's automatic test hold-out
     *     ({@link TestHoldOut#apply}); an import that brings its own test clips (as test, or joints with test
     *     subjects) keeps its split either way
     * @param person the person in every imported clip ({@code --person}), or null for unknown; joints take theirs
     *     from {@code index.csv}'s subject column instead, and an NPY folder's own {@code person} column wins
     * @param labels for extracted keypoints ({@link ImportFormat#MANIFEST}), a CSV giving each video's class
     *     ({@code video,class}); null to take the classes from the videos' folders
     */
    public record Request(ImportFormat format, Path source, ClipState as, String label, Integer window,
            Integer stride, JointsFormat.Options split, Path segments, boolean holdOut, String person,
            Path labels) {

        /** Fills in an empty split and checks the person's name. */
        public Request {
            split = split != null ? split : new JointsFormat.Options(Set.of(), Set.of());
            person = PersonTags.normalise(person);
            if (person != null && format == ImportFormat.JOINTS) {
                throw new GestureLabException("A joints import takes each clip's person from the subject column "
                        + "of " + JointsFormat.INDEX_FILE + "; leave out the person.");
            }
        }

        /**
         * A request without the automatic hold-out whose clips' person is unknown (or, for joints, read from the
         * index).
         */
        public Request(ImportFormat format, Path source, ClipState as, String label, Integer window,
                Integer stride, JointsFormat.Options split, Path segments) {
            this(format, source, as, label, window, stride, split, segments, false, null, null);
        }

        /** Returns this request with every clip tagged with a person (null or blank: unknown). */
        public Request withPerson(String who) {
            return new Request(format, source, as, label, window, stride, split, segments, holdOut, who, labels);
        }

        /**
         * A request with a state and, for a recording, a class, the other choices at their defaults.
         *
         * @param format the format
         * @param source the file or folder
         * @param as the state, or null for the format's default
         * @param label a recording's class, or null
         * @return the request
         */
        public static Request of(ImportFormat format, Path source, ClipState as, String label) {
            return new Request(format, source, as, label, null, null, null, null, false, null, null);
        }

        /**
         * A joints request from comma-separated text, as typed in the app.
         *
         * @param source the joints folder
         * @param testSubjects the subjects whose clips form the test split, e.g. {@code "S7,S8"}; blank for none
         * @param distances the distances to keep, e.g. {@code "1m"}; blank for all
         * @return the request
         */
        public static Request joints(Path source, String testSubjects, String distances) {
            return new Request(ImportFormat.JOINTS, source, null, null, null, null,
                    new JointsFormat.Options(commaSeparated(testSubjects), commaSeparated(distances)), null, false,
                    null, null);
        }

        /**
         * Returns this request with the automatic test hold-out on or off.
         *
         * @param on whether to hold out
         * @return the request
         */
        public Request withHoldOut(boolean on) {
            return new Request(format, source, as, label, window, stride, split, segments, on, person, labels);
        }

        /** Returns whether this import brings test clips of its own, which the automatic hold-out leaves alone. */
        public boolean bringsTestClips() {
            return as == ClipState.TEST || !split.testSubjects().isEmpty();
        }

        /** Returns whether this import is followed by the project's automatic test hold-out. */
        public boolean holdsOut() {
            return holdOut && !bringsTestClips() && state() != ClipState.POOL;
        }

        /** Returns the classes that go into the Nothing class, as the dataset formats take them. */
        public ClassMapping asNothing() {
            return ClassMapping.intoNothing(split.asNothing());
        }

        /** Returns the state the clips get: the chosen one, else the format's default (null: the source says). */
        public ClipState state() {
            return as != null ? as : format.defaultState();
        }

        private static Set<String> commaSeparated(String text) {
            return text == null ? Set.of() : Arrays.stream(text.split(",")).map(String::strip)
                    .filter(value -> !value.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private ImportData() {
    }

    /**
     * Imports.
     *
     * @param project the open, writable project
     * @param request what to import
     * @param engine loads MediaPipe Holistic, only when videos are imported
     * @param monitor progress and cancellation
     * @return what was imported
     * @throws Exception when the source cannot be read; nothing is imported then
     */
    public static ImportResult run(Project project, Request request, KeypointEngine engine, TaskMonitor monitor)
            throws Exception {
        if (request.as() == ClipState.SKIPPED) {
            throw new GestureLabException("Import as train, test or pool.");
        }
        ImportResult result = request.format().reader().read(project, request, engine, monitor);
        // Clips that arrive with a test split of their own (an NPY folder's labels.csv can say so) keep theirs.
        if (request.holdsOut() && result.clips().stream().anyMatch(clip -> clip.state() == ClipState.TRAIN)
                && result.clips().stream().noneMatch(clip -> clip.state() == ClipState.TEST)) {
            TestHoldOut.apply(project, monitor);
        }
        return result;
    }
}

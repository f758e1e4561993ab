package org.gesturelab.workflow.spotting;

import org.gesturelab.dataset.KeypointStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.gesturelab.classify.spotting.StreamGenerator;
import org.gesturelab.core.GestureLabException;
import org.gesturelab.core.LabeledClips;
import org.gesturelab.core.TaskMonitor;
import org.gesturelab.dataset.ClipState;
import org.gesturelab.dataset.NothingClass;
import org.gesturelab.dataset.Project;

/**
 * {@code stream make}: streams built from a project's train or test clips, gesture clips interleaved with Nothing
 * clips, written as {@code stream-NN.npy} plus {@code stream-NN.segments.csv}.
 */
public final class StreamMaking {

    private StreamMaking() {
    }

    /**
     * What to build.
     *
     * @param from the split whose clips are used (train or test)
     * @param idleFraction the share of Nothing frames, in [0, 1]
     * @param streams how many streams
     * @param seed the random seed
     */
    public record Options(ClipState from, double idleFraction, int streams, long seed) {

        /**
         * Validates the options.
         *
         * @throws GestureLabException if the split is not train or test
         */
        public Options {
            if (from != ClipState.TRAIN && from != ClipState.TEST) {
                throw new GestureLabException("Streams are made from the train or the test clips, not " + from + ".");
            }
        }
    }

    /**
     * Builds the streams in memory.
     *
     * @param project the project
     * @param options what to build
     * @return the streams
     * @throws GestureLabException if the project has no Nothing class or no clips in that split
     */
    public static List<KeypointStream> build(Project project, Options options) {
        String nothing = project.nothingClass().orElseThrow(() -> new GestureLabException(
                "The project " + project.directory() + " has no '" + NothingClass.DEFAULT_NAME + "' class to fill "
                        + "the time between gestures. Record idle footage into it, or import with --as-nothing."));
        LabeledClips clips = project.labeledClips(options.from());
        if (clips.size() == 0) {
            throw new GestureLabException("The project " + project.directory() + " has no "
                    + options.from().name().toLowerCase(java.util.Locale.ROOT) + " clips to build streams from.");
        }
        return StreamGenerator.generate(clips, Set.of(nothing), options.idleFraction(), options.streams(),
                options.seed());
    }

    /**
     * Builds the streams and writes them into a folder.
     *
     * @param project the project
     * @param options what to build
     * @param out the output folder (created if needed)
     * @param monitor progress and cancel
     * @return the {@code .npy} files written
     * @throws IOException if writing fails
     */
    public static List<Path> make(Project project, Options options, Path out, TaskMonitor monitor)
            throws IOException {
        List<KeypointStream> streams = build(project, options);
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            monitor.checkCancelled();
            Path file = out.resolve(String.format("stream-%02d.npy", i + 1));
            streams.get(i).write(file);
            written.add(file);
            monitor.update("Writing streams", i + 1, streams.size());
        }
        return written;
    }
}

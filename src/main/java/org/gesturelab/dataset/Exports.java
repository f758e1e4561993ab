package org.gesturelab.dataset;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.gesturelab.core.FileTrees;
import org.gesturelab.core.GestureLabException;

/** What the export formats share: choosing clips and writing a folder all at once. */
final class Exports {

    private Exports() {
    }

    @FunctionalInterface
    interface FolderWriter<T> {
        T write(Path dir) throws IOException;
    }

    /** Returns the labeled clips in the given states, in id order. */
    static List<Clip> labeledClips(Project project, Set<ClipState> states) {
        for (ClipState state : states) {
            if (!state.isLabeled()) {
                throw new GestureLabException("This format holds labeled clips only; export " + state
                        + " clips with --format npy.");
            }
        }
        if (states.isEmpty()) {
            throw new GestureLabException("Choose at least one state to export.");
        }
        return project.clips(new ClipQuery(states, null, null, null, 0));
    }

    /**
     * Writes into a temporary sibling folder, then renames it to {@code out}.
     *
     * @param out a folder that does not exist yet or is empty
     * @param writer what to write into the folder
     * @return the writer's result
     */
    static <T> T writeAtomically(Path out, FolderWriter<T> writer) throws IOException {
        out = out.toAbsolutePath().normalize();
        if (Files.exists(out)) {
            boolean empty;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
                empty = !entries.iterator().hasNext();
            } catch (java.nio.file.NotDirectoryException e) {
                empty = false;
            }
            if (!empty) {
                throw new GestureLabException(out + " already exists and is not empty; choose a new folder.");
            }
        }
        Path parent = out.getParent();
        Files.createDirectories(parent);
        Path temp = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
        try {
            T result = writer.write(temp);
            Files.deleteIfExists(out);
            Files.move(temp, out);
            return result;
        } catch (IOException | RuntimeException e) {
            FileTrees.deleteRecursively(temp);
            throw e;
        }
    }
}

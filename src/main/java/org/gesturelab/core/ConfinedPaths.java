package org.gesturelab.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Resolves a path read from a file someone else may have written (a project database, an import's index) so that it
 * can only ever name something inside its root. A crafted {@code ../../x} or {@code /etc/passwd}, or a symbolic link
 * anywhere on the way that leads out of the root, is refused with a {@link GestureLabException} instead of being
 * read, copied or deleted. See {@code docs/decisions/0900-path-confinement.md}.
 */
public final class ConfinedPaths {

    private ConfinedPaths() {
    }

    /**
     * Resolves {@code stored} against {@code root} and checks that the result stays inside {@code root}, both as
     * written (after normalisation) and on disk (after following symbolic links, for the part that exists).
     *
     * @param root the folder the path must stay in
     * @param stored the path as stored: relative to {@code root}
     * @param what what the path is, for the message ("the keypoints of clip 12")
     * @return the resolved path, absolute and normalised
     * @throws GestureLabException if the path is absolute, leaves the root, or is not a valid path
     */
    public static Path resolve(Path root, String stored, String what) {
        if (stored == null || stored.isBlank()) {
            throw new GestureLabException(what + " has no file name.");
        }
        Path relative;
        try {
            relative = Path.of(stored);
        } catch (InvalidPathException e) {
            throw new GestureLabException(what + " has an invalid file name: " + stored);
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw outside(root, stored, what);
        }
        Path base = root.toAbsolutePath().normalize();
        Path resolved = base.resolve(relative).normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            throw outside(root, stored, what);
        }
        requireRealPathInside(base, resolved, stored, what);
        return resolved;
    }

    /**
     * Checks a path that is already resolved (for example one a user picked in a file dialog and that the project
     * then stores) against a root.
     *
     * @param root the folder the path must stay in
     * @param path the path to check
     * @return whether {@code path} lies inside {@code root}, symbolic links followed
     */
    public static boolean isInside(Path root, Path path) {
        Path base = root.toAbsolutePath().normalize();
        Path resolved = path.toAbsolutePath().normalize();
        if (!resolved.startsWith(base) || resolved.equals(base)) {
            return false;
        }
        try {
            requireRealPathInside(base, resolved, path.toString(), "path");
            return true;
        } catch (GestureLabException e) {
            return false;
        }
    }

    /** Follows links on the longest existing prefix of {@code resolved} and checks it is still under the root. */
    private static void requireRealPathInside(Path base, Path resolved, String stored, String what) {
        Path existing = resolved;
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        try {
            Path realBase = Files.exists(base) ? base.toRealPath() : base;
            Path real = existing.toRealPath();
            if (!real.startsWith(realBase)) {
                throw outside(base, stored, what);
            }
        } catch (IOException e) {
            // A dangling link on the way: it cannot be followed, so it cannot be trusted either.
            throw new GestureLabException(what + " (" + stored + ") goes through a broken link; refusing to use it.");
        }
    }

    private static GestureLabException outside(Path root, String stored, String what) {
        return new GestureLabException(what + " points outside " + root + " (" + stored
                + "); the file may have been edited or crafted. GestureLab only uses files inside their own folder.");
    }
}

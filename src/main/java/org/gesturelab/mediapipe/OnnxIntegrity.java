package org.gesturelab.mediapipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.gesturelab.core.GestureLabException;

/**
 * Checks a converted model against the SHA-256 pinned in {@link MediaPipeModel} before it is loaded, so that a
 * damaged or tampered {@code .onnx} (one flipped byte moved pose keypoints by up to 0.065) is refused instead of
 * quietly producing wrong keypoints. The manifest is not consulted: it lives beside the files and can be edited
 * along with them, the pins cannot.
 *
 * <p>Hashing all models takes about a second, so a file that passed is remembered by its path, size and
 * modification time for the life of the process; a file changed in place changes its size or time and is hashed
 * again.
 */
public final class OnnxIntegrity {

    private record Seen(long size, java.nio.file.attribute.FileTime modified, Object fileKey) {
    }

    private static final Map<Path, Seen> VERIFIED = new ConcurrentHashMap<>();

    private OnnxIntegrity() {
    }

    /**
     * Refuses a converted model whose bytes are not the ones this GestureLab's converter writes.
     *
     * @param model the model
     * @param onnx its installed {@code .onnx}
     * @throws GestureLabException if the file differs from its pin or cannot be read
     */
    public static void requireIntact(MediaPipeModel model, Path onnx) {
        Path key = onnx.toAbsolutePath().normalize();
        try {
            BasicFileAttributes attributes = Files.readAttributes(key, BasicFileAttributes.class);
            Seen seen = new Seen(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
            if (seen.equals(VERIFIED.get(key))) {
                return;
            }
            String actual = Checksums.sha256(key);
            if (!actual.equals(model.onnxSha256())) {
                VERIFIED.remove(key);
                throw new GestureLabException("The installed model " + key + " is damaged or was changed (its "
                        + "SHA-256 is not the one GestureLab's converter writes); reinstall the models with "
                        + "'gesturelab models install'" + dirOption(key) + ".");
            }
            VERIFIED.put(key, seen);
        } catch (IOException e) {
            throw new GestureLabException("Cannot read the installed model " + key + " (" + e.getMessage()
                    + "); reinstall the models with 'gesturelab models install'" + dirOption(key) + ".", e);
        }
    }

    private static String dirOption(Path onnx) {
        return onnx.getParent().equals(ModelDirectory.resolve(null)) ? "" : " --dir " + onnx.getParent();
    }
}

package org.gesturelab.models;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Finds the original MediaPipe {@code .tflite} files for tests that need real models. They are never part of the
 * project: a test looks in {@code -Dgesturelab.tflite.dir}, then {@code GESTURELAB_TFLITE_DIR}, then the installed
 * model directory ({@link ModelDirectory}), checks the pinned SHA-256, and skips itself when the model is absent.
 */
public final class TfliteModels {

    /** System property naming a folder of original {@code ID.tflite} files. */
    public static final String PROPERTY = "gesturelab.tflite.dir";
    /** Environment variable naming a folder of original {@code ID.tflite} files. */
    public static final String ENV = "GESTURELAB_TFLITE_DIR";

    private TfliteModels() {
    }

    /**
     * Returns the path of a verified original model, skipping the calling test when it cannot be found.
     *
     * @param model the model
     * @return its {@code .tflite} file
     */
    public static Path require(MediaPipeModel model) {
        Path found = find(model.tfliteFileName());
        assumeTrue(found != null, "Original model " + model.tfliteFileName() + " not found: set -D" + PROPERTY
                + " or " + ENV + " to a folder of .tflite files, or run 'gesturelab models install'; skipping.");
        assumeTrue(model.tfliteSha256().equals(sha256(found)),
                found + " does not match the pinned SHA-256 of " + model.artifactId() + "; skipping.");
        return found;
    }

    /**
     * Returns the path of a model file that is not in the catalogue (for example one the converter must refuse),
     * skipping the calling test when it cannot be found.
     *
     * @param fileName for example {@code face_landmark_with_attention.tflite}
     * @return the file
     */
    public static Path requireFile(String fileName) {
        Path found = find(fileName);
        assumeTrue(found != null, fileName + " not found: set -D" + PROPERTY + " or " + ENV + "; skipping.");
        return found;
    }

    private static Path find(String fileName) {
        for (String folder : new String[] {System.getProperty(PROPERTY), System.getenv(ENV),
            ModelDirectory.resolve(null).toString()}) {
            if (folder != null && !folder.isBlank()) {
                Path candidate = Path.of(folder, fileName);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.gesturelab.mediapipe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests of files and byte ranges, as lower-case hex: how every model file is pinned and checked. */
public final class Checksums {

    private static final int BUFFER = 1 << 16;

    private Checksums() {
    }

    /**
     * Returns the SHA-256 of a file.
     *
     * @param file the file
     * @return 64 lower-case hex digits
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * Returns the SHA-256 of part of an array.
     *
     * @param bytes the array
     * @param offset where the part starts
     * @param length how long it is
     * @return 64 lower-case hex digits
     */
    public static String sha256(byte[] bytes, int offset, int length) {
        MessageDigest digest = newDigest();
        digest.update(bytes, offset, length);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Returns a fresh SHA-256 digest. */
    static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

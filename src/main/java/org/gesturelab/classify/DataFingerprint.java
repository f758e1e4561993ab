package org.gesturelab.classify;

import org.gesturelab.core.LabeledClips;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 over training data (class names, then each clip's label, frame count and values), stored in model cards
 * so that one can tell whether two models saw the same data.
 */
public final class DataFingerprint {

    private DataFingerprint() {
    }

    /**
     * Computes the fingerprint.
     *
     * @param data the labelled clips
     * @return 64 lower-case hexadecimal digits
     */
    public static String of(LabeledClips data) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        for (String name : data.classes()) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        int[] labels = data.labels();
        for (int i = 0; i < data.size(); i++) {
            float[][] clip = data.clips().get(i);
            buffer.putInt(labels[i]).putInt(clip.length);
            for (float[] frame : clip) {
                for (float value : frame) {
                    if (buffer.remaining() < Float.BYTES) {
                        flush(buffer, digest);
                    }
                    buffer.putFloat(value);
                }
            }
            flush(buffer, digest);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void flush(ByteBuffer buffer, MessageDigest digest) {
        buffer.flip();
        digest.update(buffer);
        buffer.clear();
    }
}

package org.gesturelab.mediapipe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Writes small {@code .tgz} archives in the layout {@code npm pack} produces, for installer tests. */
final class TestTarballs {

    private TestTarballs() {
    }

    /**
     * Builds a gzip-compressed ustar archive.
     *
     * @param entries file contents by path, in order (use a LinkedHashMap)
     * @return the archive's bytes
     */
    static byte[] tgz(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                gzip.write(header(entry.getKey(), entry.getValue().length));
                gzip.write(entry.getValue());
                gzip.write(new byte[(512 - entry.getValue().length % 512) % 512]);
            }
            gzip.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Returns the packed-assets loader script's index, in the format MediaPipe's build writes.
     *
     * @param ranges file name, start, end triples
     * @return a script fragment listing them
     */
    static String loaderScript(Object... ranges) {
        StringBuilder files = new StringBuilder();
        for (int i = 0; i < ranges.length; i += 3) {
            files.append(i == 0 ? "" : ", ").append("{\"filename\": \"/third_party/mediapipe/modules/x/")
                    .append(ranges[i]).append("\", \"start\": ").append(ranges[i + 1]).append(", \"end\": ")
                    .append(ranges[i + 2]).append('}');
        }
        return "var Module = {};\n loadPackage({\"files\": [" + files + "], \"remote_package_size\": 0});\n";
    }

    private static byte[] header(String name, long size) {
        byte[] header = new byte[512];
        put(header, 0, name);
        put(header, 100, "0000644\0");
        put(header, 108, "0000000\0");
        put(header, 116, "0000000\0");
        put(header, 124, String.format("%011o\0", size));
        put(header, 136, "14000000000\0");
        put(header, 148, "        ");
        header[156] = '0';
        put(header, 257, "ustar\0");
        put(header, 263, "00");
        long sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o\0 ", sum));
        return header;
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(ascii, 0, header, offset, ascii.length);
    }
}

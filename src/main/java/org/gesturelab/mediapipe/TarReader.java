package org.gesturelab.mediapipe;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the entries of an uncompressed tar stream (ustar, with PAX and GNU long names), one after the other.
 *
 * <p>Small on purpose: it reads what {@code npm pack} writes and refuses anything malformed with an
 * {@link IOException} (bad header checksum, a stream that ends early), so a damaged download is never taken for
 * a short one.
 */
final class TarReader {

    private static final int BLOCK = 512;

    private final InputStream in;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;

    /**
     * One entry.
     *
     * @param name its path inside the archive
     * @param size its length in bytes
     * @param regularFile whether it is a plain file (not a folder, link or other)
     */
    record Entry(String name, long size, boolean regularFile) {
    }

    /**
     * Creates a reader.
     *
     * @param in the uncompressed tar stream; the caller closes it
     */
    TarReader(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next entry, skipping the current one's content unless it was read.
     *
     * @return the entry, or null at the end of the archive
     * @throws IOException if the stream is malformed or ends early
     */
    Entry next() throws IOException {
        String longName = null;
        while (true) {
            skipRest();
            readFully(header, "an entry header");
            if (isZero(header)) {
                return null;
            }
            verifyChecksum();
            long size = parseSize();
            char type = (char) header[156];
            remaining = size;
            padding = (BLOCK - size % BLOCK) % BLOCK;
            if (type == 'x' || type == 'L') {
                // A PAX extended header or a GNU long name: its content names the next entry.
                String extended = new String(readContent(size), StandardCharsets.UTF_8);
                String path = type == 'L' ? extended.replace("\0", "") : paxPath(extended);
                if (path != null) {
                    longName = path;
                }
                continue;
            }
            if (type == 'g') {
                continue;
            }
            String name = longName != null ? longName : headerName();
            return new Entry(name, size, type == '0' || type == '\0' || type == '7');
        }
    }

    /**
     * Reads the current entry's whole content into memory.
     *
     * @param size the entry's size
     * @return its bytes
     * @throws IOException if the stream ends early
     */
    byte[] readContent(long size) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("Archive entry too large to hold in memory: " + size + " bytes");
        }
        byte[] bytes = new byte[(int) size];
        readFully(bytes, "an entry");
        remaining = 0;
        return bytes;
    }

    private void skipRest() throws IOException {
        long toSkip = remaining + padding;
        while (toSkip > 0) {
            long skipped = in.skip(toSkip);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("The archive ends inside an entry");
                }
                skipped = 1;
            }
            toSkip -= skipped;
        }
        remaining = 0;
        padding = 0;
    }

    private void readFully(byte[] buffer, String what) throws IOException {
        int off = 0;
        while (off < buffer.length) {
            int n = in.read(buffer, off, buffer.length - off);
            if (n < 0) {
                throw new EOFException("The archive ends early, inside " + what);
            }
            off += n;
        }
    }

    private void verifyChecksum() throws IOException {
        long stored = parseOctal(148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : header[i] & 0xff;
        }
        if (sum != stored) {
            throw new IOException("Malformed tar header (checksum " + stored + ", computed " + sum + ")");
        }
    }

    private long parseSize() throws IOException {
        if ((header[124] & 0x80) != 0) {
            // GNU base-256 for sizes beyond 8 GiB.
            long size = 0;
            for (int i = 125; i < 136; i++) {
                size = (size << 8) | (header[i] & 0xff);
            }
            return size;
        }
        return parseOctal(124, 12);
    }

    private long parseOctal(int offset, int length) throws IOException {
        long value = 0;
        int end = offset + length;
        int i = offset;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < end && header[i] != 0 && header[i] != ' '; i++) {
            int digit = header[i] - '0';
            if (digit < 0 || digit > 7) {
                throw new IOException("Malformed tar header: bad octal number");
            }
            value = value * 8 + digit;
        }
        return value;
    }

    private String headerName() {
        String name = cString(0, 100);
        boolean ustar = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private String cString(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static String paxPath(String records) {
        // Records are "LENGTH key=value\n".
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }
}

package org.gesturelab.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Reads and writes NumPy {@code .npy} files of floating-point numbers.
 *
 * <p>Reading accepts format versions 1 to 3, float32 and float64 in either byte order, C and Fortran order, and
 * any number of dimensions; it refuses anything else (bad magic, a truncated header or body, integer or object
 * arrays, bytes after the data) with a message naming the file. Writing always produces version 1.0, little-endian float32, C order,
 * which NumPy reads everywhere.
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    private Npy() {
    }

    /**
     * An n-dimensional float array in C order.
     *
     * @param shape the size of each dimension
     * @param data the values, last dimension varying fastest
     */
    public record Array(int[] shape, float[] data) {

        /** Returns the number of rows: the first dimension, or 1 for a scalar. */
        public int rows() {
            return shape.length == 0 ? 1 : shape[0];
        }

        /** Returns the number of values per row: the product of every dimension after the first. */
        public int columns() {
            int columns = 1;
            for (int i = 1; i < shape.length; i++) {
                columns *= shape[i];
            }
            return columns;
        }

        /** Returns the array as rows of {@link #columns()} values (a 1-D array becomes one row per value). */
        public float[][] toMatrix() {
            int rows = rows();
            int columns = columns();
            float[][] matrix = new float[rows][columns];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(data, r * columns, matrix[r], 0, columns);
            }
            return matrix;
        }
    }

    /**
     * Reads a file.
     *
     * @param file the {@code .npy} file
     * @return its contents
     * @throws GestureLabException if the file is not a float32/float64 NumPy array or is truncated
     * @throws IOException if it cannot be read
     */
    public static Array read(Path file) throws IOException {
        return read(file, MAX_ELEMENTS);
    }

    /**
     * Reads a file, refusing one that holds more than a given number of values before reading its data, so that
     * a huge or crafted file is turned down without taking its size in memory.
     *
     * @param file the {@code .npy} file
     * @param maxValues the most values the caller accepts
     * @return its contents
     * @throws GestureLabException if the file is not a float32/float64 NumPy array, is truncated, has bytes after
     *     its data, or holds more than {@code maxValues} values
     * @throws IOException if it cannot be read
     */
    public static Array read(Path file, long maxValues) throws IOException {
        if (!Files.isRegularFile(file)) {
            // A FIFO would block the read forever, a device would never end: only plain files are read.
            throw new GestureLabException(file + (Files.isSymbolicLink(file) && !Files.exists(file)
                    ? " is a broken link." : Files.exists(file) ? " is not a regular file." : " does not exist."));
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), maxValues);
        }
    }

    /**
     * Reads an array from a stream.
     *
     * @param in the stream, positioned at the magic string
     * @param name the file's name, for error messages
     * @return the array
     * @throws GestureLabException if the data is not a float32/float64 NumPy array or is truncated
     * @throws IOException if the stream cannot be read
     */
    public static Array read(InputStream in, String name) throws IOException {
        return read(in, name, MAX_ELEMENTS);
    }

    private static Array read(InputStream in, String name, long maxValues) throws IOException {
        byte[] magic = in.readNBytes(8);
        if (magic.length < 8) {
            throw bad(name, "file too short to be a NumPy array");
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (magic[i] != MAGIC[i]) {
                throw bad(name, "not a NumPy .npy file (bad magic bytes)");
            }
        }
        int major = magic[6] & 0xff;
        int headerLength;
        if (major == 1) {
            byte[] length = in.readNBytes(2);
            if (length.length < 2) {
                throw bad(name, "truncated header");
            }
            headerLength = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xffff;
        } else if (major == 2 || major == 3) {
            byte[] length = in.readNBytes(4);
            if (length.length < 4) {
                throw bad(name, "truncated header");
            }
            headerLength = ByteBuffer.wrap(length).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (headerLength < 0 || headerLength > 1 << 20) {
                throw bad(name, "implausible header length " + headerLength);
            }
        } else {
            throw bad(name, "unsupported .npy format version " + major);
        }
        byte[] headerBytes = in.readNBytes(headerLength);
        if (headerBytes.length < headerLength) {
            throw bad(name, "truncated header");
        }
        String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);

        String descr = group(DESCR, header, name, "dtype");
        boolean fortran = "True".equals(group(FORTRAN, header, name, "fortran_order"));
        int[] shape = parseShape(group(SHAPE, header, name, "shape"), name);

        ByteOrder order;
        switch (descr.isEmpty() ? '?' : descr.charAt(0)) {
            case '<' -> order = ByteOrder.LITTLE_ENDIAN;
            case '>' -> order = ByteOrder.BIG_ENDIAN;
            case '|', '=' -> order = ByteOrder.nativeOrder();
            default -> throw bad(name, "unsupported dtype '" + descr + "'");
        }
        int itemSize;
        switch (descr.substring(1)) {
            case "f4" -> itemSize = 4;
            case "f8" -> itemSize = 8;
            default -> throw bad(name, "dtype '" + descr + "' is not float32 or float64");
        }

        long count = 1;
        for (int dimension : shape) {
            count *= dimension;
            if (count > MAX_ELEMENTS) {
                throw bad(name, "array too large");
            }
        }
        if (count > maxValues) {
            throw bad(name, "it holds " + count + " values (shape " + java.util.Arrays.toString(shape)
                    + "), more than the " + maxValues + " GestureLab reads from one file");
        }
        long bytes = count * itemSize;
        if (bytes > Integer.MAX_VALUE - 8) {
            throw bad(name, "array too large");
        }
        byte[] body = in.readNBytes((int) bytes);
        if (body.length < bytes) {
            throw bad(name, "truncated data: expected " + bytes + " bytes, found " + body.length);
        }
        if (in.read() != -1) {
            // NumPy never writes anything after the data: extra bytes mean a damaged or different file.
            throw bad(name, "unexpected bytes after the " + bytes + " bytes of data its header announces");
        }
        ByteBuffer buffer = ByteBuffer.wrap(body).order(order);
        float[] values = new float[(int) count];
        if (itemSize == 4) {
            buffer.asFloatBuffer().get(values);
        } else {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) buffer.getDouble();
            }
        }
        if (fortran && shape.length > 1) {
            values = fortranToC(values, shape);
        }
        return new Array(shape, values);
    }

    /**
     * Writes a matrix as a 2-D float32 array (rows x columns).
     *
     * @param file the target file
     * @param rows the rows, all of the same length
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, float[][] rows) throws IOException {
        int columns = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, not " + columns);
            }
            System.arraycopy(rows[r], 0, data, r * columns, columns);
        }
        write(file, new Array(new int[] {rows.length, columns}, data));
    }

    /**
     * Writes an array as little-endian float32 in C order.
     *
     * @param file the target file
     * @param array the array
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Array array) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            write(out, array);
        }
    }

    /**
     * Writes an array to a stream as little-endian float32 in C order.
     *
     * @param out the stream
     * @param array the array
     * @throws IOException if the stream cannot be written
     */
    public static void write(OutputStream out, Array array) throws IOException {
        StringBuilder shape = new StringBuilder("(");
        for (int i = 0; i < array.shape().length; i++) {
            shape.append(array.shape()[i]).append(array.shape().length == 1 ? "," : (i + 1 < array.shape().length ? ", " : ""));
        }
        shape.append(')');
        String dict = String.format(Locale.ROOT, "{'descr': '<f4', 'fortran_order': False, 'shape': %s, }", shape);
        // The header, magic and length included, is padded with spaces to a multiple of 64 bytes and ends in '\n'.
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";

        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(MAGIC);
        head.write(1);
        head.write(0);
        head.write(header.length() & 0xff);
        head.write((header.length() >> 8) & 0xff);
        head.write(header.getBytes(StandardCharsets.ISO_8859_1));
        out.write(head.toByteArray());

        ByteBuffer body = ByteBuffer.allocate(array.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        body.asFloatBuffer().put(array.data());
        out.write(body.array());
    }

    private static float[] fortranToC(float[] values, int[] shape) {
        float[] result = new float[values.length];
        int dims = shape.length;
        int[] index = new int[dims];
        for (int f = 0; f < values.length; f++) {
            // f enumerates elements with the first index varying fastest; compute its C position.
            int c = 0;
            for (int d = 0; d < dims; d++) {
                c = c * shape[d] + index[d];
            }
            result[c] = values[f];
            for (int d = 0; d < dims; d++) {
                if (++index[d] < shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return result;
    }

    private static int[] parseShape(String text, String name) {
        List<Integer> dims = new ArrayList<>();
        for (String part : text.split(",")) {
            String trimmed = part.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                int dim = Integer.parseInt(trimmed.endsWith("L") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                if (dim < 0) {
                    throw bad(name, "negative dimension in shape (" + text + ")");
                }
                dims.add(dim);
            } catch (NumberFormatException e) {
                throw bad(name, "unreadable shape (" + text + ")");
            }
        }
        return dims.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String group(Pattern pattern, String header, String name, String what) {
        Matcher matcher = pattern.matcher(header);
        if (!matcher.find()) {
            throw bad(name, "header has no " + what);
        }
        return matcher.group(1);
    }

    private static GestureLabException bad(String name, String why) {
        return new GestureLabException("Cannot read " + name + ": " + why + ".");
    }
}
